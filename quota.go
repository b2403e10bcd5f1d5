package parley

import "time"

// AttachmentQuotas bound what the visitors of an inbox may upload: files
// and bytes per conversation and per contact, counting every file a
// visitor uploaded that is still stored (sent or not: unsent ones are
// deleted after a while, which frees their place), and uploads a minute
// per contact. Files uploaded by agents, bots and API tokens count toward
// none of them. Zero fields take the defaults (Effective).
type AttachmentQuotas struct {
	FilesPerConversation int
	BytesPerConversation int64
	FilesPerContact      int
	BytesPerContact      int64
	UploadsPerMinute     int
}

// Default attachment quotas, and the largest an inbox may set.
const (
	DefaultFilesPerConversation = 20
	DefaultBytesPerConversation = 50 << 20
	DefaultFilesPerContact      = 100
	DefaultBytesPerContact      = 200 << 20
	DefaultUploadsPerMinute     = 10

	MaxQuotaFiles            = 100_000
	MaxQuotaBytes            = 100 << 30
	MaxQuotaUploadsPerMinute = 10_000
)

// UploadWindow is the period of AttachmentQuotas.UploadsPerMinute.
const UploadWindow = time.Minute

// Reasons of the errors refusing an upload over a quota: EFORBIDDEN for
// the four stored-file quotas, ERATELIMITED (with RetryAfter) for the
// upload rate.
const (
	ReasonConversationFiles = "conversation_file_quota"
	ReasonConversationBytes = "conversation_byte_quota"
	ReasonContactFiles      = "contact_file_quota"
	ReasonContactBytes      = "contact_byte_quota"
	ReasonUploadRate        = "upload_rate"
)

// Effective returns q with every unset (zero) field replaced by its default.
func (q AttachmentQuotas) Effective() AttachmentQuotas {
	def := func(v, d int64) int64 {
		if v <= 0 {
			return d
		}
		return v
	}
	return AttachmentQuotas{
		FilesPerConversation: int(def(int64(q.FilesPerConversation), DefaultFilesPerConversation)),
		BytesPerConversation: def(q.BytesPerConversation, DefaultBytesPerConversation),
		FilesPerContact:      int(def(int64(q.FilesPerContact), DefaultFilesPerContact)),
		BytesPerContact:      def(q.BytesPerContact, DefaultBytesPerContact),
		UploadsPerMinute:     int(def(int64(q.UploadsPerMinute), DefaultUploadsPerMinute)),
	}
}

// Validate records problems with q under field (e.g. "attachment_quotas").
func (q AttachmentQuotas) Validate(v *Validation, field string) {
	check := func(name string, n, most int64) {
		if n < 0 || n > most {
			v.Add(field+"."+name, "must be between 0 (the default) and %d", most)
		}
	}
	check("files_per_conversation", int64(q.FilesPerConversation), MaxQuotaFiles)
	check("bytes_per_conversation", q.BytesPerConversation, MaxQuotaBytes)
	check("files_per_contact", int64(q.FilesPerContact), MaxQuotaFiles)
	check("bytes_per_contact", q.BytesPerContact, MaxQuotaBytes)
	check("uploads_per_minute", int64(q.UploadsPerMinute), MaxQuotaUploadsPerMinute)
}

// UploadQuota is what AttachmentStore.PutAttachment checks, in the
// transaction that stores a visitor's file, against the files the
// conversation's contact uploaded: Quotas (effective values), with the
// upload rate counted over the uploads since Since.
type UploadQuota struct {
	Quotas AttachmentQuotas
	Since  time.Time
}
