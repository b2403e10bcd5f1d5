package account

import (
	"context"
	"strings"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/secret"
)

// maxSecretLength bounds a presented secret before it is hashed and looked up.
const maxSecretLength = 256

func errUnauthenticated() error {
	return parley.Errorf(parley.EUNAUTHORIZED, "The credentials are invalid or expired.")
}

// ReasonTokenExpired is the Reason of the EUNAUTHORIZED answering an API
// token whose expires_at has passed.
const ReasonTokenExpired = "token_expired"

// AuthenticateBearer returns the principal of a bearer credential: an API
// token (prly_…), an app's access token (prlyat_…), or an agent's session secret (prlys_…, a bearer session
// from the login API or the console's). Returns what AuthenticateToken and
// AuthenticateSession do.
func (s *Service) AuthenticateBearer(ctx context.Context, sec string) (*parley.Principal, error) {
	if strings.HasPrefix(sec, SessionPrefix) {
		return s.AuthenticateSession(ctx, sec)
	}
	if strings.HasPrefix(sec, AppTokenPrefix) {
		return s.AuthenticateAppToken(ctx, sec)
	}
	return s.AuthenticateToken(ctx, sec)
}

// AuthenticateSession returns the principal of the console session whose
// cookie holds sec. Returns EUNAUTHORIZED if the session is unknown or
// expired, or its agent is disabled or deleted.
func (s *Service) AuthenticateSession(ctx context.Context, sec string) (*parley.Principal, error) {
	p, _, err := s.LookupSession(ctx, sec)
	return p, err
}

// LookupSession is AuthenticateSession that also returns the session, whose
// CSRF token the HTTP layer checks on unsafe requests.
func (s *Service) LookupSession(ctx context.Context, sec string) (*parley.Principal, *parley.Session, error) {
	if !strings.HasPrefix(sec, SessionPrefix) || len(sec) > maxSecretLength {
		return nil, nil, errUnauthenticated()
	}
	sess, err := s.store.FindSessionByHash(ctx, secret.Hash(sec), s.now())
	if parley.ErrorCode(err) == parley.ENOTFOUND {
		return nil, nil, errUnauthenticated()
	} else if err != nil {
		return nil, nil, err
	}
	agent, err := s.store.FindAgentByID(ctx, sess.WorkspaceID, sess.AgentID)
	if parley.ErrorCode(err) == parley.ENOTFOUND || (err == nil && agent.Disabled) {
		return nil, nil, errUnauthenticated()
	} else if err != nil {
		return nil, nil, err
	}
	p := agentPrincipal(agent)
	p.SessionID, p.ExpiresAt = sess.ID, sess.ExpiresAt
	p.Credential = parley.Credential{Kind: parley.CredentialSession, ID: sess.ID}
	return p, sess, nil
}

// AuthenticateToken returns the principal of the API token whose secret is
// sec, and records that the token was used. Returns EUNAUTHORIZED if the
// token is unknown or revoked, or has expired (Reason ReasonTokenExpired).
func (s *Service) AuthenticateToken(ctx context.Context, sec string) (*parley.Principal, error) {
	if !strings.HasPrefix(sec, TokenPrefix) || len(sec) > maxSecretLength {
		return nil, errUnauthenticated()
	}
	t, err := s.store.FindAPITokenByHash(ctx, secret.Hash(sec))
	if parley.ErrorCode(err) == parley.ENOTFOUND || (err == nil && t.RevokedAt != nil) {
		return nil, errUnauthenticated()
	} else if err != nil {
		return nil, err
	}
	if t.Expired(s.now()) {
		return nil, &parley.Error{Code: parley.EUNAUTHORIZED, Reason: ReasonTokenExpired,
			Message: "The API token has expired: create a new one."}
	}
	// The store keeps LastUsedAt to the minute; skip the write when it
	// would change nothing, as it would for most requests of a busy token.
	if now := s.now(); t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) > time.Minute {
		if err := s.store.TouchAPIToken(ctx, t.ID, now); err != nil {
			// Bookkeeping only: the request may go on.
			s.logger.WarnContext(ctx, "record API token use", "token", t.ID, "err", err)
		}
	}
	return tokenPrincipal(t), nil
}

// agentPrincipal returns the principal of an agent: the scopes of its role,
// plus the system scopes for a system administrator.
func agentPrincipal(a *parley.Agent) *parley.Principal {
	scopes := parley.NewScopeSet(parley.RoleScopes(a.Role)...)
	if a.SystemAdmin {
		for _, sc := range parley.SystemScopes {
			scopes[sc] = true
		}
	}
	return &parley.Principal{
		Actor:       parley.Actor{Type: parley.ActorAgent, ID: a.ID, Name: a.Email},
		WorkspaceID: a.WorkspaceID,
		AgentID:     a.ID,
		Role:        a.Role,
		SystemAdmin: a.SystemAdmin,
		Scopes:      scopes,
	}
}

// tokenPrincipal returns the principal of an API token: exactly its scopes;
// it is a system administrator if it holds a system scope.
func tokenPrincipal(t *parley.APIToken) *parley.Principal {
	p := &parley.Principal{
		Actor:       parley.Actor{Type: parley.ActorToken, ID: t.ID, Name: t.Name},
		WorkspaceID: t.WorkspaceID,
		Scopes:      parley.NewScopeSet(t.Scopes...),
		Credential:  parley.Credential{Kind: parley.CredentialAPIToken, ID: t.ID},
	}
	if t.ExpiresAt != nil {
		p.ExpiresAt = *t.ExpiresAt
	}
	for _, sc := range t.Scopes {
		p.SystemAdmin = p.SystemAdmin || sc.System()
	}
	return p
}
