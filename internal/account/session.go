package account

import (
	"context"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/secret"
)

func errDisabled() error {
	return parley.Errorf(parley.EUNAUTHORIZED, "This account is disabled.")
}

// startSession starts a console session of agent, whichever way it signed
// in (password, OpenID Connect, external endpoint): every session is the
// same kind, so sign-out, expiry and disabling end them all alike.
func (s *Service) startSession(ctx context.Context, agent *parley.Agent, ip, userAgent string) (*parley.Session, string, *parley.Agent, error) {
	sec := secret.NewToken(SessionPrefix)
	if len(userAgent) > maxUserAgentLength {
		userAgent = userAgent[:maxUserAgentLength]
	}
	sess := &parley.Session{
		WorkspaceID: agent.WorkspaceID,
		AgentID:     agent.ID,
		CSRFToken:   secret.NewToken(""),
		UserAgent:   userAgent,
		IP:          ip,
		ExpiresAt:   s.now().Add(s.ttl),
	}
	if err := s.store.CreateSession(ctx, sess, secret.Hash(sec)); err != nil {
		return nil, "", nil, err
	}
	return sess, sec, agent, nil
}
