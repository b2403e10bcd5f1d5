package store

import (
	"fmt"
	"log/slog"
	"path/filepath"
	"testing"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/testenv"
)

// TestAppendIsolatesRefusedRow makes the database itself refuse one row of
// a batch (a trigger raising a data exception, as PostgreSQL does for a NUL
// byte) — past every check in Go — and checks that the batch's other
// messages are stored all the same and only that row's append fails.
func TestAppendIsolatesRefusedRow(t *testing.T) {
	engines := []struct {
		name, trigger string
		url           func(t *testing.T) string
	}{
		{"SQLite", `CREATE TRIGGER poison BEFORE INSERT ON messages WHEN NEW.body = 'poison'
			BEGIN SELECT RAISE(ABORT, 'poison refused'); END`,
			func(t *testing.T) string { return filepath.Join(t.TempDir(), "parley.db") }},
		{"Postgres", `CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
				IF NEW.body = 'poison' THEN RAISE EXCEPTION 'poison refused' USING ERRCODE = '22021'; END IF;
				RETURN NEW;
			END $$;
			CREATE TRIGGER poison BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION poison()`,
			func(t *testing.T) string { return testenv.PostgresURL(t) }},
	}
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			t.Parallel()
			ctx := t.Context()
			s, err := Open(ctx, e.url(t), slog.New(slog.DiscardHandler))
			mustNil(t, err)
			t.Cleanup(func() { s.Close() })
			_, err = s.write().exec(ctx, e.trigger)
			mustNil(t, err)

			ws := &parley.Workspace{Slug: "poison", Name: "Poison"}
			mustNil(t, s.CreateWorkspace(ctx, parley.SystemActor, ws))
			inbox := &parley.Inbox{WorkspaceID: ws.ID, Name: "Site"}
			mustNil(t, s.CreateInbox(ctx, parley.SystemActor, inbox))
			var ins []parley.MessageInput
			for i := range 21 {
				contact := &parley.Contact{WorkspaceID: ws.ID, Name: "Visitor"}
				mustNil(t, s.CreateContact(ctx, contact))
				visitor := parley.Participant{Type: parley.ParticipantContact, ID: contact.ID}
				conv := &parley.Conversation{WorkspaceID: ws.ID, InboxID: inbox.ID, ContactID: contact.ID}
				_, err := s.CreateConversation(ctx, conv, visitor)
				mustNil(t, err)
				body := fmt.Sprintf("hello %d", i)
				if i == 10 {
					body = "poison"
				}
				ins = append(ins, parley.MessageInput{WorkspaceID: ws.ID, ConversationID: conv.ID, Kind: parley.KindText,
					Sender: parley.Sender{Type: parley.ParticipantContact, ID: contact.ID}, ClientID: "c", Body: body})
			}
			// The poisoned conversation's second message is fine.
			again := ins[10]
			again.Body, again.ClientID = "after the poison", "d"
			ins = append(ins, again)

			results, err := s.AppendMessages(ctx, ins)
			mustNil(t, err)
			for i, r := range results {
				switch {
				case i == 10 && r.Err == nil:
					t.Errorf("the poisoned row was stored")
				case i != 10 && r.Err != nil:
					t.Errorf("input %d (%q) failed with the poisoned row: %v", i, ins[i].Body, r.Err)
				case i == 21 && r.Err == nil && r.Message.Seq != 1:
					t.Errorf("the message after the poison has seq %d, want 1", r.Message.Seq)
				}
			}
			if e.name == "Postgres" && parley.ErrorCode(results[10].Err) != parley.EINVALID {
				t.Errorf("the poisoned row's error is %v, want EINVALID (a data exception)", results[10].Err)
			}
		})
	}
}
