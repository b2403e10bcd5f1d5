package httpapi

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
	"github.com/parleychat/parley/internal/identity"
)

func (s *server) visitorRoutes() {
	register(s, huma.Operation{
		OperationID: "create-visitor-session", Method: http.MethodPost, Path: "/api/v1/visitor/sessions",
		Tags: []string{"Visitors"}, Summary: "Start a visitor session", DefaultStatus: http.StatusCreated,
		Description: "Opens a visitor session in the inbox and returns its visitor token, shown only this once: keep it " +
			"on the device and send it as `Authorization: Bearer prlyv_…`.\n\n" +
			"- Without `token` or `resume_token`: a guest, a new anonymous contact (the session lasts 30 days). " +
			"Refused with 403 when the inbox accepts verified visitors only.\n" +
			"- With `token`, an identity JWT signed by your back-end: the verified contact whose `external_id` is the " +
			"token's `sub` (created if needed), on every device. The session expires with the token. When the request " +
			"also carries the device's current guest token (`Authorization: Bearer prlyv_…`), the guest is merged into " +
			"the verified contact and keeps its conversations.\n" +
			"- With `resume_token` (prlyr_…): the token's contact, confined to the token's conversation.\n\n" +
			"When the request carries an Origin header (a browser page), the inbox's `allowed_origins` must allow it. " +
			"Limited per client IP: guests to 60 at once then 30 a minute; sessions opened with a token or resume token, " +
			"which are not anonymous, separately, to 120 at once then 60 a minute. Over the limit: 429 with Retry-After.",
	}, public, s.createVisitorSession)
}

type createVisitorSessionInput struct {
	Origin        string `header:"Origin" hidden:"true"`
	Authorization string `header:"Authorization" hidden:"true"`
	Body          struct {
		InboxID     string `json:"inbox_id" doc:"The inbox the widget or chat UI belongs to."`
		Token       string `json:"token,omitempty" doc:"An identity JWT signed by your back-end (see docs/identity.md)."`
		ResumeToken string `json:"resume_token,omitempty" doc:"A resume token (prlyr_…) from identify or POST /api/v1/resume-tokens."`
	}
}

// sessionContactView is the visitor's own contact, as the visitor sees it.
type sessionContactView struct {
	ID        string `json:"id"`
	Verified  bool   `json:"verified"`
	Name      string `json:"name"`
	AvatarURL string `json:"avatar_url,omitempty"`
}

type visitorSessionView struct {
	Token          string             `json:"token" doc:"The visitor token (prlyv_…). It is not stored and cannot be shown again."`
	ContactID      string             `json:"contact_id" doc:"The session's contact."`
	InboxID        string             `json:"inbox_id"`
	ConversationID string             `json:"conversation_id,omitempty" doc:"Set for a session opened with a resume token: the one conversation it reaches."`
	ExpiresAt      time.Time          `json:"expires_at"`
	Contact        sessionContactView `json:"contact"`
}

type visitorSessionOutput struct {
	Body visitorSessionView
}

func (s *server) createVisitorSession(ctx context.Context, in *createVisitorSessionInput) (*visitorSessionOutput, error) {
	b := in.Body
	limit := s.guests
	if b.Token != "" || b.ResumeToken != "" {
		limit = s.verified // not anonymous: not a guest
	}
	if ok, wait := limit.allow(requestFrom(ctx).ip, s.cfg.Now()); !ok {
		return nil, &account.RateLimitedError{
			Err:  parley.Errorf(parley.ERATELIMITED, "Too many new visitor sessions from your address. Try again later."),
			Wait: wait,
		}
	}
	var (
		sess    *parley.VisitorSession
		sec     string
		contact *parley.Contact
		err     error
	)
	switch {
	case b.Token != "" && b.ResumeToken != "":
		var v parley.Validation
		v.Add("resume_token", "send either token or resume_token, not both")
		return nil, v.Err()
	case b.Token != "":
		sess, sec, contact, err = s.ident.StartVerified(ctx, b.InboxID, b.Token, in.Origin, s.currentVisitor(ctx, in.Authorization))
	case b.ResumeToken != "":
		sess, sec, contact, err = s.ident.StartResumed(ctx, b.InboxID, b.ResumeToken, in.Origin)
	default:
		sess, sec, contact, err = s.ident.StartGuest(ctx, b.InboxID, in.Origin)
	}
	if err != nil {
		return nil, err
	}
	return &visitorSessionOutput{Body: visitorSessionView{
		Token: sec, ContactID: sess.ContactID, InboxID: sess.InboxID, ConversationID: sess.ConversationID,
		ExpiresAt: sess.ExpiresAt,
		Contact:   sessionContactView{ID: contact.ID, Verified: contact.Verified, Name: contact.Name, AvatarURL: contact.AvatarURL},
	}}, nil
}

// currentVisitor returns the principal of the visitor token in an
// Authorization header — the device's current (guest) session — or nil
// when there is none or it is not valid: it only lets a guest who logs in
// keep its conversations.
func (s *server) currentVisitor(ctx context.Context, authorization string) *parley.Principal {
	scheme, token, ok := strings.Cut(authorization, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || !identity.IsVisitorToken(strings.TrimSpace(token)) {
		return nil
	}
	p, err := s.ident.AuthenticateVisitor(ctx, strings.TrimSpace(token))
	if err != nil {
		return nil
	}
	return p
}
