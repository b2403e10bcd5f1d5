package conversation

import (
	"context"
	"mime"
	"net/http"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parleychat/parley"
)

// PutAttachment stores a file in a conversation the caller may write in,
// to be sent with an attachment message (SendInput.AttachmentIDs). The
// inbox's settings bound its size and media type; an image must look like
// the image type it claims. A visitor's upload must also keep within the
// inbox's attachment quotas (files and bytes per conversation and per
// contact, uploads a minute), checked as it is stored, so that concurrent
// uploads cannot overshoot them; a file never sent is deleted after a
// while (the caller's sweep, DeleteUnsentAttachments), which frees its
// place. Returns EINVALID, ENOTFOUND, EFORBIDDEN (also for a quota, with
// its reason: parley.ReasonConversationFiles, …) or ERATELIMITED
// (parley.ReasonUploadRate, with RetryAfter).
func (s *Service) PutAttachment(ctx context.Context, c Caller, conversationID, name, contentType string, data []byte) (*parley.Attachment, error) {
	conv, err := s.writable(ctx, c, conversationID)
	if err != nil {
		return nil, err
	}
	inbox, err := s.store.FindInboxByID(ctx, c.workspaceID, conv.InboxID)
	if err != nil {
		return nil, err
	}
	limits := inbox.Conversation
	v := parley.Validation{}
	name = cleanFileName(name)
	if name == "" {
		v.Add("name", "must not be empty")
	}
	mediaType, _, err := mime.ParseMediaType(contentType)
	switch {
	case err != nil:
		v.Add("content_type", "must be a media type")
	case !limits.AllowsAttachmentType(mediaType):
		v.Add("content_type", "%s files are not accepted here", mediaType)
	case sniffable[mediaType] && http.DetectContentType(data) != mediaType:
		v.Add("content_type", "the file is not a %s image", mediaType)
	}
	if limit := limits.EffectiveMaxAttachmentSize(); int64(len(data)) > limit {
		v.Add("file", "must be at most %d bytes", limit)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	f := &parley.AttachmentFile{
		Attachment:  parley.Attachment{Name: name, ContentType: mediaType},
		WorkspaceID: c.workspaceID, ConversationID: conversationID, Data: data,
		Uploader: c.Participant(),
	}
	var quota *parley.UploadQuota
	if c.isVisitor() {
		quota = &parley.UploadQuota{Quotas: inbox.AttachmentQuotas.Effective(), Since: s.now().Add(-parley.UploadWindow)}
	}
	if err := s.store.PutAttachment(ctx, f, quota); err != nil {
		return nil, err
	}
	return &f.Attachment, nil
}

// GetAttachment returns a file of a conversation the caller may read.
// Transports serve it with its ContentType, "X-Content-Type-Options:
// nosniff" and "Content-Disposition: attachment" (inline for images at
// most). Returns ENOTFOUND (also for another contact's file) or EFORBIDDEN.
func (s *Service) GetAttachment(ctx context.Context, c Caller, id string) (*parley.AttachmentFile, error) {
	if err := c.need(parley.ScopeConversationsRead); err != nil {
		return nil, err
	}
	f, err := s.store.GetAttachment(ctx, c.workspaceID, id)
	if err != nil {
		return nil, err
	}
	conv, err := s.store.FindConversation(ctx, c.workspaceID, f.ConversationID)
	if err != nil {
		return nil, err
	}
	if err := c.canRead(conv); parley.ErrorCode(err) == parley.ENOTFOUND {
		return nil, parley.Errorf(parley.ENOTFOUND, "Attachment not found.")
	} else if err != nil {
		return nil, err
	}
	return f, nil
}

// sniffable are the image types http.DetectContentType recognises: a file
// claiming one must be one, so that what is served as an image is an image.
var sniffable = map[string]bool{
	"image/png": true, "image/jpeg": true, "image/gif": true, "image/webp": true, "image/bmp": true,
}

// cleanFileName keeps the last path element of name, without control
// characters or quotes, within parley.MaxAttachmentNameLength bytes.
func cleanFileName(name string) string {
	name = strings.ToValidUTF8(name, "")
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '"' {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if name == "." || name == ".." {
		return ""
	}
	for len(name) > parley.MaxAttachmentNameLength {
		_, size := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-size]
	}
	return name
}

// sweepBatch is how many files one transaction of SweepUnsentAttachments
// deletes.
const sweepBatch = 500

// SweepUnsentAttachments deletes the files uploaded more than ttl ago (by
// the service's clock) that no message carries, in batches of short
// transactions, and returns how many. It keeps no state: what it has not
// deleted when it stops (ctx ended, the node stopped) the next sweep does.
func (s *Service) SweepUnsentAttachments(ctx context.Context, ttl time.Duration) (int, error) {
	before := s.now().Add(-ttl)
	total := 0
	for {
		n, err := s.store.DeleteUnsentAttachments(ctx, before, sweepBatch)
		total += n
		if err != nil || n < sweepBatch {
			return total, err
		}
	}
}
