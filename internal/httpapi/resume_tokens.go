package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

func (s *server) resumeTokenRoutes() {
	tags := []string{"Visitors"}
	register(s, huma.Operation{
		OperationID: "create-resume-token", Method: http.MethodPost, Path: "/api/v1/resume-tokens", Tags: tags,
		Summary: "Create a resume token", DefaultStatus: http.StatusCreated,
		Description: "Creates a resume token (prlyr_…) for a conversation, bound to the conversation's contact and valid " +
			"30 days: a visitor session opened with it (POST /api/v1/visitor/sessions with `resume_token`) joins that " +
			"conversation, and only it, from another device. A visitor may create one for its own conversations.",
	}, participant(parley.ScopeConversationsWrite), s.createResumeToken)
	register(s, huma.Operation{
		OperationID: "revoke-resume-token", Method: http.MethodDelete, Path: "/api/v1/resume-tokens/{id}", Tags: tags,
		Summary: "Revoke a resume token", DefaultStatus: http.StatusNoContent,
		Description: "Deletes the resume token and ends every visitor session opened with it.",
	}, staff(parley.ScopeContactsWrite), s.revokeResumeToken)
}

type createResumeTokenInput struct {
	Body struct {
		ConversationID string `json:"conversation_id"`
	}
}

type resumeTokenOutput struct {
	Body struct {
		ID             string    `json:"id"`
		Token          string    `json:"token" doc:"The resume token (prlyr_…). It is not stored and cannot be shown again."`
		ConversationID string    `json:"conversation_id"`
		ContactID      string    `json:"contact_id"`
		ExpiresAt      time.Time `json:"expires_at"`
	}
}

func (s *server) createResumeToken(ctx context.Context, in *createResumeTokenInput) (*resumeTokenOutput, error) {
	if in.Body.ConversationID == "" {
		var v parley.Validation
		v.Add("conversation_id", "must not be empty")
		return nil, v.Err()
	}
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	// Only who may write in the conversation may hand out a way into it.
	conv, err := s.conv.Conversation(ctx, c, in.Body.ConversationID)
	if err != nil {
		return nil, err
	}
	if !principal(ctx).Visitor() && !principal(ctx).Can(parley.ScopeConversationsWrite) {
		return nil, parley.Errorf(parley.EFORBIDDEN, "This operation requires the scope %q.", parley.ScopeConversationsWrite)
	}
	sec, t, err := s.ident.IssueResumeToken(ctx, conv.WorkspaceID, conv.ID)
	if err != nil {
		return nil, err
	}
	out := &resumeTokenOutput{}
	out.Body.ID, out.Body.Token, out.Body.ConversationID, out.Body.ContactID, out.Body.ExpiresAt =
		t.ID, sec, t.ConversationID, t.ContactID, t.ExpiresAt
	return out, nil
}

type resumeTokenIDInput struct {
	ID string `path:"id" doc:"The resume token's ID."`
}

func (s *server) revokeResumeToken(ctx context.Context, in *resumeTokenIDInput) (*struct{}, error) {
	p := principal(ctx)
	if err := s.store.DeleteResumeToken(ctx, &p.Actor, p.WorkspaceID, in.ID); err != nil {
		return nil, err
	}
	s.cfg.Revoker.Revoke(ctx, parley.Revocation{WorkspaceID: p.WorkspaceID, ResumeTokenID: in.ID, Reason: parley.EndRevoked})
	return nil, nil
}
