package web_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/browsertest"
)

// An agent edits a contact from the contact panel (name, email, phone, an
// attribute), writes a note the visitor never sees and deletes it, and
// sees the contact's other conversation.
func TestConsoleContactView(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	inboxID := srv.DemoInboxID(t)
	zoe := newVisitor(t, srv, inboxID, "Hello, I have a question")
	zoe.tellWhoIAm(t, srv, map[string]string{"name": "Zoe Quinn"})
	second, err := zoe.api.CreateConversation(t.Context(), client.CreateConversationInput{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := zoe.api.SendMessage(t.Context(), second.ID, client.SendInput{Body: "Another question"}); err != nil {
		t.Fatal(err)
	}

	c := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword)
	status, body := c.fetchJSON("GET", "/api/v1/conversations/"+zoe.convID)
	var conv struct {
		ContactID string `json:"contact_id"`
	}
	if err := json.Unmarshal([]byte(body), &conv); status != http.StatusOK || err != nil {
		t.Fatalf("GET the conversation: %d %s", status, body)
	}
	contact := func() (got struct {
		Name, Email, Phone string
		Attributes         map[string]any
	}) {
		t.Helper()
		status, body := c.fetchJSON("GET", "/api/v1/contacts/"+conv.ContactID)
		if err := json.Unmarshal([]byte(body), &got); status != http.StatusOK || err != nil {
			t.Fatalf("GET the contact: %d %s", status, body)
		}
		return got
	}

	c.js(`!!document.querySelector('` + item(zoe.convID) + `')`)
	c.do(chromedp.Click(item(zoe.convID)))
	c.js(`document.querySelector('.pane-contact #contact-title')?.textContent === 'Zoe Quinn'`)
	// The contact's other conversation is listed, and links to it.
	c.js(`!!document.querySelector('.pane-contact .mini-list a[href$="/` + second.ID + `"]')`)

	t.Run("Edit", func(t *testing.T) {
		c := c.in(t)
		c.do(chromedp.Click(`#contact-edit`))
		c.js(`!!document.querySelector('form.contact-edit')`)
		c.fill(`#contact-edit-name`, "Zoe Q. Quinn")
		c.fill(`#contact-edit-email`, "zoe@example.com")
		c.fill(`#contact-edit-phone`, "+33 1 23 45 67 89")
		c.do(chromedp.Click(`#contact-add-attr`))
		c.fill(`.attr-row:last-of-type .attr-key`, "9plan")
		c.fill(`.attr-row:last-of-type .attr-value`, "pro")
		browsertest.RequireAccessible(t, c.tab, "the contact editor")
		// A bad attribute name is refused before anything is sent.
		c.click("Save")
		c.js(`document.querySelector('form.contact-edit [role=alert]')?.textContent.includes('not a valid attribute name')`)
		if got := contact(); got.Name != "Zoe Quinn" {
			t.Fatalf("the contact changed on a refused edit: %+v", got)
		}
		c.fill(`.attr-row:last-of-type .attr-key`, "plan")
		c.click("Save")
		c.toast("Contact saved.")
		c.js(`document.querySelector('.pane-contact #contact-title')?.textContent === 'Zoe Q. Quinn' && !document.querySelector('form.contact-edit')`)
		c.js(`[...document.querySelectorAll('.pane-contact dd')].some(d => d.textContent === '+33 1 23 45 67 89')`)
		c.js(`[...document.querySelectorAll('.pane-contact dt')].some(d => d.textContent === 'plan')`)
		got := contact()
		if got.Name != "Zoe Q. Quinn" || got.Email != "zoe@example.com" || got.Phone != "+33 1 23 45 67 89" || got.Attributes["plan"] != "pro" {
			t.Errorf("the contact after the edit = %+v", got)
		}
		// The list names the conversation by the new name.
		c.js(`document.querySelector('.conv-list ` + item(zoe.convID) + `')?.textContent.includes('Zoe Q. Quinn')`)
	})

	t.Run("Notes", func(t *testing.T) {
		c := c.in(t)
		c.fill(`#contact-note-text`, "Prefers email, never phone")
		c.click("Add note")
		c.js(`[...document.querySelectorAll('.contact-note-body')].some(p => p.textContent === 'Prefers email, never phone')`)
		browsertest.RequireAccessible(t, c.tab, "a contact with a note")
		status, body := c.fetchJSON("GET", "/api/v1/contacts/"+conv.ContactID+"/notes")
		var notes struct{ Items []struct{ Body string } }
		if err := json.Unmarshal([]byte(body), &notes); status != http.StatusOK || err != nil || len(notes.Items) != 1 || notes.Items[0].Body != "Prefers email, never phone" {
			t.Fatalf("the contact's notes: %d %s", status, body)
		}
		if leaks := zoe.leaked("Prefers email"); len(leaks) > 0 {
			t.Errorf("the visitor received the contact note: %v", leaks)
		}
		browsertest.Eval[bool](t, c.tab, `(window.confirm = () => true, true)`)
		c.do(chromedp.Click(`.contact-note .link-button`))
		c.js(`!document.querySelector('.contact-note')`)
		if status, body := c.fetchJSON("GET", "/api/v1/contacts/"+conv.ContactID+"/notes"); status != http.StatusOK || strings.TrimSpace(body) != `{"items":[]}` {
			t.Errorf("the contact's notes after deleting: %d %s", status, body)
		}
	})
	checkBrowserErrors(t, b)
}
