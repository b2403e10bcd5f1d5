package parley_test

import (
	"encoding/json"
	"testing"

	"github.com/parleychat/parley"
)

func TestWebhookEventType(t *testing.T) {
	msg := func(typ parley.EventType, kind parley.MessageKind) *parley.Event {
		b, _ := json.Marshal(parley.MessageEventData{Message: &parley.Message{ID: "m", Kind: kind}})
		return &parley.Event{Type: typ, Payload: b}
	}
	for _, c := range []struct {
		name string
		ev   *parley.Event
		want parley.EventType
		ok   bool
	}{
		{"Text", msg(parley.EventMessageCreated, parley.KindText), parley.EventMessageCreated, true},
		{"NoteCreated", msg(parley.EventMessageCreated, parley.KindNote), parley.EventNoteCreated, true},
		{"NoteUpdated", msg(parley.EventMessageUpdated, parley.KindNote), parley.EventNoteUpdated, true},
		{"NoteDeleted", msg(parley.EventMessageDeleted, parley.KindNote), parley.EventNoteDeleted, true},
		{"Erased", &parley.Event{Type: parley.EventContactDeleted}, parley.EventContactErased, true},
		{"Assigned", &parley.Event{Type: parley.EventConversationAssigned}, parley.EventConversationAssigned, true},
		{"Internal", &parley.Event{Type: "typing"}, "typing", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, ok := parley.WebhookEventType(c.ev)
			if got != c.want || ok != c.ok {
				t.Fatalf("got %q %v, want %q %v", got, ok, c.want, c.ok)
			}
		})
	}
}

func TestEventPatterns(t *testing.T) {
	for _, p := range []string{"*", "conversation.*", "note.*", "agent.*", "ping", "message.created", "contact.erased"} {
		if !parley.ValidEventPattern(p) {
			t.Errorf("%q refused", p)
		}
	}
	for _, p := range []string{"", "conversation", "conversation.**", "foo.*", "message.read", "contact.deleted", "*.created", "typing"} {
		if parley.ValidEventPattern(p) {
			t.Errorf("%q accepted", p)
		}
	}
	e := &parley.WebhookEndpoint{EventTypes: []string{"conversation.*", "note.*"}}
	if !e.Wants(parley.EventConversationResolved, "") || e.Wants(parley.EventMessageCreated, "") {
		t.Error("conversation.* matched wrongly")
	}
	if e.Wants(parley.EventNoteCreated, "") {
		t.Error("a note went to an endpoint that may not read notes")
	}
	e.Notes = true
	if !e.Wants(parley.EventNoteCreated, "") {
		t.Error("note.* not delivered to an endpoint that may read notes")
	}
	e.InboxID = "inbox-a"
	if e.Wants(parley.EventConversationCreated, "inbox-b") || !e.Wants(parley.EventConversationCreated, "inbox-a") {
		t.Error("inbox filter")
	}
	if got := len(parley.WebhookEventTypes([]string{"*"})); got != len(parley.EventCatalogue) {
		t.Errorf("* names %d types, want %d", got, len(parley.EventCatalogue))
	}
}
