package conversation_test

import (
	"bytes"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/conversation"
)

var png = append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 64)...)

func TestAttachments(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	conv := e.pending(t)
	visitor := e.visitorOf(e.visitor)

	a, err := e.svc.PutAttachment(ctx, visitor, conv.ID, `..\..\C:/tmp/"shot".png`, "Image/PNG; q=1", png)
	must(t, err)
	diff(t, parley.Attachment{ID: a.ID, Name: "shot.png", ContentType: "image/png", Size: int64(len(png))}, *a)

	r, err := e.svc.Send(ctx, visitor, conversation.SendInput{
		ConversationID: conv.ID, Kind: parley.KindAttachment, Body: "See this", AttachmentIDs: []string{a.ID},
	})
	must(t, err)
	diff(t, []parley.Attachment{*a}, r.Message.Attachments)

	f, err := e.svc.GetAttachment(ctx, visitor, a.ID)
	must(t, err)
	diff(t, png, f.Data)
	diff(t, r.Message.ID, f.MessageID)
	_, err = e.svc.GetAttachment(ctx, e.as(e.agent), a.ID)
	must(t, err)
	_, err = e.svc.GetAttachment(ctx, e.visitorOf(e.newContact(t)), a.ID)
	wantCode(t, err, parley.ENOTFOUND)
	_, err = e.svc.GetAttachment(ctx, e.token(parley.ScopeInboxesRead), a.ID)
	wantCode(t, err, parley.EFORBIDDEN)

	// Deleting the message deletes the file.
	_, err = e.svc.Delete(ctx, visitor, r.Message.ID)
	must(t, err)
	_, err = e.svc.GetAttachment(ctx, visitor, a.ID)
	wantCode(t, err, parley.ENOTFOUND)
}

func TestAttachmentLimits(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	conv := e.pending(t)
	strict := e.newInbox(t, parley.ConversationSettings{MaxAttachmentSize: 100, AllowedAttachmentTypes: []string{"image/*", "text/plain"}})
	e.inbox = strict
	strictConv := e.pending(t)
	visitor := e.visitorOf(e.visitor)
	tests := []struct {
		name, conv, file, contentType string
		data                          []byte
	}{
		{"HTMLByDefault", conv.ID, "x.html", "text/html", []byte("<script>")},
		{"SVGByDefault", conv.ID, "x.svg", "image/svg+xml", []byte("<svg/>")},
		{"NotAMediaType", conv.ID, "x", "nonsense", []byte("x")},
		{"FakeImage", conv.ID, "x.png", "image/png", []byte("<html>not a png</html>")},
		{"NoName", conv.ID, "../", "text/plain", []byte("x")},
		{"TooLarge", conv.ID, "big.txt", "text/plain", bytes.Repeat([]byte("x"), parley.DefaultMaxAttachmentSize+1)},
		{"TooLargeForInbox", strictConv.ID, "x.txt", "text/plain", bytes.Repeat([]byte("x"), 101)},
		{"TypeNotInInbox", strictConv.ID, "x.pdf", "application/pdf", []byte("%PDF-1.4")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.svc.PutAttachment(ctx, visitor, tt.conv, tt.file, tt.contentType, tt.data)
			wantCode(t, err, parley.EINVALID)
		})
	}
	// Within the inbox's own limits.
	_, err := e.svc.PutAttachment(ctx, visitor, strictConv.ID, "x.txt", "text/plain; charset=utf-8", bytes.Repeat([]byte("x"), 100))
	must(t, err)
	_, err = e.svc.PutAttachment(ctx, visitor, strictConv.ID, "x.png", "image/png", png)
	must(t, err)
}

// TestSweepUnsentAttachments: a file never sent is deleted once it is
// older than the TTL, by the service's clock, which frees its place in the
// quotas; a sent one stays.
func TestSweepUnsentAttachments(t *testing.T) {
	var clock atomic.Int64
	clock.Store(time.Now().UnixNano()) // the store stamps files with the real time
	e := newEnv(t, func(cfg *conversation.Config) { cfg.Now = func() time.Time { return time.Unix(0, clock.Load()) } })
	ctx := t.Context()
	e.inbox.AttachmentQuotas = parley.AttachmentQuotas{FilesPerConversation: 2}
	_, err := e.store.UpdateInbox(ctx, parley.SystemActor, e.ws.ID, e.inbox.ID, parley.InboxUpdate{AttachmentQuotas: &e.inbox.AttachmentQuotas})
	must(t, err)
	conv := e.pending(t)
	visitor := e.visitorOf(e.visitor)
	sent, err := e.svc.PutAttachment(ctx, visitor, conv.ID, "sent.png", "image/png", png)
	must(t, err)
	unsent, err := e.svc.PutAttachment(ctx, visitor, conv.ID, "unsent.png", "image/png", png)
	must(t, err)
	_, err = e.svc.Send(ctx, visitor, conversation.SendInput{ConversationID: conv.ID, Kind: parley.KindAttachment, AttachmentIDs: []string{sent.ID}})
	must(t, err)
	_, err = e.svc.PutAttachment(ctx, visitor, conv.ID, "third.png", "image/png", png)
	wantCode(t, err, parley.EFORBIDDEN)

	const ttl = 24 * time.Hour
	clock.Add(int64(ttl - time.Minute))
	n, err := e.svc.SweepUnsentAttachments(ctx, ttl)
	must(t, err)
	if n != 0 {
		t.Fatalf("swept %d files a minute before their time", n)
	}
	clock.Add(int64(2 * time.Minute))
	n, err = e.svc.SweepUnsentAttachments(ctx, ttl)
	must(t, err)
	if n != 1 {
		t.Fatalf("swept %d files, want the unsent one", n)
	}
	_, err = e.svc.GetAttachment(ctx, visitor, unsent.ID)
	wantCode(t, err, parley.ENOTFOUND)
	_, err = e.svc.GetAttachment(ctx, visitor, sent.ID)
	must(t, err)
	// Its place in the conversation's quota is free again.
	_, err = e.svc.PutAttachment(ctx, visitor, conv.ID, "third.png", "image/png", png)
	must(t, err)
}
