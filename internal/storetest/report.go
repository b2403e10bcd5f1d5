package storetest

import (
	"testing"
	"time"

	"github.com/parleychat/parley"
)

// testReports builds a small history and checks the report's facts and
// numbers against values computed here from what the store returned.
func testReports(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)
	ctx := t.Context()
	w := mustWorkspace(t, s)
	in := mustInbox(t, s, w.ID)
	ag := mustAgent(t, s, w.ID)
	vip := mustLabel(t, s, w.ID, "VIP")
	from := time.Now().Add(-time.Hour)

	// a: answered, resolved and rated 5; b: answered (a note first, which
	// is no reply), not resolved; c: never written in, resolved unanswered;
	// d: written in, resolved unanswered — abandoned.
	a := mustThreadIn(t, s, w, in)
	aFirst := mustAppend(t, s, a.text(contactSender(a.contact), "Hello")).Message.CreatedAt
	aReply := mustAppend(t, s, a.text(agentSender(ag), "Hi!")).Message.CreatedAt
	_, _, err := s.AssignConversation(ctx, w.ID, a.conv.ID, ag.ID, agentP(ag))
	must(t, err)
	aDone, _, err := s.ResolveConversation(ctx, w.ID, a.conv.ID, agentP(ag))
	must(t, err)
	_, err = s.RateConversation(ctx, &parley.Rating{WorkspaceID: w.ID, ConversationID: a.conv.ID, Score: 5}, contactP(a.contact))
	must(t, err)
	must(t, s.AddLabel(ctx, actor, w.ID, parley.LabelConversation, a.conv.ID, vip.ID))

	b := mustThreadIn(t, s, w, in)
	bFirst := mustAppend(t, s, b.text(contactSender(b.contact), "Anyone?")).Message.CreatedAt
	note := b.text(agentSender(ag), "checking")
	note.Kind = parley.KindNote
	mustAppend(t, s, note)
	bReply := mustAppend(t, s, b.text(agentSender(ag), "Yes")).Message.CreatedAt

	c := mustThreadIn(t, s, w, in)
	cDone, _, err := s.ResolveConversation(ctx, w.ID, c.conv.ID, agentP(ag))
	must(t, err)

	d := mustThreadIn(t, s, w, in)
	mustAppend(t, s, d.text(contactSender(d.contact), "Hello? Anyone?"))
	dNote := d.text(agentSender(ag), "later")
	dNote.Kind = parley.KindNote
	mustAppend(t, s, dNote) // a note is no reply
	_, _, err = s.ResolveConversation(ctx, w.ID, d.conv.ID, parley.Participant{Type: parley.ParticipantSystem})
	must(t, err)

	// Another workspace's conversation is never counted.
	mustThread(t, s)

	facts, err := s.ReportFacts(ctx, w.ID, from, time.Now().Add(time.Hour))
	must(t, err)
	if len(facts) != 4 {
		t.Fatalf("facts = %+v", facts)
	}
	byID := map[string]parley.ReportFact{}
	for _, f := range facts {
		byID[f.ConversationID] = f
	}
	fa, fb, fc, fd := byID[a.conv.ID], byID[b.conv.ID], byID[c.conv.ID], byID[d.conv.ID]
	for _, f := range []parley.ReportFact{fa, fb, fc, fd} {
		if f.Abandoned() != (f.ConversationID == d.conv.ID) {
			t.Errorf("abandoned %v: %+v", f.Abandoned(), f)
		}
	}
	if !fa.FirstVisitorAt.Equal(aFirst) || !fa.FirstReplyAt.Equal(aReply) || !fa.ResolvedAt.Equal(*aDone.ResolvedAt) ||
		fa.Score != 5 || fa.AssigneeID != ag.ID || len(fa.Labels) != 1 || fa.Labels[0] != vip.ID {
		t.Errorf("a = %+v", fa)
	}
	if !fb.FirstVisitorAt.Equal(bFirst) || !fb.FirstReplyAt.Equal(bReply) || !fb.ResolvedAt.IsZero() || fb.Score != 0 {
		t.Errorf("b = %+v", fb)
	}
	if !fc.FirstVisitorAt.IsZero() || !fc.FirstReplyAt.IsZero() || !fc.ResolvedAt.Equal(*cDone.ResolvedAt) {
		t.Errorf("c = %+v", fc)
	}

	rows := parley.BuildReport(facts, parley.ReportOptions{})
	if len(rows) != 1 {
		t.Fatalf("rows = %+v", rows)
	}
	r := rows[0]
	if r.Conversations != 4 || r.Resolved != 3 || r.Abandoned != 1 || r.Ratings != 1 || r.CSATAverage != 5 ||
		r.ResponseRate != 0.33 || r.FirstResponse.Count != 2 || r.Resolution.Count != 3 {
		t.Errorf("workspace row = %+v", r)
	}
	// Nearest rank: the median of two is the smaller, the p90 the larger.
	firsts := []float64{aReply.Sub(aFirst).Seconds(), bReply.Sub(bFirst).Seconds()}
	lo, hi := min(firsts[0], firsts[1]), max(firsts[0], firsts[1])
	if !near(r.FirstResponse.Median, lo) || !near(r.FirstResponse.P90, hi) {
		t.Errorf("first response = %+v, want median %v p90 %v", r.FirstResponse, lo, hi)
	}
	labelRows := parley.BuildReport(facts, parley.ReportOptions{Group: "label"})
	if len(labelRows) != 1 || labelRows[0].Key != vip.ID || labelRows[0].Conversations != 1 {
		t.Errorf("label rows = %+v", labelRows)
	}

	// A range that holds none of them, and a workspace with none.
	facts, err = s.ReportFacts(ctx, w.ID, from.Add(-48*time.Hour), from.Add(-24*time.Hour))
	must(t, err)
	if len(facts) != 0 {
		t.Errorf("facts out of range = %+v", facts)
	}
	facts, err = s.ReportFacts(ctx, "nope\x00", from, time.Now())
	must(t, err)
	if len(facts) != 0 {
		t.Errorf("facts of a bad workspace = %+v", facts)
	}
}

func near(got, want float64) bool { return got-want < 0.01 && want-got < 0.01 }
