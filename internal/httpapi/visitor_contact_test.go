package httpapi_test

import (
	"bytes"
	"testing"

	"github.com/parleychat/parley"
)

type visitorContactBody struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// What a guest says about itself (the pre-chat form) is unverified
// information: its email is never the contact's email identifier, so a
// guest can neither learn which emails are customers' nor claim one and be
// taken for (or merged into) its owner.
func TestVisitorContact(t *testing.T) {
	ts := newServer(t)
	in := ts.identityInbox(t)
	tok := ts.token(t, ts.ws.ID, parley.ScopeContactsRead, parley.ScopeContactsWrite, parley.ScopeConversationsRead)
	identify := func(t *testing.T, body map[string]any) identifyBody {
		t.Helper()
		body["inbox_id"] = in.ID
		var out identifyBody
		ts.do(t, "POST", "/api/v1/contacts/identify", tok, body).want(t, 200).decode(t, &out)
		return out
	}
	tell := func(t *testing.T, v visitor, body map[string]any) visitorContactBody {
		t.Helper()
		var out visitorContactBody
		ts.do(t, "PATCH", "/api/v1/visitor/contact", v, body).want(t, 200).decode(t, &out)
		return out
	}
	contact := func(t *testing.T, id string) contactBody {
		t.Helper()
		var c contactBody
		ts.do(t, "GET", "/api/v1/contacts/"+id, tok, nil).want(t, 200).decode(t, &c)
		return c
	}
	customer := identify(t, map[string]any{"external_id": "cust-1", "email": "ada@example.com", "name": "Ada"}).Contact
	customerBefore := ts.do(t, "GET", "/api/v1/contacts/"+customer.ID, tok, nil).want(t, 200).body

	eve := ts.guest(t, in)
	eveConv := ts.start(t, eve)
	ts.say(t, eve.bearer, eveConv.ID, "Hello, I am Ada")

	t.Run("TakenEmailNoEnumeration", func(t *testing.T) {
		taken := tell(t, eve, map[string]any{"name": "Eve", "email": " ADA@example.com "})
		other := ts.guest(t, in)
		free := tell(t, other, map[string]any{"name": "Eve", "email": "nobody@example.com"})
		// Same status (checked by tell), same answer but for the contact's
		// own ID and the email it gave.
		if taken != (visitorContactBody{ID: eve.contactID, Name: "Eve", Email: "ada@example.com"}) {
			t.Errorf("taken email: answer %+v", taken)
		}
		if free != (visitorContactBody{ID: other.contactID, Name: "Eve", Email: "nobody@example.com"}) {
			t.Errorf("free email: answer %+v", free)
		}
		// Two guests may give the same email.
		tell(t, other, map[string]any{"email": "ada@example.com"})
	})

	t.Run("OtherContactUntouched", func(t *testing.T) {
		if after := ts.do(t, "GET", "/api/v1/contacts/"+customer.ID, tok, nil).want(t, 200).body; !bytes.Equal(after, customerBefore) {
			t.Errorf("customer changed:\nbefore %s\nafter  %s", customerBefore, after)
		}
	})

	t.Run("StoredAsUnverifiedAttribute", func(t *testing.T) {
		c := contact(t, eve.contactID)
		if c.Email != "" || c.Verified || c.Name != "Eve" || c.Attributes[parley.AttributeUnverifiedEmail] != "ada@example.com" {
			t.Errorf("guest contact = %+v, want the email as unverified_email only", c)
		}
		// Setting the name alone keeps the email; other attributes are kept.
		if _, err := ts.store.UpdateContact(t.Context(), nil, ts.ws.ID, eve.contactID,
			parley.ContactUpdate{SetAttributes: map[string]any{"plan": "free"}}); err != nil {
			t.Fatal(err)
		}
		if got := tell(t, eve, map[string]any{"name": "Eve A."}); got.Email != "ada@example.com" || got.Name != "Eve A." {
			t.Errorf("answer = %+v", got)
		}
		if c := contact(t, eve.contactID); c.Attributes["plan"] != "free" || c.Attributes[parley.AttributeUnverifiedEmail] != "ada@example.com" {
			t.Errorf("attributes = %v", c.Attributes)
		}
	})

	t.Run("IdentifyByEmailIgnoresGuest", func(t *testing.T) {
		out := identify(t, map[string]any{"email": "ada@example.com"})
		if out.Created || out.Contact.ID != customer.ID || len(out.MergedContactIDs) != 0 {
			t.Fatalf("identify = %+v, want the customer, nothing merged", out)
		}
		// The guest keeps its contact and conversation.
		if c := contact(t, eve.contactID); c.Verified {
			t.Errorf("guest contact = %+v, want it unverified", c)
		}
		var conv conversationBody
		ts.do(t, "GET", "/api/v1/conversations/"+eveConv.ID, tok, nil).want(t, 200).decode(t, &conv)
		if conv.ContactID != eve.contactID {
			t.Errorf("the guest's conversation moved to %s", conv.ContactID)
		}
	})

	t.Run("EmailClaimedBeforeOwnerIdentifies", func(t *testing.T) {
		// A guest gives an email nobody holds yet; then its owner is
		// identified by it, through the API and through a verified JWT.
		mallory := ts.guest(t, in)
		tell(t, mallory, map[string]any{"name": "Grace", "email": "grace@example.com"})
		out := identify(t, map[string]any{"email": "grace@example.com", "name": "Grace Hopper"})
		if !out.Created || out.Contact.ID == mallory.contactID || len(out.MergedContactIDs) != 0 {
			t.Fatalf("identify = %+v, want a new contact, not the guest %s", out, mallory.contactID)
		}
		_, sess := ts.openSession(t, nil, map[string]string{
			"inbox_id": in.ID, "token": visitorJWT(t, in, "user-grace", map[string]any{"email": "grace@example.com"}),
		})
		if sess.ContactID == mallory.contactID {
			t.Fatalf("the verified session got the guest's contact")
		}
		if c := contact(t, mallory.contactID); c.Verified || c.Email != "" || c.ExternalID != "" {
			t.Errorf("guest contact = %+v, want it untouched", c)
		}
	})

	t.Run("VerifiedVisitorForbidden", func(t *testing.T) {
		v, _ := ts.openSession(t, nil, map[string]string{"inbox_id": in.ID, "token": visitorJWT(t, in, "user-v", nil)})
		ts.do(t, "PATCH", "/api/v1/visitor/contact", v, map[string]any{"email": "v@example.com"}).problem(t, 403, parley.EFORBIDDEN)
	})

	t.Run("BadEmail", func(t *testing.T) {
		ts.do(t, "PATCH", "/api/v1/visitor/contact", eve, map[string]any{"email": "not an email"}).problem(t, 422, parley.EINVALID)
	})
}
