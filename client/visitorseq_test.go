package client_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/client"
)

// seqModel is what the test expects of one conversation: its messages in
// seq order, and the read positions of its visitor and agent.
type seqModel struct {
	msgs []*modelMessage
	// visitorRead is the visitor's position (a visitor seq); agentRead the
	// agent's (a seq).
	visitorRead, agentRead int64
}

type modelMessage struct {
	id        string
	seq, vseq int64 // vseq 0 for a note
	kind      string
	sender    string // "visitor", "agent" or "app"
	body      string
	deleted   bool
	via       string // how it was sent, for failure messages
}

// add records a new message and returns it with its expected numbers.
func (m *seqModel) add(kind, sender, body string) *modelMessage {
	mm := &modelMessage{seq: int64(len(m.msgs)) + 1, kind: kind, sender: sender, body: body}
	if kind != client.KindNote {
		mm.vseq = m.visitorLast() + 1
	}
	m.msgs = append(m.msgs, mm)
	return mm
}

func (m *seqModel) last() int64 { return int64(len(m.msgs)) }

func (m *seqModel) visitorLast() int64 { return m.visitorSeqAt(m.last()) }

// visitorSeqAt is the visitor seq of the last visible message at or before
// seq: where a reader at seq stands in the visitor sequence.
func (m *seqModel) visitorSeqAt(seq int64) int64 {
	for i := seq - 1; i >= 0; i-- {
		if v := m.msgs[i].vseq; v > 0 {
			return v
		}
	}
	return 0
}

func (m *seqModel) byID(id string) *modelMessage {
	for _, mm := range m.msgs {
		if mm.id == id {
			return mm
		}
	}
	return nil
}

// visitorUnread is the visitor's unread count: visible text and attachment
// messages after its position that it did not send and that are not deleted.
func (m *seqModel) visitorUnread() int {
	n := 0
	for _, mm := range m.msgs {
		if mm.vseq > m.visitorRead && !mm.deleted && mm.sender != "visitor" &&
			(mm.kind == client.KindText || mm.kind == client.KindAttachment) {
			n++
		}
	}
	return n
}

// expectedRead is a read frame a visitor's connection must receive.
type expectedRead struct {
	participant string // "contact" or "agent"
	seq         int64  // a visitor seq
}

// TestVisitorSequenceProperty interleaves, at random, visitor and agent
// messages, notes, system lines, edits, deletions and read marks by both
// sides (over REST and WebSocket), on one SQLite node and on two nodes on
// PostgreSQL and NATS, and checks every number a visitor is given: the
// seqs of messages over REST and WebSocket are 1, 2, 3, … with no gap,
// last_seq is the last of them, the unread count and read positions are in
// the same sequence, a read frame comes only when an agent's reading moved
// past something the visitor may see, and none of these numbers is a
// note's. Resuming with after_seq over the visitor sequence gives exactly
// the messages after it.
func TestVisitorSequenceProperty(t *testing.T) {
	topologies(t, func(t *testing.T, e *env) {
		seed := rand.Uint64()
		t.Logf("seed %d", seed)
		r := rand.New(rand.NewPCG(seed, 0))
		ctx := t.Context()

		visitor, _ := e.visitor(t, 0)
		conv := startConversation(t, visitor)
		agent, ag := e.agent(t, e.last(), parley.RoleAgent)
		_, err := agent.Assign(ctx, conv.ID, ag.ID)
		must(t, err)
		app := e.admin(t, e.last())
		m := &seqModel{}
		first, err := visitor.Messages(ctx, conv.ID, client.MessageQuery{})
		must(t, err)
		m.add(client.KindText, "visitor", first[0].Body).id = first[0].ID

		visitorConn := connect(t, visitor)
		_, err = visitorConn.Subscribe(ctx, conv.ID, 0)
		must(t, err)
		agentConn := connect(t, agent)
		_, err = agentConn.Subscribe(ctx, conv.ID, 0)
		must(t, err)

		var reads []expectedRead // what the visitor's connection must be told, in order
		send := func(c *client.Client, conn *client.Conn, sender, kind string) {
			t.Helper()
			body := fmt.Sprintf("%s %s %d", sender, kind, len(m.msgs)+1)
			if kind == client.KindNote {
				body = "SECRET " + body
			}
			want := m.add(kind, sender, body)
			in := client.SendInput{Kind: kind, Body: body}
			var res *client.SendResult
			if conn != nil && r.IntN(2) == 0 {
				res, err = conn.Send(ctx, conv.ID, in)
				want.via = "ws"
			} else {
				res, err = c.SendMessage(ctx, conv.ID, in)
				want.via = "rest"
			}
			must(t, err)
			want.id = res.Message.ID
			// The sender is told its own sequence: a visitor its visitor
			// seq, staff the seq and the visitor seq.
			got, wantSeq := res.Message, want.seq
			if sender == "visitor" {
				wantSeq = want.vseq
			}
			if got.Seq != wantSeq || got.VisitorSeq != want.vseq {
				t.Fatalf("%s's %s sent over %s: seq %d, visitor seq %d; want %d, %d",
					sender, kind, want.via, got.Seq, got.VisitorSeq, wantSeq, want.vseq)
			}
		}
		pick := func(ok func(*modelMessage) bool) *modelMessage {
			var candidates []*modelMessage
			for _, mm := range m.msgs {
				if !mm.deleted && ok(mm) {
					candidates = append(candidates, mm)
				}
			}
			if len(candidates) == 0 {
				return nil
			}
			return candidates[r.IntN(len(candidates))]
		}
		// markRead marks the conversation read up to seq over REST or
		// WebSocket, at random, and returns the position.
		markRead := func(c *client.Client, conn *client.Conn, seq int64) int64 {
			t.Helper()
			var pos int64
			if r.IntN(2) == 0 {
				pos, err = conn.MarkRead(ctx, conv.ID, seq)
			} else {
				pos, err = c.MarkRead(ctx, conv.ID, seq)
			}
			must(t, err)
			return pos
		}
		author := func(mm *modelMessage) *client.Client {
			if mm.sender == "visitor" {
				return visitor
			}
			return agent
		}

		const ops = 60
		for op := range ops {
			switch k := r.IntN(10); k {
			case 0, 1:
				send(visitor, visitorConn, "visitor", client.KindText)
			case 2:
				send(agent, agentConn, "agent", client.KindText)
			case 3, 4:
				send(agent, agentConn, "agent", client.KindNote)
			case 5:
				send(app, nil, "app", client.KindEvent)
			case 6:
				if mm := pick(func(mm *modelMessage) bool { return mm.sender != "app" }); mm != nil {
					mm.body = "edited " + mm.body
					_, err := author(mm).EditMessage(ctx, mm.id, mm.body)
					must(t, err)
				}
			case 7:
				if mm := pick(func(mm *modelMessage) bool { return mm.sender != "app" }); mm != nil {
					must(t, author(mm).DeleteMessage(ctx, mm.id))
					mm.deleted = true
				}
			case 8:
				// The agent reads up to any seq, a note's included.
				seq := r.Int64N(m.last() + 1)
				pos := markRead(agent, agentConn, seq)
				before := m.visitorSeqAt(m.agentRead)
				m.agentRead = max(m.agentRead, seq)
				if pos != m.agentRead {
					t.Fatalf("op %d: the agent read up to %d: position %d, want %d", op, seq, pos, m.agentRead)
				}
				if after := m.visitorSeqAt(m.agentRead); after > before {
					reads = append(reads, expectedRead{"agent", after})
				}
			case 9:
				seq := r.Int64N(m.visitorLast() + 1)
				pos := markRead(visitor, visitorConn, seq)
				m.visitorRead = max(m.visitorRead, seq)
				if pos != m.visitorRead {
					t.Fatalf("op %d: the visitor read up to %d: position %d, want %d", op, seq, pos, m.visitorRead)
				}
				reads = append(reads, expectedRead{"contact", m.visitorRead})
			}
			checkVisitorREST(t, visitor, conv.ID, m)
		}
		// A last visible message, read by the agent: its read frame closes
		// the visitor's stream below.
		send(agent, agentConn, "agent", client.KindText)
		_, err = agent.MarkRead(ctx, conv.ID, m.last())
		must(t, err)
		m.agentRead = m.last()
		reads = append(reads, expectedRead{"agent", m.visitorLast()})

		checkVisitorStream(t, visitorConn, conv.ID, m, reads)
		checkVisitorREST(t, visitor, conv.ID, m)
		checkStaffStream(t, agentConn, m)

		// Resume over the visitor sequence, by REST and WebSocket, from a
		// few positions: exactly the messages after it.
		for _, after := range []int64{0, r.Int64N(m.visitorLast() + 1), m.visitorLast()} {
			var want []string
			for _, mm := range m.msgs {
				if mm.vseq > after {
					want = append(want, mm.id)
				}
			}
			page, err := visitor.Messages(ctx, conv.ID, client.MessageQuery{AfterSeq: after, Limit: 200})
			must(t, err)
			var got []string
			for _, msg := range page {
				got = append(got, msg.ID)
			}
			if !slices.Equal(want, got) {
				t.Errorf("REST after_seq %d: %d messages %v, want %d %v", after, len(got), got, len(want), want)
			}
			resumed := connect(t, visitor)
			sub, err := resumed.Subscribe(ctx, conv.ID, after)
			must(t, err)
			if sub.LastSeq != m.visitorLast() || sub.Conversation.LastSeq != m.visitorLast() {
				t.Errorf("resume after %d: subscribed at %d, conversation last_seq %d; want %d",
					after, sub.LastSeq, sub.Conversation.LastSeq, m.visitorLast())
			}
			got = nil
			for range want {
				msg := nextMessage(t, resumed)
				if msg.Seq != m.byID(msg.ID).vseq {
					t.Errorf("resume after %d: message %s at seq %d, want %d", after, msg.ID, msg.Seq, m.byID(msg.ID).vseq)
				}
				got = append(got, msg.ID)
			}
			if !slices.Equal(want, got) {
				t.Errorf("WebSocket resume after %d: %v, want %v", after, got, want)
			}
			resumed.Close()
		}
	})
}

// checkVisitorREST checks what the visitor is told over REST against m.
func checkVisitorREST(t *testing.T, visitor *client.Client, conversationID string, m *seqModel) {
	t.Helper()
	ctx := t.Context()
	c, err := visitor.Conversation(ctx, conversationID)
	must(t, err)
	if c.LastSeq != m.visitorLast() || c.VisitorLastSeq != m.visitorLast() {
		t.Fatalf("the visitor's last_seq %d (visitor_last_seq %d), want %d", c.LastSeq, c.VisitorLastSeq, m.visitorLast())
	}
	n, err := visitor.UnreadCount(ctx, conversationID)
	must(t, err)
	if n != m.visitorUnread() {
		t.Fatalf("the visitor's unread count %d, want %d", n, m.visitorUnread())
	}
	msgs, err := visitor.Messages(ctx, conversationID, client.MessageQuery{Limit: 200})
	must(t, err)
	for i, msg := range msgs {
		want := m.byID(msg.ID)
		if want == nil || want.vseq == 0 || msg.Seq != int64(i+1) || msg.Seq != want.vseq || msg.Kind == client.KindNote {
			t.Fatalf("the visitor's message %d over REST: %+v (model %+v)", i, msg, want)
		}
	}
	if int64(len(msgs)) != m.visitorLast() {
		t.Fatalf("the visitor's history has %d messages, want %d", len(msgs), m.visitorLast())
	}
	states, err := visitor.ReadStates(ctx, conversationID)
	must(t, err)
	for _, st := range states {
		want := m.visitorRead
		if st.Participant.Type == "agent" {
			want = m.visitorSeqAt(m.agentRead)
		}
		if st.LastReadSeq != want || st.LastReadVisitorSeq != want {
			t.Fatalf("the visitor is told %s read up to %d (%d), want %d", st.Participant.Type, st.LastReadSeq,
				st.LastReadVisitorSeq, want)
		}
	}
}

// checkVisitorStream reads the visitor's connection until it has received
// every expected read frame, and checks each frame: new messages numbered
// 1, 2, 3, … without gaps, edits and deletions at their visitor seq, read
// frames exactly those expected (no more: an agent reading notes only
// tells the visitor nothing), and nothing about a note.
func checkVisitorStream(t *testing.T, conn *client.Conn, conversationID string, m *seqModel, reads []expectedRead) {
	t.Helper()
	var next int64 = 1
	byParticipant := map[string][]int64{}
	for _, r := range reads {
		byParticipant[r.participant] = append(byParticipant[r.participant], r.seq)
	}
	pending := len(reads)
	for pending > 0 || next <= m.visitorLast() {
		ctx, cancel := context.WithTimeout(t.Context(), wait)
		f, err := conn.Next(ctx)
		cancel()
		if err != nil {
			t.Fatalf("waiting for the visitor's frames (next seq %d, %d reads pending): %v", next, pending, err)
		}
		if strings.Contains(string(f.Raw), "SECRET") || strings.Contains(string(f.Raw), `"note"`) || f.Note {
			t.Fatalf("the visitor received %s", f.Raw)
		}
		switch f.Type {
		case client.FrameMessage:
			if want := m.byID(f.Message.ID); f.Message.Seq != next || want == nil || want.vseq != next {
				t.Fatalf("the visitor's next message is %s, want seq %d", f.Raw, next)
			}
			next++
		case client.FrameMessageUpdated, client.FrameMessageDeleted:
			if want := m.byID(f.Message.ID); want == nil || f.Message.Seq != want.vseq || f.Message.Seq >= next {
				t.Fatalf("the visitor's %s: %s", f.Type, f.Raw)
			}
		case client.FrameRead:
			p := f.Participant.Type
			want := byParticipant[p]
			if len(want) == 0 || f.LastReadSeq != want[0] || f.LastReadVisitorSeq != want[0] {
				t.Fatalf("the visitor's read frame %s, want %s at %v", f.Raw, p, want)
			}
			byParticipant[p] = want[1:]
			pending--
		case client.FrameConversation:
			if c := f.Conversation; c.LastSeq != c.VisitorLastSeq || c.LastSeq > m.visitorLast() {
				t.Fatalf("the visitor's conversation frame %s", f.Raw)
			}
		}
	}
}

// checkStaffStream checks that staff see every message, notes included,
// in the full sequence, each with its visitor seq.
func checkStaffStream(t *testing.T, conn *client.Conn, m *seqModel) {
	t.Helper()
	var next int64 = 1
	for next <= m.last() {
		msg := nextMessage(t, conn)
		want := m.byID(msg.ID)
		if want == nil || msg.Seq != next || msg.Seq != want.seq || msg.VisitorSeq != want.vseq {
			t.Fatalf("the agent's next message is %+v, want seq %d (model %+v)", msg, next, want)
		}
		next++
	}
}
