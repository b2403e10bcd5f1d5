package httpapi

import "github.com/parleychat/parley"

// attachmentQuotasView shows an inbox's attachment quotas in effect: the
// defaults where none were set.
type attachmentQuotasView struct {
	FilesPerConversation int   `json:"files_per_conversation" doc:"Files the visitors may upload to one conversation (default 20)."`
	BytesPerConversation int64 `json:"bytes_per_conversation" doc:"Bytes of the files the visitors may upload to one conversation (default 50 MiB)."`
	FilesPerContact      int   `json:"files_per_contact" doc:"Files one contact's visitors may upload, over all its conversations (default 100)."`
	BytesPerContact      int64 `json:"bytes_per_contact" doc:"Bytes of the files one contact's visitors may upload (default 200 MiB)."`
	UploadsPerMinute     int   `json:"uploads_per_minute" doc:"Uploads one contact's visitors may make in any minute (default 10)."`
}

func newAttachmentQuotasView(q parley.AttachmentQuotas) attachmentQuotasView {
	return attachmentQuotasView(q.Effective())
}

// attachmentQuotasInput sets the quotas it holds and leaves the others; 0
// selects the default.
type attachmentQuotasInput struct {
	FilesPerConversation *int   `json:"files_per_conversation,omitempty" doc:"0 selects the default (20)."`
	BytesPerConversation *int64 `json:"bytes_per_conversation,omitempty" doc:"0 selects the default (50 MiB)."`
	FilesPerContact      *int   `json:"files_per_contact,omitempty" doc:"0 selects the default (100)."`
	BytesPerContact      *int64 `json:"bytes_per_contact,omitempty" doc:"0 selects the default (200 MiB)."`
	UploadsPerMinute     *int   `json:"uploads_per_minute,omitempty" doc:"0 selects the default (10)."`
}

func (in *attachmentQuotasInput) apply(q *parley.AttachmentQuotas) {
	if in == nil {
		return
	}
	set(&q.FilesPerConversation, in.FilesPerConversation)
	set(&q.BytesPerConversation, in.BytesPerConversation)
	set(&q.FilesPerContact, in.FilesPerContact)
	set(&q.BytesPerContact, in.BytesPerContact)
	set(&q.UploadsPerMinute, in.UploadsPerMinute)
}
