package storetest

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

// upload stores a file of size bytes in conv, uploaded by who, within
// quota (nil: none), and returns the error.
func upload(t *testing.T, s parley.Store, th *thread, conv *parley.Conversation, who parley.Participant, size int, quota *parley.UploadQuota) (*parley.AttachmentFile, error) {
	t.Helper()
	f := &parley.AttachmentFile{
		Attachment:  parley.Attachment{Name: "file.txt", ContentType: "text/plain"},
		WorkspaceID: th.ws.ID, ConversationID: conv.ID, Data: make([]byte, size), Uploader: who,
	}
	return f, s.PutAttachment(t.Context(), f, quota)
}

// anotherConversation starts a second conversation of th's contact.
func anotherConversation(t *testing.T, s parley.Store, th *thread) *parley.Conversation {
	t.Helper()
	conv := &parley.Conversation{WorkspaceID: th.ws.ID, InboxID: th.inbox.ID, ContactID: th.contact.ID}
	_, err := s.CreateConversation(t.Context(), conv, contactP(th.contact))
	must(t, err)
	return conv
}

// wantQuota fails unless err is the refusal of quota reason.
func wantQuota(t *testing.T, err error, code, reason string) {
	t.Helper()
	wantCode(t, err, code)
	if got := parley.ErrorReason(err); got != reason {
		t.Fatalf("reason = %q (%v), want %q", got, err, reason)
	}
}

func testAttachmentQuotas(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)
	// quota returns an upload quota counting the uploads of the last
	// minute, with q's limits over generous ones.
	quota := func(q parley.AttachmentQuotas) *parley.UploadQuota {
		return &parley.UploadQuota{Quotas: q.Effective(), Since: time.Now().Add(-time.Minute)}
	}

	t.Run("InboxSettings", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		q := parley.AttachmentQuotas{FilesPerConversation: 30, BytesPerConversation: 1 << 20, UploadsPerMinute: 60}
		in := &parley.Inbox{WorkspaceID: w.ID, Name: "Quotas", AttachmentQuotas: q}
		must(t, s.CreateInbox(ctx, actor, in))
		got, err := s.FindInboxByID(ctx, w.ID, in.ID)
		must(t, err)
		diff(t, q, got.AttachmentQuotas)

		q2 := parley.AttachmentQuotas{FilesPerContact: 7, BytesPerContact: 700}
		updated, err := s.UpdateInbox(ctx, actor, w.ID, in.ID, parley.InboxUpdate{AttachmentQuotas: &q2})
		must(t, err)
		diff(t, q2, updated.AttachmentQuotas)
		got, err = s.FindInboxByID(ctx, w.ID, in.ID)
		must(t, err)
		diff(t, q2, got.AttachmentQuotas)
		e := wantAudit(t, s, w.ID, "inbox.update", "inbox", in.ID)
		if _, ok := e.Details["attachment_quotas"]; !ok {
			t.Errorf("audit details %v lack attachment_quotas", e.Details)
		}
		// Another update leaves them alone.
		name := "Renamed"
		updated, err = s.UpdateInbox(ctx, actor, w.ID, in.ID, parley.InboxUpdate{Name: &name})
		must(t, err)
		diff(t, q2, updated.AttachmentQuotas)
	})

	t.Run("FilesPerConversation", func(t *testing.T) {
		th := mustThread(t, s)
		me := contactP(th.contact)
		q := quota(parley.AttachmentQuotas{FilesPerConversation: 3, UploadsPerMinute: 100})
		for range 3 {
			_, err := upload(t, s, th, th.conv, me, 10, q)
			must(t, err)
		}
		_, err := upload(t, s, th, th.conv, me, 10, q)
		wantQuota(t, err, parley.EFORBIDDEN, parley.ReasonConversationFiles)
		// The contact's other conversation has room; staff uploads are
		// not counted, nor held back.
		_, err = upload(t, s, th, anotherConversation(t, s, th), me, 10, q)
		must(t, err)
		agent := agentSender(mustAgent(t, s, th.ws.ID)).Participant()
		_, err = upload(t, s, th, th.conv, agent, 10, nil)
		must(t, err)
		_, err = upload(t, s, th, th.conv, me, 10, q)
		wantQuota(t, err, parley.EFORBIDDEN, parley.ReasonConversationFiles)
	})

	t.Run("BytesPerConversation", func(t *testing.T) {
		th := mustThread(t, s)
		me := contactP(th.contact)
		q := quota(parley.AttachmentQuotas{BytesPerConversation: 100, UploadsPerMinute: 100})
		_, err := upload(t, s, th, th.conv, me, 60, q)
		must(t, err)
		_, err = upload(t, s, th, th.conv, me, 41, q)
		wantQuota(t, err, parley.EFORBIDDEN, parley.ReasonConversationBytes)
		_, err = upload(t, s, th, th.conv, me, 40, q) // exactly the quota
		must(t, err)
	})

	t.Run("PerContact", func(t *testing.T) {
		th := mustThread(t, s)
		me := contactP(th.contact)
		second := anotherConversation(t, s, th)
		files := quota(parley.AttachmentQuotas{FilesPerContact: 2, UploadsPerMinute: 100})
		_, err := upload(t, s, th, th.conv, me, 1, files)
		must(t, err)
		_, err = upload(t, s, th, second, me, 1, files)
		must(t, err)
		_, err = upload(t, s, th, anotherConversation(t, s, th), me, 1, files)
		wantQuota(t, err, parley.EFORBIDDEN, parley.ReasonContactFiles)

		bytes := quota(parley.AttachmentQuotas{BytesPerContact: 5, UploadsPerMinute: 100})
		_, err = upload(t, s, th, second, me, 4, bytes)
		wantQuota(t, err, parley.EFORBIDDEN, parley.ReasonContactBytes)
		_, err = upload(t, s, th, second, me, 3, bytes)
		must(t, err)

		// Another contact of the workspace is not counted against this one.
		other := mustThreadIn(t, s, th.ws, th.inbox)
		_, err = upload(t, s, other, other.conv, contactP(other.contact), 1, files)
		must(t, err)
	})

	t.Run("UploadRate", func(t *testing.T) {
		th := mustThread(t, s)
		me := contactP(th.contact)
		q := quota(parley.AttachmentQuotas{UploadsPerMinute: 3})
		var first *parley.AttachmentFile
		for i := range 3 {
			f, err := upload(t, s, th, th.conv, me, 1, q)
			must(t, err)
			if i == 0 {
				first = f
			}
		}
		_, err := upload(t, s, th, th.conv, me, 1, q)
		wantQuota(t, err, parley.ERATELIMITED, parley.ReasonUploadRate)
		var pe *parley.Error
		if !errors.As(err, &pe) || pe.RetryAfter != max(first.CreatedAt.Sub(q.Since), time.Second) {
			t.Errorf("retry after %v, want until the first upload leaves the window (%v)", pe.RetryAfter, first.CreatedAt.Sub(q.Since))
		}
		// Uploads before the window do not count.
		later := &parley.UploadQuota{Quotas: q.Quotas, Since: time.Now()}
		_, err = upload(t, s, th, th.conv, me, 1, later)
		must(t, err)
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		th := mustThread(t, s)
		other := mustWorkspace(t, s)
		q := quota(parley.AttachmentQuotas{})
		f := &parley.AttachmentFile{WorkspaceID: other.ID, ConversationID: th.conv.ID, Data: []byte("x"),
			Uploader: contactP(th.contact)}
		wantCode(t, s.PutAttachment(t.Context(), f, q), parley.ENOTFOUND)
		f.WorkspaceID, f.ConversationID = th.ws.ID, "missing"
		wantCode(t, s.PutAttachment(t.Context(), f, q), parley.ENOTFOUND)
	})

	t.Run("Uploader", func(t *testing.T) {
		th := mustThread(t, s)
		me := contactP(th.contact)
		f, err := upload(t, s, th, th.conv, me, 1, quota(parley.AttachmentQuotas{}))
		must(t, err)
		got, err := s.GetAttachment(t.Context(), th.ws.ID, f.ID)
		must(t, err)
		diff(t, me, got.Uploader)
	})

	// Concurrent uploads cannot overshoot a quota: of 12 racing uploads
	// into a conversation that holds 5 files, exactly 5 are stored; and
	// of 12 racing into two conversations of a contact that may hold 40
	// bytes, exactly 4 of 10 bytes.
	t.Run("Race", func(t *testing.T) {
		th := mustThread(t, s)
		me := contactP(th.contact)
		second := anotherConversation(t, s, th)
		race := func(q *parley.UploadQuota, convs ...*parley.Conversation) (stored int, refusals map[string]int) {
			var mu sync.Mutex
			var wg sync.WaitGroup
			refusals = map[string]int{}
			for i := range 12 {
				wg.Go(func() {
					_, err := upload(t, s, th, convs[i%len(convs)], me, 10, q)
					mu.Lock()
					defer mu.Unlock()
					if err == nil {
						stored++
					} else {
						refusals[parley.ErrorCode(err)+"/"+parley.ErrorReason(err)]++
					}
				})
			}
			wg.Wait()
			return stored, refusals
		}
		stored, refusals := race(quota(parley.AttachmentQuotas{FilesPerConversation: 5, UploadsPerMinute: 100}), th.conv)
		if stored != 5 || refusals[parley.EFORBIDDEN+"/"+parley.ReasonConversationFiles] != 7 {
			t.Errorf("files: %d stored, refusals %v; want 5 stored and 7 refused by the conversation's file quota", stored, refusals)
		}
		third := anotherConversation(t, s, th)
		stored, refusals = race(quota(parley.AttachmentQuotas{BytesPerContact: 5*10 + 40, UploadsPerMinute: 100}), second, third)
		if stored != 4 || refusals[parley.EFORBIDDEN+"/"+parley.ReasonContactBytes] != 8 {
			t.Errorf("bytes: %d stored, refusals %v; want 4 stored and 8 refused by the contact's byte quota", stored, refusals)
		}
	})
}

// testAttachmentSweep: files never sent are deleted once older than the
// cut-off, in batches; sent files never are.
func testAttachmentSweep(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)
	ctx := t.Context()
	th := mustThread(t, s)
	me := contactP(th.contact)
	var unsent []*parley.AttachmentFile
	for range 5 {
		f, err := upload(t, s, th, th.conv, me, 3, nil)
		must(t, err)
		unsent = append(unsent, f)
	}
	sent := mustAttachment(t, s, th, "sent.png", []byte("kept"))
	in := th.text(contactSender(th.contact), "")
	in.Kind, in.AttachmentIDs = parley.KindAttachment, []string{sent.ID}
	mustAppend(t, s, in)
	newest := sent.CreatedAt

	// Nothing is older than the oldest file.
	n, err := s.DeleteUnsentAttachments(ctx, unsent[0].CreatedAt, 100)
	must(t, err)
	if n != 0 {
		t.Fatalf("deleted %d before the oldest file", n)
	}
	// After the newest, in batches of 2: 2, 2, 1, then none.
	var batches []int
	for {
		n, err := s.DeleteUnsentAttachments(ctx, newest.Add(time.Microsecond), 2)
		must(t, err)
		batches = append(batches, n)
		if n < 2 {
			break
		}
	}
	diff(t, []int{2, 2, 1}, batches)
	for _, f := range unsent {
		_, err := s.GetAttachment(ctx, th.ws.ID, f.ID)
		wantCode(t, err, parley.ENOTFOUND)
	}
	got, err := s.GetAttachment(ctx, th.ws.ID, sent.ID)
	must(t, err)
	diff(t, []byte("kept"), got.Data)
}
