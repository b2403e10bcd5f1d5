package storetest

import (
	"bytes"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func mustAttachment(t *testing.T, s parley.Store, th *thread, name string, data []byte) *parley.AttachmentFile {
	t.Helper()
	f := &parley.AttachmentFile{
		Attachment:  parley.Attachment{Name: name, ContentType: "image/png"},
		WorkspaceID: th.ws.ID, ConversationID: th.conv.ID, Data: data,
	}
	must(t, s.PutAttachment(t.Context(), f, nil))
	return f
}

func testAttachments(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("PutAndGet", func(t *testing.T) {
		th := mustThread(t, s)
		data := bytes.Repeat([]byte{0x89, 'P', 'N', 'G', 0}, 1000)
		before := time.Now()
		f := &parley.AttachmentFile{
			Attachment:  parley.Attachment{Name: "screenshot.png", ContentType: "image/png", Size: 1},
			WorkspaceID: th.ws.ID, ConversationID: th.conv.ID, MessageID: "ignored", Data: data,
		}
		must(t, s.PutAttachment(t.Context(), f, nil))
		if f.ID == "" || f.Size != int64(len(data)) || f.MessageID != "" {
			t.Fatalf("after put: %+v", f.Attachment)
		}
		checkStamp(t, "CreatedAt", f.CreatedAt, before)
		got, err := s.GetAttachment(t.Context(), th.ws.ID, f.ID)
		must(t, err)
		diff(t, f, got)
	})

	t.Run("Empty", func(t *testing.T) {
		th := mustThread(t, s)
		f := mustAttachment(t, s, th, "empty.txt", nil)
		got, err := s.GetAttachment(t.Context(), th.ws.ID, f.ID)
		must(t, err)
		if got.Size != 0 || len(got.Data) != 0 {
			t.Errorf("got %d bytes, size %d", len(got.Data), got.Size)
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		th := mustThread(t, s)
		other := mustWorkspace(t, s)
		err := s.PutAttachment(t.Context(), &parley.AttachmentFile{WorkspaceID: th.ws.ID, ConversationID: "missing", Data: []byte("x")}, nil)
		wantCode(t, err, parley.ENOTFOUND)
		err = s.PutAttachment(t.Context(), &parley.AttachmentFile{WorkspaceID: other.ID, ConversationID: th.conv.ID, Data: []byte("x")}, nil)
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.GetAttachment(t.Context(), th.ws.ID, "missing")
		wantCode(t, err, parley.ENOTFOUND)
	})

	t.Run("SendAndDelete", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		f1 := mustAttachment(t, s, th, "a.png", []byte("one"))
		f2 := mustAttachment(t, s, th, "b.png", []byte("two"))
		in := th.text(contactSender(th.contact), "Look")
		in.Kind, in.AttachmentIDs, in.ClientID = parley.KindAttachment, []string{f2.ID, f1.ID}, "att"
		r := mustAppend(t, s, in)
		diff(t, []parley.Attachment{f2.Attachment, f1.Attachment}, r.Message.Attachments)
		if r.Conversation.Status != parley.StatusPending {
			t.Errorf("status = %s, want pending: an attachment from the visitor queues", r.Conversation.Status)
		}
		got, err := s.FindMessage(ctx, th.ws.ID, r.Message.ID)
		must(t, err)
		diff(t, r.Message, got)
		g, err := s.GetAttachment(ctx, th.ws.ID, f1.ID)
		must(t, err)
		diff(t, r.Message.ID, g.MessageID)

		// A retry is a duplicate, not a reuse.
		again := mustAppend(t, s, in)
		if !again.Duplicate || again.Message.ID != r.Message.ID {
			t.Errorf("retry: %+v", again)
		}
		// A file is part of one message only.
		reuse := in
		reuse.ClientID = "other"
		_, err = s.AppendMessage(ctx, reuse)
		wantCode(t, err, parley.EINVALID)

		if c := mustConversation(t, s, th.ws.ID, th.conv.ID); c.LastSeq != 1 {
			t.Errorf("last_seq = %d, want 1", c.LastSeq)
		}
		_, _, err = s.DeleteMessage(ctx, th.ws.ID, r.Message.ID, contactP(th.contact))
		must(t, err)
		for _, f := range []*parley.AttachmentFile{f1, f2} {
			_, err := s.GetAttachment(ctx, th.ws.ID, f.ID)
			wantCode(t, err, parley.ENOTFOUND)
		}
	})

	t.Run("ErrOtherConversation", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		th2 := mustThreadIn(t, s, th.ws, th.inbox)
		f := mustAttachment(t, s, th2, "theirs.png", []byte("x"))
		for _, ids := range [][]string{{f.ID}, {"missing"}} {
			in := th.text(contactSender(th.contact), "")
			in.Kind, in.AttachmentIDs = parley.KindAttachment, ids
			_, err := s.AppendMessage(ctx, in)
			wantCode(t, err, parley.EINVALID)
		}
		if c := mustConversation(t, s, th.ws.ID, th.conv.ID); c.LastSeq != 0 || c.Status != parley.StatusOpen {
			t.Errorf("conversation changed: %+v", c)
		}
	})
}
