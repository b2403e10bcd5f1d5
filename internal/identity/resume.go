package identity

import (
	"context"
	"strings"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/secret"
)

const (
	// ResumeTokenPrefix starts every resume token.
	ResumeTokenPrefix = "prlyr_"
	// ResumeTokenTTL is how long a resume token is valid.
	ResumeTokenTTL = 30 * 24 * time.Hour
	// ReasonResumeToken is the Reason of the EUNAUTHORIZED returned for an
	// unknown, expired or revoked resume token.
	ReasonResumeToken = "resume_token_invalid"
)

// IssueResumeToken creates a resume token for a conversation of the
// workspace, bound to the conversation's contact, and returns its secret
// (shown only this once). Callers check that whoever asks may reach the
// conversation. Returns ENOTFOUND.
func (s *Service) IssueResumeToken(ctx context.Context, workspaceID, conversationID string) (string, *parley.ResumeToken, error) {
	sec := secret.NewToken(ResumeTokenPrefix)
	t := &parley.ResumeToken{WorkspaceID: workspaceID, ConversationID: conversationID, ExpiresAt: s.now().Add(ResumeTokenTTL)}
	if err := s.store.CreateResumeToken(ctx, t, secret.Hash(sec)); err != nil {
		return "", nil, err
	}
	return sec, t, nil
}

// StartResumed opens a visitor session with a resume token: the session
// acts as the token's contact and reaches the token's conversation only.
// It ends when the token is revoked and expires after GuestSessionTTL or
// with the token, whichever comes first. origin is checked as by
// StartGuest. Returns EINVALID, ENOTFOUND for an unknown inbox,
// EFORBIDDEN for a refused origin, EUNAUTHORIZED (ReasonResumeToken) for a
// bad token or one of another inbox.
func (s *Service) StartResumed(ctx context.Context, inboxID, resumeToken, origin string) (*parley.VisitorSession, string, *parley.Contact, error) {
	inbox, err := s.visitorInbox(ctx, inboxID, origin)
	if err != nil {
		return nil, "", nil, err
	}
	if !strings.HasPrefix(resumeToken, ResumeTokenPrefix) || len(resumeToken) > maxSecretLength {
		return nil, "", nil, errResumeToken()
	}
	now := s.now()
	t, err := s.store.FindResumeTokenByHash(ctx, secret.Hash(resumeToken), now)
	if parley.ErrorCode(err) == parley.ENOTFOUND || (err == nil && t.WorkspaceID != inbox.WorkspaceID) {
		return nil, "", nil, errResumeToken()
	} else if err != nil {
		return nil, "", nil, err
	}
	sec := secret.NewToken(TokenPrefix)
	sess := &parley.VisitorSession{
		WorkspaceID: inbox.WorkspaceID, InboxID: inbox.ID, ResumeTokenID: t.ID,
		ExpiresAt: capExpiry(now.Add(GuestSessionTTL), t.ExpiresAt),
	}
	err = s.store.CreateVisitorSession(ctx, sess, secret.Hash(sec))
	switch parley.ErrorCode(err) {
	case "":
	case parley.ENOTFOUND, parley.EINVALID:
		// Revoked a moment ago, or a conversation of another inbox.
		return nil, "", nil, errResumeToken()
	default:
		return nil, "", nil, err
	}
	c, err := s.store.FindContactByID(ctx, sess.WorkspaceID, sess.ContactID)
	if err != nil {
		return nil, "", nil, err
	}
	return sess, sec, c, nil
}

func errResumeToken() error {
	return &parley.Error{Code: parley.EUNAUTHORIZED, Reason: ReasonResumeToken,
		Message: "The resume token is invalid, expired, revoked, or not for this inbox."}
}
