package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
)

func (s *server) visitorRoutes() {
	register(s, huma.Operation{
		OperationID: "create-visitor-session", Method: http.MethodPost, Path: "/api/v1/visitor/sessions",
		Tags: []string{"Visitors"}, Summary: "Start a guest visitor session", DefaultStatus: http.StatusCreated,
		Description: "Creates an anonymous contact and a visitor session for it in the inbox, and returns the " +
			"session's visitor token, shown only this once: keep it on the device to come back as the same " +
			"guest (it is valid for 30 days), and send it as `Authorization: Bearer prlyv_…`. " +
			"When the request carries an Origin header (a browser page), the inbox's `allowed_origins` must allow it. " +
			"Refused with 403 when the inbox accepts verified visitors only. Limited per client IP.",
	}, public, s.createVisitorSession)
}

type createVisitorSessionInput struct {
	Origin string `header:"Origin" hidden:"true"`
	Body   struct {
		InboxID string `json:"inbox_id" doc:"The inbox the widget or chat UI belongs to."`
	}
}

type visitorSessionView struct {
	Token     string    `json:"token" doc:"The visitor token (prlyv_…). It is not stored and cannot be shown again."`
	ContactID string    `json:"contact_id" doc:"The guest's contact."`
	InboxID   string    `json:"inbox_id"`
	ExpiresAt time.Time `json:"expires_at"`
}

type visitorSessionOutput struct {
	Body visitorSessionView
}

func (s *server) createVisitorSession(ctx context.Context, in *createVisitorSessionInput) (*visitorSessionOutput, error) {
	if ok, wait := s.guests.allow(requestFrom(ctx).ip, s.cfg.Now()); !ok {
		return nil, &account.RateLimitedError{
			Err:  parley.Errorf(parley.ERATELIMITED, "Too many new visitor sessions from your address. Try again later."),
			Wait: wait,
		}
	}
	sess, sec, _, err := s.ident.StartGuest(ctx, in.Body.InboxID, in.Origin)
	if err != nil {
		return nil, err
	}
	return &visitorSessionOutput{Body: visitorSessionView{
		Token: sec, ContactID: sess.ContactID, InboxID: sess.InboxID, ExpiresAt: sess.ExpiresAt,
	}}, nil
}
