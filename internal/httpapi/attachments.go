package httpapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

// uploadReadTimeout bounds reading one uploaded file.
const uploadReadTimeout = 2 * time.Minute

func (s *server) attachmentRoutes() {
	tags := []string{"Attachments"}
	register(s, huma.Operation{
		OperationID: "upload-attachment", Method: http.MethodPost, Path: "/api/v1/conversations/{id}/attachments", Tags: tags,
		Summary: "Upload a file", DefaultStatus: http.StatusCreated,
		Description: "Stores the request body as a file of the conversation, to send with a message of kind `attachment` " +
			"(its `attachment_ids`). The body is the file itself, not a form: `Content-Type` is the file's media type and " +
			"the file name is the `filename` query parameter or the `Content-Disposition` header's filename. " +
			"The inbox's conversation settings bound the file: a larger one is refused with 413, a media type the inbox " +
			"does not accept (or an image that is not what it claims) with 422. A visitor's uploads must also keep within " +
			"the inbox's `attachment_quotas`: over a file or byte quota the upload is refused with 403 and a `reason` naming " +
			"the quota (`conversation_file_quota`, `conversation_byte_quota`, `contact_file_quota`, `contact_byte_quota`), " +
			"over the upload rate with 429, `Retry-After` and the reason `upload_rate`. A file no message carries is deleted " +
			"after PARLEY_UNSENT_ATTACHMENT_TTL (24 h by default).",
		RequestBody: &huma.RequestBody{
			Required:    true,
			Description: "The file's bytes.",
			Content: map[string]*huma.MediaType{
				"application/octet-stream": {Schema: &huma.Schema{Type: huma.TypeString, Format: "binary"}},
			},
		},
		Middlewares: huma.Middlewares{withRequestBody},
	}, participant(parley.ScopeConversationsWrite), s.uploadAttachment)
	register(s, huma.Operation{
		OperationID: "get-attachment", Method: http.MethodGet, Path: "/api/v1/attachments/{id}", Tags: tags,
		Summary: "Download a file",
		Description: "Returns the file's bytes with its stored media type, as a download (`Content-Disposition: attachment`), " +
			"with `X-Content-Type-Options: nosniff` and `Content-Security-Policy: sandbox`, so that a browser never runs it as a page. " +
			"A visitor may download only the files of its own conversations.",
		Responses: map[string]*huma.Response{
			"200": {
				Description: "The file.",
				Content:     map[string]*huma.MediaType{"application/octet-stream": {Schema: &huma.Schema{Type: huma.TypeString, Format: "binary"}}},
			},
		},
	}, participant(parley.ScopeConversationsRead), s.getAttachment)
}

// requestBodyKey carries the request body to an operation that reads it
// itself (huma reads none when the input has no Body).
type requestBodyKey struct{}

func withRequestBody(ctx huma.Context, next func(huma.Context)) {
	ctx.SetReadDeadline(time.Now().Add(uploadReadTimeout))
	next(huma.WithValue(ctx, requestBodyKey{}, ctx.BodyReader()))
}

type uploadAttachmentInput struct {
	ID                 string `path:"id" doc:"The conversation's ID."`
	Filename           string `query:"filename" doc:"The file's name; or give it in Content-Disposition."`
	ContentType        string `header:"Content-Type" doc:"The file's media type, e.g. image/png."`
	ContentDisposition string `header:"Content-Disposition" doc:"Alternative to filename: attachment; filename=\"…\" (or filename*=UTF-8''…)."`
	ContentLength      string `header:"Content-Length" hidden:"true"`
}

type attachmentOutput struct {
	Body attachmentView
}

func (s *server) uploadAttachment(ctx context.Context, in *uploadAttachmentInput) (*attachmentOutput, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	limit, err := s.uploadLimit(ctx, in.ID)
	if err != nil {
		return nil, err
	}
	if n, err := strconv.ParseInt(in.ContentLength, 10, 64); err == nil && n > limit {
		return nil, s.tooLarge(ctx, limit)
	}
	body, _ := ctx.Value(requestBodyKey{}).(io.Reader)
	if body == nil {
		return nil, errors.New("httpapi: upload without its request body")
	}
	data, err := io.ReadAll(io.LimitReader(body, limit+1))
	if err != nil {
		return nil, parley.Errorf(parley.EINVALID, "The file could not be read completely.")
	}
	if int64(len(data)) > limit {
		return nil, s.tooLarge(ctx, limit)
	}
	name := in.Filename
	if name == "" && in.ContentDisposition != "" {
		if _, params, err := mime.ParseMediaType(in.ContentDisposition); err == nil {
			name = params["filename"]
		}
	}
	att, err := s.conv.PutAttachment(ctx, c, in.ID, name, in.ContentType, data)
	if err != nil {
		return nil, relocate(err, map[string]string{
			"name": "query.filename", "content_type": "header.Content-Type", "file": "body",
		})
	}
	return &attachmentOutput{Body: attachmentView(*att)}, nil
}

// uploadLimit returns the largest file the conversation's inbox accepts,
// so that no more is read. The conversation service checks everything
// again when it stores the file; this only keeps an unreachable
// conversation from being probed by the size of the answer: a visitor
// asking about another contact's conversation gets ENOTFOUND, as it would
// from the service.
func (s *server) uploadLimit(ctx context.Context, conversationID string) (int64, error) {
	p := principal(ctx)
	conv, err := s.store.FindConversation(ctx, p.WorkspaceID, conversationID)
	if err == nil && p.Visitor() && (conv.ContactID != p.ContactID || (p.ConversationID != "" && conv.ID != p.ConversationID)) {
		err = parley.Errorf(parley.ENOTFOUND, "Conversation not found.")
	}
	if err != nil {
		return 0, err
	}
	inbox, err := s.store.FindInboxByID(ctx, p.WorkspaceID, conv.InboxID)
	if err != nil {
		return 0, err
	}
	return inbox.Conversation.EffectiveMaxAttachmentSize(), nil
}

// tooLarge is the 413 problem of a file over limit bytes.
func (s *server) tooLarge(ctx context.Context, limit int64) *problem {
	return &problem{
		Title:     http.StatusText(http.StatusRequestEntityTooLarge),
		Status:    http.StatusRequestEntityTooLarge,
		Detail:    fmt.Sprintf("The file is larger than this inbox accepts (%d bytes).", limit),
		Code:      parley.EINVALID,
		RequestID: requestFrom(ctx).id,
		Errors:    []*huma.ErrorDetail{{Location: "body", Message: fmt.Sprintf("must be at most %d bytes", limit)}},
	}
}

// relocate renames the fields of an EINVALID error to the locations of
// this request ("query.filename" rather than "name").
func relocate(err error, locations map[string]string) error {
	var pe *parley.Error
	if !errors.As(err, &pe) || len(pe.Fields) == 0 {
		return err
	}
	out := &parley.Error{Code: pe.Code, Message: pe.Message}
	for _, f := range pe.Fields {
		if loc, ok := locations[f.Field]; ok {
			f.Field = loc
		}
		out.Fields = append(out.Fields, f)
	}
	return out
}

type attachmentFileOutput struct {
	ContentType           string `header:"Content-Type"`
	ContentDisposition    string `header:"Content-Disposition"`
	ContentTypeOptions    string `header:"X-Content-Type-Options"`
	ContentSecurityPolicy string `header:"Content-Security-Policy"`
	CacheControl          string `header:"Cache-Control"`
	Body                  []byte
}

func (s *server) getAttachment(ctx context.Context, in *struct {
	ID string `path:"id" doc:"The attachment's ID."`
}) (*attachmentFileOutput, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	f, err := s.conv.GetAttachment(ctx, c, in.ID)
	if err != nil {
		return nil, err
	}
	return &attachmentFileOutput{
		ContentType:           f.ContentType,
		ContentDisposition:    contentDisposition(f.Name),
		ContentTypeOptions:    "nosniff",
		ContentSecurityPolicy: "sandbox",
		CacheControl:          "private, max-age=3600",
		Body:                  f.Data,
	}, nil
}

// contentDisposition returns an attachment disposition carrying name as
// an RFC 8187 filename* (UTF-8, percent-encoded), which every current
// browser reads.
func contentDisposition(name string) string {
	const attrChar = "!#$&+-.^_`|~" // RFC 8187 attr-char besides letters and digits
	var b strings.Builder
	b.WriteString("attachment; filename*=UTF-8''")
	for i := 0; i < len(name); i++ {
		ch := name[i]
		if ch < 0x80 && (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || strings.IndexByte(attrChar, ch) >= 0) {
			b.WriteByte(ch)
		} else {
			fmt.Fprintf(&b, "%%%02X", ch)
		}
	}
	return b.String()
}
