package storetest

import (
	"testing"
	"time"

	"github.com/parleychat/parley"
)

// testEscalation: a queue's tiers are stored, read and refused; a
// conversation starts in tier 1, is escalated by hand to the next, not
// past the last, and starts again at tier 1 when it moves to another
// queue. (The timing is tested with the router, in internal/routing.)
func testEscalation(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)
	ctx := t.Context()
	w, other := mustWorkspace(t, s), mustWorkspace(t, s)
	in := mustInbox(t, s, w.ID)
	a1, a2 := mustOnline(t, s, w.ID), mustOnline(t, s, w.ID)
	mustOnline(t, s, w.ID) // in no team
	t1 := &parley.Team{WorkspaceID: w.ID, Name: "First", AgentIDs: []string{a1.ID}}
	must(t, s.CreateTeam(ctx, actor, t1))
	t2 := &parley.Team{WorkspaceID: w.ID, Name: "Second", AgentIDs: []string{a2.ID}}
	must(t, s.CreateTeam(ctx, actor, t2))
	foreign := &parley.Team{WorkspaceID: other.ID, Name: "Foreign"}
	must(t, s.CreateTeam(ctx, actor, foreign))
	def, err := s.DefaultQueue(ctx, w.ID)
	must(t, err)

	tiers := []parley.Tier{{Limit: time.Minute}, {TeamID: t2.ID, Limit: 2 * time.Minute}}
	q, err := s.UpdateQueue(ctx, actor, w.ID, def.ID, parley.QueueUpdate{TeamID: &t1.ID, Tiers: &tiers})
	must(t, err)
	want := []parley.Tier{{TeamID: t1.ID, Limit: time.Minute}, {TeamID: t2.ID, Limit: 2 * time.Minute}}
	diff(t, want, q.Tiers)
	got, err := s.FindQueue(ctx, w.ID, def.ID)
	must(t, err)
	diff(t, want, got.Tiers)
	wantAudit(t, s, w.ID, "queue.update", "queue", def.ID)
	cands, err := s.RoutingCandidates(ctx, w.ID, def.ID)
	must(t, err)
	if len(cands) != 2 {
		t.Errorf("candidates of both tiers: %+v", cands)
	}

	for _, bad := range [][]parley.Tier{
		make([]parley.Tier, parley.MaxTiers+1),
		{{Limit: 0}},
		{{Limit: -time.Second}},
		{{Limit: 1500 * time.Millisecond}},
		{{Limit: parley.MaxTierLimit + time.Second}},
		{{Limit: time.Minute}, {Limit: time.Minute}},
		{{Limit: time.Minute}, {TeamID: t1.ID, Limit: time.Minute}},
	} {
		_, err := s.UpdateQueue(ctx, actor, w.ID, def.ID, parley.QueueUpdate{Tiers: &bad})
		wantCode(t, err, parley.EINVALID)
	}
	for _, team := range []string{"nope", foreign.ID} {
		bad := []parley.Tier{{Limit: time.Minute}, {TeamID: team, Limit: time.Minute}}
		_, err := s.UpdateQueue(ctx, actor, w.ID, def.ID, parley.QueueUpdate{Tiers: &bad})
		wantCode(t, err, parley.ENOTFOUND)
		wantCode(t, s.CreateQueue(ctx, actor, &parley.Queue{WorkspaceID: w.ID, Name: "Bad " + team[:4],
			Strategy: parley.StrategyManual, Tiers: bad}), parley.ENOTFOUND)
	}
	got, err = s.FindQueue(ctx, w.ID, def.ID)
	must(t, err)
	diff(t, want, got.Tiers)
	wantCode(t, s.DeleteTeam(ctx, actor, w.ID, t2.ID), parley.ECONFLICT)

	th := pendingIn(t, s, w, in)
	c, err := s.FindConversation(ctx, w.ID, th.conv.ID)
	must(t, err)
	if c.Tier != 1 || c.TierAt == nil || c.EscalationOverdueAt != nil {
		t.Fatalf("queued: tier %d at %v", c.Tier, c.TierAt)
	}
	by := parley.Participant{Type: parley.ParticipantAgent, ID: a1.ID}
	c, evs, err := s.EscalateConversation(ctx, w.ID, th.conv.ID, by, "billing question")
	must(t, err)
	if c.Tier != 2 || len(evs) != 1 || evs[0].Type != parley.EventConversationEscalated {
		t.Fatalf("escalated: tier %d, events %v", c.Tier, evs)
	}
	_, _, err = s.EscalateConversation(ctx, w.ID, th.conv.ID, by, "")
	wantCode(t, err, parley.ECONFLICT)
	if parley.ErrorReason(err) != "last_tier" {
		t.Errorf("at the last tier: %v", err)
	}
	_, _, err = s.EscalateConversation(ctx, other.ID, th.conv.ID, by, "")
	wantCode(t, err, parley.ENOTFOUND)
	idle := mustThreadIn(t, s, w, in)
	_, _, err = s.EscalateConversation(ctx, w.ID, idle.conv.ID, by, "")
	if parley.ErrorReason(err) != "not_waiting" {
		t.Errorf("an open conversation: %v", err)
	}

	// Moved to another queue and back: tier 1 again.
	plain := mustQueue(t, s, w.ID, "Plain", parley.StrategyManual, "")
	c, _, err = s.MoveConversation(ctx, w.ID, th.conv.ID, plain.ID, by)
	must(t, err)
	if c.Tier != 1 {
		t.Errorf("moved: tier %d", c.Tier)
	}
	_, _, err = s.EscalateConversation(ctx, w.ID, th.conv.ID, by, "")
	if parley.ErrorReason(err) != "last_tier" {
		t.Errorf("a queue without tiers: %v", err)
	}

	// Tiers removed: the team may go.
	q, err = s.UpdateQueue(ctx, actor, w.ID, def.ID, parley.QueueUpdate{Tiers: &[]parley.Tier{}})
	must(t, err)
	if len(q.Tiers) != 0 {
		t.Errorf("tiers left: %+v", q.Tiers)
	}
	must(t, s.DeleteTeam(ctx, actor, w.ID, t2.ID))
}
