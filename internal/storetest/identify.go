package storetest

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func testIdentify(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("CreateThenUpdate", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		r, err := s.IdentifyContact(ctx, parley.Identify{
			WorkspaceID: w.ID, ExternalID: " u1 ", Email: "Ada@Example.com", Name: "Ada",
			Attributes: map[string]any{"plan": "pro"}, Verified: true, Reason: parley.MergeReasonIdentify,
		})
		must(t, err)
		if !r.Created || len(r.Merges) != 0 {
			t.Fatalf("result %+v, want created", r)
		}
		c := r.Contact
		diff(t, []string{"u1", "ada@example.com", "Ada"}, []string{c.ExternalID, c.Email, c.Name})
		if !c.Verified {
			t.Error("not verified")
		}
		found, err := s.FindContactByID(ctx, w.ID, c.ID)
		must(t, err)
		diff(t, c, found)

		// The same external ID finds the same contact; attributes are set
		// key by key, an empty name keeps the name.
		r2, err := s.IdentifyContact(ctx, parley.Identify{
			WorkspaceID: w.ID, ExternalID: "u1", Phone: "+1", Attributes: map[string]any{"seats": 2},
		})
		must(t, err)
		if r2.Created || r2.Contact.ID != c.ID {
			t.Fatalf("second identify: %+v, want the same contact", r2)
		}
		diff(t, map[string]any{"plan": "pro", "seats": float64(2)}, r2.Contact.Attributes)
		diff(t, []string{"Ada", "+1"}, []string{r2.Contact.Name, r2.Contact.Phone})
		if !r2.Contact.Verified {
			t.Error("identify unmarked verified")
		}
		if len(r2.Events) != 1 || r2.Events[0].Type != parley.EventContactUpdated {
			t.Errorf("events %v, want contact.updated", r2.Events)
		}
		// Nothing new: no event.
		r3, err := s.IdentifyContact(ctx, parley.Identify{WorkspaceID: w.ID, Email: "ada@example.com"})
		must(t, err)
		if r3.Contact.ID != c.ID || len(r3.Events) != 0 {
			t.Errorf("third identify: %+v", r3)
		}
	})

	t.Run("MergesHolders", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)                                                // th.contact will hold the email
		must(t, s.CreateContact(ctx, &parley.Contact{WorkspaceID: th.ws.ID})) // unrelated
		_, err := s.UpdateContact(ctx, nil, th.ws.ID, th.contact.ID, parley.ContactUpdate{
			Email: ptr("ada@example.com"), Attributes: &map[string]any{"plan": "free", "old": true},
		})
		must(t, err)
		owner := &parley.Contact{WorkspaceID: th.ws.ID, ExternalID: "u1", Attributes: map[string]any{"plan": "pro"}}
		must(t, s.CreateContact(ctx, owner))
		before := len(allEvents(t, s, th.ws.ID))

		r, err := s.IdentifyContact(ctx, parley.Identify{
			WorkspaceID: th.ws.ID, ExternalID: "u1", Email: "ada@example.com", Reason: parley.MergeReasonIdentify,
			Actor: &actor,
		})
		must(t, err)
		if r.Created || r.Contact.ID != owner.ID || len(r.Merges) != 1 || r.Merges[0].SourceID != th.contact.ID {
			t.Fatalf("result %+v, want %s merged into %s", r, th.contact.ID, owner.ID)
		}
		// The external ID's holder wins; attributes combined, the target's first.
		diff(t, map[string]any{"plan": "pro", "old": true}, r.Contact.Attributes)
		diff(t, "ada@example.com", r.Contact.Email)
		diff(t, owner.ID, mustConversation(t, s, th.ws.ID, th.conv.ID).ContactID)
		_, err = s.FindContactByID(ctx, th.ws.ID, th.contact.ID)
		wantCode(t, err, parley.ENOTFOUND)
		var types []parley.EventType
		for _, e := range allEvents(t, s, th.ws.ID)[before:] {
			types = append(types, e.Type)
		}
		// The merge gave the target the email: nothing else to update.
		diff(t, []parley.EventType{parley.EventContactMerged}, types)
		wantAudit(t, s, th.ws.ID, "contact.identify", "contact", owner.ID)
	})

	t.Run("MergeContactAndSession", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		_, guestHash, guest := mustGuest(t, s, in)
		conv := &parley.Conversation{WorkspaceID: w.ID, InboxID: in.ID, ContactID: guest.ID}
		_, err := s.CreateConversation(ctx, conv, contactP(guest))
		must(t, err)
		mustAppend(t, s, parley.MessageInput{WorkspaceID: w.ID, ConversationID: conv.ID, Kind: parley.KindText,
			Sender: contactSender(guest), Body: "hi as a guest"})
		_, err = s.MarkRead(ctx, w.ID, conv.ID, contactP(guest), 1)
		must(t, err)

		sess := &parley.VisitorSession{WorkspaceID: w.ID, InboxID: in.ID, ExpiresAt: time.Now().Add(time.Hour)}
		hash := randomBytes()
		r, err := s.IdentifyContact(ctx, parley.Identify{
			WorkspaceID: w.ID, ExternalID: "sub-1", Verified: true, MergeContactID: guest.ID,
			Session: sess, SessionHash: hash, Reason: parley.MergeReasonLogin,
		})
		must(t, err)
		if !r.Created || len(r.Merges) != 1 || r.Merges[0].SourceID != guest.ID || r.Merges[0].Reason != parley.MergeReasonLogin {
			t.Fatalf("result %+v, want a new contact with the guest merged", r)
		}
		c := r.Contact
		if sess.ID == "" || sess.ContactID != c.ID {
			t.Fatalf("session %+v not opened for %s", sess, c.ID)
		}
		got, err := s.FindVisitorSessionByHash(ctx, hash, time.Now())
		must(t, err)
		diff(t, sess, got)
		// The guest's session, conversation, messages and read position are the contact's now.
		gs, err := s.FindVisitorSessionByHash(ctx, guestHash, time.Now())
		must(t, err)
		diff(t, c.ID, gs.ContactID)
		diff(t, c.ID, mustConversation(t, s, w.ID, conv.ID).ContactID)
		msgs := allMessages(t, s, w.ID, conv.ID)
		diff(t, contactSender(c), msgs[0].Sender)
		rs, err := s.ReadStates(ctx, w.ID, conv.ID)
		must(t, err)
		diff(t, contactP(c), rs[0].Participant)
		// The merged contact can write in the moved conversation.
		mustAppend(t, s, parley.MessageInput{WorkspaceID: w.ID, ConversationID: conv.ID, Kind: parley.KindText,
			Sender: contactSender(c), Body: "hi, logged in"})
	})

	t.Run("Errors", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		_, err := s.IdentifyContact(ctx, parley.Identify{WorkspaceID: w.ID, Email: "  "})
		wantCode(t, err, parley.EINVALID)
		_, err = s.IdentifyContact(ctx, parley.Identify{WorkspaceID: w.ID, ExternalID: "x", MergeContactID: "missing"})
		wantCode(t, err, parley.ENOTFOUND)
		other := mustContact(t, s, mustWorkspace(t, s).ID)
		_, err = s.IdentifyContact(ctx, parley.Identify{WorkspaceID: w.ID, ExternalID: "x", MergeContactID: other.ID})
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.IdentifyContact(ctx, parley.Identify{WorkspaceID: w.ID, ExternalID: "x",
			Session:     &parley.VisitorSession{WorkspaceID: w.ID, InboxID: "missing", ExpiresAt: time.Now().Add(time.Hour)},
			SessionHash: randomBytes()})
		wantCode(t, err, parley.ENOTFOUND)
		// Failed calls leave nothing behind.
		l, err := s.ListContacts(ctx, w.ID, parley.ContactFilter{})
		must(t, err)
		diff(t, 0, len(l.Items))
		diff(t, 0, len(allEvents(t, s, w.ID)))
	})

	t.Run("ConcurrentSameIdentifier", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		errs := raceN(8, func(int) error {
			_, err := s.IdentifyContact(ctx, parley.Identify{WorkspaceID: w.ID, ExternalID: "same"})
			if parley.ErrorCode(err) == parley.ECONFLICT {
				_, err = s.IdentifyContact(ctx, parley.Identify{WorkspaceID: w.ID, ExternalID: "same"})
			}
			return err
		})
		for _, err := range errs {
			must(t, err)
		}
		l, err := s.ListContacts(ctx, w.ID, parley.ContactFilter{ExternalID: "same"})
		must(t, err)
		diff(t, 1, len(l.Items))
	})
}

func decodeMergeEvent(t *testing.T, e *parley.Event) parley.ContactMergedEventData {
	t.Helper()
	if e.Type != parley.EventContactMerged {
		t.Fatalf("event %s, want contact.merged", e.Type)
	}
	var d parley.ContactMergedEventData
	must(t, json.Unmarshal(e.Payload, &d))
	return d
}
