package storetest

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

// testContactOps covers listing, updating and erasing contacts.
func testContactOps(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("List", func(t *testing.T) {
		ctx := t.Context()
		w, other := mustWorkspace(t, s), mustWorkspace(t, s)
		mk := func(c parley.Contact) *parley.Contact {
			c.WorkspaceID = w.ID
			must(t, s.CreateContact(ctx, &c))
			return &c
		}
		ada := mk(parley.Contact{ExternalID: "u1", Email: "ada@example.com", Name: "Ada Lovelace",
			Attributes: map[string]any{"plan": "pro", "seats": 3}})
		bob := mk(parley.Contact{Phone: "+441234", Name: "Bob", Attributes: map[string]any{"plan": "free"}})
		carl := mk(parley.Contact{Email: "carl_x@example.com", Name: "adam"})
		must(t, s.CreateContact(ctx, &parley.Contact{WorkspaceID: other.ID, ExternalID: "u1", Name: "Ada elsewhere"}))

		tests := []struct {
			name string
			f    parley.ContactFilter
			want []*parley.Contact
		}{
			{"All", parley.ContactFilter{}, []*parley.Contact{ada, bob, carl}},
			{"ExternalID", parley.ContactFilter{ExternalID: "u1"}, []*parley.Contact{ada}},
			{"EmailAnyCase", parley.ContactFilter{Email: "ADA@example.com"}, []*parley.Contact{ada}},
			{"Phone", parley.ContactFilter{Phone: "+441234"}, []*parley.Contact{bob}},
			{"QueryName", parley.ContactFilter{Query: "AD"}, []*parley.Contact{ada, carl}},
			{"QueryEmail", parley.ContactFilter{Query: "carl"}, []*parley.Contact{carl}},
			{"QueryWildcardIsLiteral", parley.ContactFilter{Query: "carl_"}, []*parley.Contact{carl}},
			{"QueryPercentIsLiteral", parley.ContactFilter{Query: "%"}, []*parley.Contact{}},
			{"AttributeString", parley.ContactFilter{AttributeKey: "plan", AttributeValue: "pro"}, []*parley.Contact{ada}},
			{"AttributeNumber", parley.ContactFilter{AttributeKey: "seats", AttributeValue: "3"}, []*parley.Contact{ada}},
			{"Combined", parley.ContactFilter{Query: "b", AttributeKey: "plan", AttributeValue: "pro"}, []*parley.Contact{}},
			{"NoMatch", parley.ContactFilter{ExternalID: "nobody"}, []*parley.Contact{}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				l, err := s.ListContacts(ctx, w.ID, tt.f)
				must(t, err)
				diff(t, tt.want, l.Items)
			})
		}
		checkPages(t, []string{ada.ID, bob.ID, carl.ID}, 2, 2, func(opt parley.ListOptions) (parley.List[*parley.Contact], error) {
			return s.ListContacts(ctx, w.ID, parley.ContactFilter{ListOptions: opt})
		}, func(c *parley.Contact) string { return c.ID })

		_, err := s.ListContacts(ctx, w.ID, parley.ContactFilter{AttributeKey: "bad key"})
		wantCode(t, err, parley.EINVALID)
	})

	t.Run("Update", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		c := &parley.Contact{WorkspaceID: w.ID, ExternalID: "u1", Email: "a@example.com", Name: "Ada",
			Attributes: map[string]any{"plan": "pro"}}
		must(t, s.CreateContact(ctx, c))
		taken := &parley.Contact{WorkspaceID: w.ID, Email: "taken@example.com"}
		must(t, s.CreateContact(ctx, taken))

		before := time.Now()
		got, err := s.UpdateContact(ctx, &actor, w.ID, c.ID, parley.ContactUpdate{
			Email: ptr(" New@Example.com "), Phone: ptr("+1 555"), ExternalID: ptr(""),
			Attributes: &map[string]any{"tier": 2},
		})
		must(t, err)
		checkStamp(t, "UpdatedAt", got.UpdatedAt, before)
		want := *c
		want.Email, want.Phone, want.ExternalID = "new@example.com", "+1 555", ""
		want.Attributes, want.UpdatedAt = map[string]any{"tier": float64(2)}, got.UpdatedAt
		diff(t, &want, got)
		found, err := s.FindContactByID(ctx, w.ID, c.ID)
		must(t, err)
		diff(t, got, found)
		e := wantAudit(t, s, w.ID, "contact.update", "contact", c.ID)
		// The audit log names the fields, never their (personal) values.
		diff(t, map[string]any{"fields": []any{"external_id", "email", "phone", "attributes"}}, e.Details)
		events := allEvents(t, s, w.ID)
		last := events[len(events)-1]
		if last.Type != parley.EventContactUpdated {
			t.Fatalf("last event %s, want contact.updated", last.Type)
		}
		var d parley.ContactEventData
		must(t, json.Unmarshal(last.Payload, &d))
		diff(t, got, d.Contact)

		// The removed external ID is free again.
		must(t, s.CreateContact(ctx, &parley.Contact{WorkspaceID: w.ID, ExternalID: "u1"}))

		t.Run("NoChange", func(t *testing.T) {
			n := len(allEvents(t, s, w.ID))
			same, err := s.UpdateContact(ctx, nil, w.ID, c.ID, parley.ContactUpdate{Name: ptr("Ada")})
			must(t, err)
			diff(t, got, same)
			if len(allEvents(t, s, w.ID)) != n {
				t.Error("an update that changes nothing wrote an event")
			}
		})
		t.Run("ErrConflict", func(t *testing.T) {
			_, err := s.UpdateContact(ctx, nil, w.ID, c.ID, parley.ContactUpdate{Email: ptr("TAKEN@example.com")})
			wantCode(t, err, parley.ECONFLICT)
		})
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := s.UpdateContact(ctx, nil, mustWorkspace(t, s).ID, c.ID, parley.ContactUpdate{Name: ptr("X")})
			wantCode(t, err, parley.ENOTFOUND)
		})
	})

	t.Run("Delete", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		th.mustPending(t, s)
		mustAttachment(t, s, th, "a.txt", []byte("hello"))
		_, hash, guest := mustGuest(t, s, th.inbox)
		// The guest is merged into the contact, so the contact's data
		// includes the guest's.
		_, _, err := s.MergeContacts(ctx, nil, th.ws.ID, th.contact.ID, guest.ID, parley.MergeReasonLogin)
		must(t, err)
		tok := &parley.ResumeToken{WorkspaceID: th.ws.ID, ConversationID: th.conv.ID, ExpiresAt: time.Now().Add(time.Hour)}
		must(t, s.CreateResumeToken(ctx, tok, randomBytes()))
		keep := mustThreadIn(t, s, th.ws, th.inbox)

		must(t, s.DeleteContact(ctx, actor, th.ws.ID, th.contact.ID))
		_, err = s.FindContactByID(ctx, th.ws.ID, th.contact.ID)
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.FindConversation(ctx, th.ws.ID, th.conv.ID)
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.FindResumeToken(ctx, th.ws.ID, tok.ID)
		wantCode(t, err, parley.ENOTFOUND)
		if visitorSessionAlive(t, s, hash) {
			t.Error("the contact's visitor session survived")
		}
		l, err := s.ListContactMerges(ctx, th.ws.ID, th.contact.ID, parley.ListOptions{})
		must(t, err)
		diff(t, 0, len(l.Items))
		// No event names the contact, the guest merged into it, or their
		// conversation any more, but the other contact's remain.
		var types []parley.EventType
		for _, e := range allEvents(t, s, th.ws.ID) {
			var d parley.ContactEventData
			_ = json.Unmarshal(e.Payload, &d)
			if e.ConversationID == th.conv.ID {
				t.Errorf("event %s of the erased conversation remains", e.Type)
			}
			if d.Contact != nil && (d.Contact.ID == guest.ID || (d.Contact.ID == th.contact.ID && e.Type != parley.EventContactDeleted)) {
				t.Errorf("event %s naming the erased contact remains", e.Type)
			}
			types = append(types, e.Type)
		}
		if !slices.Contains(types, parley.EventContactDeleted) || !slices.Contains(eventTypes(t, s, th.ws.ID, keep.conv.ID), parley.EventConversationCreated) {
			t.Errorf("events after erasure: %v", types)
		}
		e := wantAudit(t, s, th.ws.ID, "contact.erase", "contact", th.contact.ID)
		if e.Details["conversations"] != float64(1) {
			t.Errorf("audit details = %v", e.Details)
		}
		wantCode(t, s.DeleteContact(ctx, actor, th.ws.ID, th.contact.ID), parley.ENOTFOUND)
		// Another workspace cannot erase it.
		wantCode(t, s.DeleteContact(ctx, actor, mustWorkspace(t, s).ID, keep.contact.ID), parley.ENOTFOUND)
	})
}
