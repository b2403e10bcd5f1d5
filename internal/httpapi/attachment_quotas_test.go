package httpapi_test

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/parleychat/parley"
)

type quotasBody struct {
	FilesPerConversation int   `json:"files_per_conversation"`
	BytesPerConversation int64 `json:"bytes_per_conversation"`
	FilesPerContact      int   `json:"files_per_contact"`
	BytesPerContact      int64 `json:"bytes_per_contact"`
	UploadsPerMinute     int   `json:"uploads_per_minute"`
}

// TestAttachmentQuotas: an inbox's quotas, set through the API, stop a
// visitor at the 31st file of a conversation and at its upload rate, with
// problems naming the quota; staff uploads are not held back.
func TestAttachmentQuotas(t *testing.T) {
	ts := newServer(t)
	admin := ts.login(t, "admin@example.com", adminPassword)
	var inbox struct {
		ID               string     `json:"id"`
		AttachmentQuotas quotasBody `json:"attachment_quotas"`
	}
	ts.do(t, "POST", "/api/v1/inboxes", admin, map[string]any{
		"name": "Shop", "allowed_origins": []string{"*"},
		"attachment_quotas": map[string]any{"files_per_conversation": 30, "uploads_per_minute": 100},
	}).want(t, 201).decode(t, &inbox)
	want := quotasBody{FilesPerConversation: 30, BytesPerConversation: parley.DefaultBytesPerConversation,
		FilesPerContact: parley.DefaultFilesPerContact, BytesPerContact: parley.DefaultBytesPerContact, UploadsPerMinute: 100}
	if inbox.AttachmentQuotas != want {
		t.Fatalf("attachment_quotas = %+v, want %+v (the defaults where unset)", inbox.AttachmentQuotas, want)
	}
	in, err := ts.store.FindInboxByID(t.Context(), ts.ws.ID, inbox.ID)
	if err != nil {
		t.Fatal(err)
	}
	v := ts.guest(t, in)
	conv := ts.start(t, v)
	file := bytes.Repeat([]byte("x"), 1024)

	for i := range 30 {
		ts.upload(t, v, conv.ID, "text/plain", fmt.Sprintf("log-%d.txt", i), file).want(t, 201)
	}
	p := ts.upload(t, v, conv.ID, "text/plain", "log-30.txt", file).problem(t, 403, "forbidden")
	if p.Reason != parley.ReasonConversationFiles || !strings.Contains(p.Detail, "(30)") {
		t.Errorf("31st file: reason %q, detail %q; want %s naming the 30 files allowed", p.Reason, p.Detail, parley.ReasonConversationFiles)
	}
	// An agent may still add files to the conversation.
	ann := ts.member(t, parley.RoleAgent)
	ts.upload(t, ann, conv.ID, "text/plain", "reply.txt", file).want(t, 201)

	// The admin lowers the upload rate: the visitor, who uploaded 30 files
	// this minute, must wait, and is told how long.
	var patched struct {
		AttachmentQuotas quotasBody `json:"attachment_quotas"`
	}
	ts.do(t, "PATCH", "/api/v1/inboxes/"+inbox.ID, admin, map[string]any{
		"attachment_quotas": map[string]any{"uploads_per_minute": 3},
	}).want(t, 200).decode(t, &patched)
	if q := patched.AttachmentQuotas; q.UploadsPerMinute != 3 || q.FilesPerConversation != 30 {
		t.Errorf("after PATCH: %+v, want uploads_per_minute 3 and files_per_conversation kept", q)
	}
	r := ts.upload(t, v, ts.start(t, v).ID, "text/plain", "more.txt", file)
	p = r.problem(t, 429, "rate_limited")
	if secs, err := strconv.Atoi(r.header.Get("Retry-After")); err != nil || secs < 1 || secs > 60 || p.Reason != parley.ReasonUploadRate {
		t.Errorf("Retry-After %q, reason %q; want 1 to 60 seconds and %s", r.header.Get("Retry-After"), p.Reason, parley.ReasonUploadRate)
	}
}

func TestAttachmentQuotasInvalid(t *testing.T) {
	ts := newServer(t)
	admin := ts.login(t, "admin@example.com", adminPassword)
	var in struct {
		ID string `json:"id"`
	}
	ts.do(t, "POST", "/api/v1/inboxes", admin, map[string]any{"name": "Shop"}).want(t, 201).decode(t, &in)
	for _, tc := range []struct {
		field string
		value any
	}{
		{"files_per_conversation", -1},
		{"bytes_per_conversation", int64(parley.MaxQuotaBytes) + 1},
		{"files_per_contact", parley.MaxQuotaFiles + 1},
		{"bytes_per_contact", -5},
		{"uploads_per_minute", parley.MaxQuotaUploadsPerMinute + 1},
	} {
		t.Run(tc.field, func(t *testing.T) {
			p := ts.do(t, "PATCH", "/api/v1/inboxes/"+in.ID, admin, map[string]any{
				"attachment_quotas": map[string]any{tc.field: tc.value},
			}).problem(t, 422, "invalid")
			if locs := p.locations(); len(locs) != 1 || locs[0] != "body.attachment_quotas."+tc.field {
				t.Errorf("locations %v", locs)
			}
		})
	}
}
