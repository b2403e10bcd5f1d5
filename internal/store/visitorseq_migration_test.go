package store

import (
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/testenv"
)

// TestVisitorSeqMigration writes conversations, messages and read positions
// with the schema before the visitor sequence (version 1), migrates, and
// checks that the rows were numbered as AppendMessage would have: what a
// visitor may see 1, 2, 3, … per conversation in seq order, notes none;
// and that read positions and new messages continue from there.
func TestVisitorSeqMigration(t *testing.T) {
	engines := []struct {
		name string
		url  func(t *testing.T) string
	}{
		{"SQLite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "parley.db") }},
		{"Postgres", func(t *testing.T) string { return testenv.PostgresURL(t) }},
	}
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			t.Parallel()
			testVisitorSeqMigration(t, e.url(t))
		})
	}
}

func testVisitorSeqMigration(t *testing.T, url string) {
	ctx := t.Context()
	logger := slog.New(slog.DiscardHandler)
	old, err := connect(ctx, url, logger)
	mustNil(t, err)
	_, err = old.migrateTo(ctx, logger, 1)
	mustNil(t, err)

	ws := &parley.Workspace{Slug: "migrate", Name: "Migrate"}
	mustNil(t, old.CreateWorkspace(ctx, parley.SystemActor, ws))
	// The inbox is written by hand: CreateInbox writes the columns of
	// later versions too.
	inbox := &parley.Inbox{ID: newID(), WorkspaceID: ws.ID, Name: "Site"}
	_, err = old.write().exec(ctx, `INSERT INTO inboxes (id, workspace_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
		inbox.ID, ws.ID, inbox.Name, time.Now().UnixMicro(), time.Now().UnixMicro())
	mustNil(t, err)
	contact := &parley.Contact{WorkspaceID: ws.ID, Name: "Visitor"}
	mustNil(t, old.CreateContact(ctx, contact))
	visitor := parley.Participant{Type: parley.ParticipantContact, ID: contact.ID}
	agent := parley.Participant{Type: parley.ParticipantAgent, ID: "01900000-0000-7000-8000-00000000000a"}
	idle := parley.Participant{Type: parley.ParticipantAgent, ID: "01900000-0000-7000-8000-00000000000b"}
	// The conversations too, with version 1's columns only.
	var convs [3]*parley.Conversation
	for i := range convs {
		convs[i] = &parley.Conversation{ID: newID(), WorkspaceID: ws.ID, InboxID: inbox.ID, ContactID: contact.ID}
		_, err := old.write().exec(ctx, `INSERT INTO conversations (id, workspace_id, inbox_id, contact_id, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?)`, convs[i].ID, ws.ID, inbox.ID, contact.ID, time.Now().UnixMicro(), time.Now().UnixMicro())
		mustNil(t, err)
	}
	// convs[0]: the kinds interleaved; convs[1]: notes only; convs[2]: empty.
	kinds := [][]parley.MessageKind{
		{parley.KindText, parley.KindNote, parley.KindText, parley.KindEvent, parley.KindNote, parley.KindNote, parley.KindText},
		{parley.KindNote, parley.KindNote},
	}
	w := old.write()
	now := time.Now().UnixMicro()
	for i, ks := range kinds {
		for j, k := range ks {
			_, err := w.exec(ctx, `INSERT INTO messages (id, workspace_id, conversation_id, seq, kind, sender_type,
				sender_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				newID(), ws.ID, convs[i].ID, j+1, k, agent.Type, agent.ID, "m", now)
			mustNil(t, err)
		}
		_, err := w.exec(ctx, `UPDATE conversations SET last_seq = ? WHERE id = ?`, len(ks), convs[i].ID)
		mustNil(t, err)
	}
	for _, rs := range []struct {
		p   parley.Participant
		seq int64
	}{{visitor, 3}, {agent, 5}, {idle, 0}} {
		_, err := w.exec(ctx, `INSERT INTO read_states (workspace_id, conversation_id, participant_type, participant_id,
			last_read_seq, updated_at) VALUES (?, ?, ?, ?, ?, ?)`, ws.ID, convs[0].ID, rs.p.Type, rs.p.ID, rs.seq, now)
		mustNil(t, err)
	}
	mustNil(t, old.Close())

	s, err := Open(ctx, url, logger)
	mustNil(t, err)
	t.Cleanup(func() { s.Close() })

	wantVisitorSeqs := [][]int64{{1, 0, 2, 3, 0, 0, 4}, {0, 0}, nil}
	wantLast := []int64{4, 0, 0}
	for i, c := range convs {
		msgs, err := s.ListMessages(ctx, ws.ID, c.ID, parley.MessageQuery{IncludeNotes: true, Limit: parley.MaxListLimit})
		mustNil(t, err)
		var got []int64
		for _, m := range msgs {
			got = append(got, m.VisitorSeq)
		}
		if d := cmp.Diff(wantVisitorSeqs[i], got); d != "" {
			t.Errorf("conversation %d: visitor seqs (-want +got):\n%s", i, d)
		}
		found, err := s.FindConversation(ctx, ws.ID, c.ID)
		mustNil(t, err)
		if found.VisitorLastSeq != wantLast[i] {
			t.Errorf("conversation %d: visitor_last_seq %d, want %d", i, found.VisitorLastSeq, wantLast[i])
		}
	}

	states, err := s.ReadStates(ctx, ws.ID, convs[0].ID)
	mustNil(t, err)
	got := map[parley.Participant][2]int64{}
	for _, st := range states {
		got[st.Participant] = [2]int64{st.LastReadSeq, st.LastReadVisitorSeq}
	}
	want := map[parley.Participant][2]int64{visitor: {3, 2}, agent: {5, 3}, idle: {0, 0}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("read positions (-want +got):\n%s", d)
	}
	n, err := s.UnreadCount(ctx, ws.ID, convs[0].ID, visitor)
	mustNil(t, err)
	if n != 1 { // visitor seq 4; 3 is a system line, which is never counted
		t.Errorf("visitor's unread count = %d, want 1", n)
	}

	// New messages continue both sequences.
	for _, tt := range []struct {
		kind          parley.MessageKind
		seq, visitors int64
	}{{parley.KindNote, 8, 0}, {parley.KindText, 9, 5}} {
		r, err := s.AppendMessage(ctx, parley.MessageInput{
			WorkspaceID: ws.ID, ConversationID: convs[0].ID, Kind: tt.kind,
			Sender: parley.Sender{Type: agent.Type, ID: agent.ID}, Body: "after",
		})
		mustNil(t, err)
		if r.Message.Seq != tt.seq || r.Message.VisitorSeq != tt.visitors {
			t.Errorf("new %s: seq %d, visitor seq %d; want %d, %d", tt.kind, r.Message.Seq, r.Message.VisitorSeq, tt.seq, tt.visitors)
		}
	}
}

func mustNil(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
