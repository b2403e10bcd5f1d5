package httpapi_test

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/parleychat/parley"
)

// pngHeader is the start of every PNG file: enough for the server's
// content sniffing to take it for one.
var pngHeader = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

func TestAttachments(t *testing.T) {
	ts := newServer(t)
	in := ts.inbox(t, func(in *parley.Inbox) {
		in.Conversation = parley.ConversationSettings{MaxAttachmentSize: 1024, AllowedAttachmentTypes: []string{"image/png", "text/plain"}}
	})
	v, other := ts.guest(t, in), ts.guest(t, in)
	ann := ts.member(t, parley.RoleAgent)
	conv := ts.start(t, v)

	var att attachmentBody
	ts.upload(t, v, conv.ID, "image/png", "../../screen shot é.png", pngHeader).want(t, 201).decode(t, &att)
	if att.ID == "" || att.Name != "screen shot é.png" || att.ContentType != "image/png" || att.Size != int64(len(pngHeader)) {
		t.Errorf("attachment = %+v", att)
	}
	// The name may come in Content-Disposition instead, and the media
	// type's parameters are dropped.
	req, _ := http.NewRequest("POST", ts.URL+"/api/v1/conversations/"+conv.ID+"/attachments", strings.NewReader("order 42"))
	req.Header.Set("Content-Type", "text/plain; charset=utf-8")
	req.Header.Set("Content-Disposition", `attachment; filename*=UTF-8''re%C3%A7u.txt`)
	v.apply(req)
	var txt attachmentBody
	ts.send(t, req).want(t, 201).decode(t, &txt)
	if txt.Name != "reçu.txt" || txt.ContentType != "text/plain" {
		t.Errorf("attachment = %+v", txt)
	}

	// Sent with a message, it is part of the conversation for both sides.
	m := ts.sendMessage(t, v, conv.ID, map[string]any{"kind": "attachment", "attachment_ids": []string{att.ID, txt.ID}, "body": "See"})
	if len(m.Attachments) != 2 || m.Attachments[0].ID != att.ID {
		t.Errorf("message attachments = %+v", m.Attachments)
	}
	for _, c := range []creds{v, ann} {
		r := ts.do(t, "GET", "/api/v1/attachments/"+att.ID, c, nil).want(t, 200)
		if !bytes.Equal(r.body, pngHeader) {
			t.Errorf("downloaded %q", r.body)
		}
		for header, want := range map[string]string{
			"Content-Type":            "image/png",
			"Content-Disposition":     "attachment; filename*=UTF-8''screen%20shot%20%C3%A9.png",
			"X-Content-Type-Options":  "nosniff",
			"Content-Security-Policy": "sandbox",
		} {
			if got := r.header.Get(header); got != want {
				t.Errorf("%s = %q, want %q", header, got, want)
			}
		}
	}
	ts.do(t, "GET", "/api/v1/attachments/"+att.ID, other, nil).problem(t, 404, "not_found")
	ts.do(t, "GET", "/api/v1/attachments/01900000-0000-7000-8000-000000000000", v, nil).problem(t, 404, "not_found")

	tests := []struct {
		name, contentType, filename string
		data                        []byte
		status                      int
		locations                   []string
	}{
		{"TypeNotAllowed", "text/html", "page.html", []byte("<script>alert(1)</script>"), 422, []string{"header.Content-Type"}},
		{"SVGNotAllowed", "image/svg+xml", "x.svg", []byte("<svg/>"), 422, []string{"header.Content-Type"}},
		{"NotWhatItClaims", "image/png", "fake.png", []byte("<html>not a png</html>"), 422, []string{"header.Content-Type"}},
		{"NoContentType", "", "x.png", pngHeader, 422, []string{"header.Content-Type"}},
		{"NoName", "text/plain", "", []byte("hi"), 422, []string{"query.filename"}},
		{"TooLarge", "text/plain", "big.txt", bytes.Repeat([]byte("x"), 1025), 413, []string{"body"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := ts.upload(t, v, conv.ID, tt.contentType, tt.filename, tt.data).problem(t, tt.status, "invalid")
			if got := strings.Join(p.locations(), ","); got != strings.Join(tt.locations, ",") {
				t.Errorf("locations = %q, want %q (%s)", got, tt.locations, p.Detail)
			}
		})
	}
	// Without a Content-Length the server stops reading past the limit.
	req, _ = http.NewRequest("POST", ts.URL+"/api/v1/conversations/"+conv.ID+"/attachments?filename=big.txt",
		io.MultiReader(bytes.NewReader(bytes.Repeat([]byte("x"), 4096)), strings.NewReader("")))
	req.ContentLength = -1
	req.Header.Set("Content-Type", "text/plain")
	v.apply(req)
	ts.send(t, req).problem(t, 413, "invalid")

	// Another visitor can neither upload to nor read the conversation's files.
	ts.upload(t, other, conv.ID, "text/plain", "x.txt", []byte("hi")).problem(t, 404, "not_found")
	ts.upload(t, other, conv.ID, "text/plain", "big.txt", bytes.Repeat([]byte("x"), 4096)).problem(t, 404, "not_found")
}

func TestInboxConversationSettings(t *testing.T) {
	ts := newServer(t)
	tok := ts.token(t, ts.ws.ID, parley.ScopeInboxesRead, parley.ScopeInboxesWrite)
	type settings struct {
		ResolvedPolicy         string   `json:"resolved_policy"`
		MaxAttachmentSize      int64    `json:"max_attachment_size"`
		AllowedAttachmentTypes []string `json:"allowed_attachment_types"`
	}
	var in struct {
		ID           string   `json:"id"`
		Conversation settings `json:"conversation"`
	}
	ts.do(t, "POST", "/api/v1/inboxes", tok, map[string]any{"name": "Support"}).want(t, 201).decode(t, &in)
	if c := in.Conversation; c.ResolvedPolicy != "reopen" || c.MaxAttachmentSize != parley.DefaultMaxAttachmentSize ||
		len(c.AllowedAttachmentTypes) != len(parley.DefaultAllowedAttachmentTypes) {
		t.Errorf("defaults = %+v", c)
	}
	ts.do(t, "PATCH", "/api/v1/inboxes/"+in.ID, tok, map[string]any{
		"conversation": map[string]any{"resolved_policy": "new", "allowed_attachment_types": []string{"image/*"}},
	}).want(t, 200).decode(t, &in)
	ts.do(t, "PATCH", "/api/v1/inboxes/"+in.ID, tok, map[string]any{
		"conversation": map[string]any{"max_attachment_size": 2048},
	}).want(t, 200)
	ts.do(t, "GET", "/api/v1/inboxes/"+in.ID, tok, nil).want(t, 200).decode(t, &in)
	if c := in.Conversation; c.ResolvedPolicy != "new" || c.MaxAttachmentSize != 2048 || strings.Join(c.AllowedAttachmentTypes, ",") != "image/*" {
		t.Errorf("after PATCH = %+v", c)
	}
	stored, err := ts.store.FindInboxByID(t.Context(), ts.ws.ID, in.ID)
	if err != nil || stored.Conversation.ResolvedPolicy != parley.ResolvedNew || stored.Conversation.MaxAttachmentSize != 2048 {
		t.Errorf("stored = %+v, %v", stored, err)
	}

	p := ts.do(t, "PATCH", "/api/v1/inboxes/"+in.ID, tok, map[string]any{"conversation": map[string]any{
		"resolved_policy": "close", "max_attachment_size": parley.MaxAttachmentSizeLimit + 1,
		"allowed_attachment_types": []string{"image/png", "Text/HTML; x=y"},
	}}).problem(t, 422, "invalid")
	want := "body.conversation.allowed_attachment_types[1],body.conversation.max_attachment_size,body.conversation.resolved_policy"
	if got := strings.Join(p.locations(), ","); got != want {
		t.Errorf("locations = %s, want %s", got, want)
	}
}
