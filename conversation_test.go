package parley_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func TestConversationSettingsDefaults(t *testing.T) {
	var s parley.ConversationSettings
	if got := s.EffectiveResolvedPolicy(); got != parley.ResolvedReopen {
		t.Errorf("EffectiveResolvedPolicy() = %q, want reopen", got)
	}
	if got := s.EffectiveMaxAttachmentSize(); got != parley.DefaultMaxAttachmentSize {
		t.Errorf("EffectiveMaxAttachmentSize() = %d", got)
	}
	for ct, want := range map[string]bool{
		"image/png": true, "IMAGE/PNG": true, "application/pdf": true, "text/plain; charset=utf-8": true,
		"text/html": false, "image/svg+xml": false, "application/javascript": false, "nonsense": false, "": false,
	} {
		if got := s.AllowsAttachmentType(ct); got != want {
			t.Errorf("AllowsAttachmentType(%q) = %v, want %v", ct, got, want)
		}
	}
	s.AllowedAttachmentTypes = []string{"image/*", "text/csv"}
	for ct, want := range map[string]bool{"image/svg+xml": true, "image/png": true, "text/csv": true, "application/pdf": false, "imagex/png": false} {
		if got := s.AllowsAttachmentType(ct); got != want {
			t.Errorf("with image/*: AllowsAttachmentType(%q) = %v, want %v", ct, got, want)
		}
	}
}

func TestConversationSettingsValidate(t *testing.T) {
	good := []parley.ConversationSettings{
		{},
		{ResolvedPolicy: parley.ResolvedNew, MaxAttachmentSize: 1 << 20, AllowedAttachmentTypes: []string{"image/*", "application/pdf"}},
	}
	for _, s := range good {
		v := parley.Validation{}
		s.Validate(&v, "conversation")
		if err := v.Err(); err != nil {
			t.Errorf("Validate(%+v) = %v", s, err)
		}
	}
	bad := map[string]parley.ConversationSettings{
		"conversation.resolved_policy":             {ResolvedPolicy: "close"},
		"conversation.max_attachment_size":         {MaxAttachmentSize: parley.MaxAttachmentSizeLimit + 1},
		"conversation.allowed_attachment_types[1]": {AllowedAttachmentTypes: []string{"text/plain", "*/*"}},
	}
	for field, s := range bad {
		v := parley.Validation{}
		s.Validate(&v, "conversation")
		if len(v.Fields) != 1 || v.Fields[0].Field != field {
			t.Errorf("Validate(%+v) = %+v, want one problem with %s", s, v.Fields, field)
		}
	}
	for _, typ := range []string{"text/plain; charset=utf-8", " Image/PNG", "png", ""} {
		v := parley.Validation{}
		parley.ConversationSettings{AllowedAttachmentTypes: []string{typ}}.Validate(&v, "c")
		if v.Err() == nil {
			t.Errorf("allowed type %q accepted", typ)
		}
	}
}

func TestParticipantValid(t *testing.T) {
	for p, want := range map[parley.Participant]bool{
		{Type: parley.ParticipantContact, ID: "c"}: true,
		{Type: parley.ParticipantAgent, ID: "a"}:   true,
		{Type: parley.ParticipantBot, ID: "b"}:     true,
		{Type: parley.ParticipantSystem}:           true,
		{Type: parley.ParticipantContact}:          false,
		{Type: parley.ParticipantSystem, ID: "x"}:  false,
		{Type: "robot", ID: "r"}:                   false,
		{}:                                         false,
	} {
		if got := p.Valid(); got != want {
			t.Errorf("%+v.Valid() = %v, want %v", p, got, want)
		}
	}
}

func TestMessageVisibleToVisitor(t *testing.T) {
	for _, k := range []parley.MessageKind{parley.KindText, parley.KindAttachment, parley.KindNote, parley.KindEvent} {
		m := &parley.Message{Kind: k}
		if got, want := m.VisibleToVisitor(), k != parley.KindNote; got != want {
			t.Errorf("%s: VisibleToVisitor() = %v", k, got)
		}
	}
}

// TestEventJSON pins the wire form that notifications and webhooks carry.
func TestEventJSON(t *testing.T) {
	at := time.Date(2030, 1, 2, 3, 4, 5, 6000, time.UTC)
	m := &parley.Message{
		ID: "m1", WorkspaceID: "w1", ConversationID: "c1", Seq: 7, Kind: parley.KindText,
		Sender: parley.Sender{Type: parley.ParticipantBot, ID: "a1", DisplayName: "Helper"}, Body: "Hi",
		Attachments: []parley.Attachment{}, CreatedAt: at,
	}
	payload, err := json.Marshal(parley.MessageEventData{Message: m, By: m.Sender.Participant()})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(parley.Event{ID: "e1", WorkspaceID: "w1", Type: parley.EventMessageCreated, ConversationID: "c1",
		Payload: payload, CreatedAt: at})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"e1","workspace_id":"w1","type":"message.created","conversation_id":"c1","payload":` +
		`{"message":{"id":"m1","workspace_id":"w1","conversation_id":"c1","seq":7,"kind":"text",` +
		`"sender":{"type":"bot","id":"a1","display_name":"Helper"},"body":"Hi","attachments":[],` +
		`"created_at":"2030-01-02T03:04:05.000006Z"},"by":{"type":"bot","id":"a1"}},"created_at":"2030-01-02T03:04:05.000006Z"}`
	if got := string(b); got != want {
		t.Errorf("event JSON:\n got %s\nwant %s", got, want)
	}
	if strings.Contains(string(b), "edited_at") || strings.Contains(string(b), "client_id") {
		t.Error("unset optional fields are not omitted")
	}
}
