package account

import (
	"context"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/secret"
)

// errBadLogin is the one answer to a wrong email or a wrong password, so
// that the two cannot be told apart.
func errBadLogin() error {
	return parley.Errorf(parley.EUNAUTHORIZED, "Invalid email or password.")
}

// RateLimitedError is an ERATELIMITED error that says how long to wait
// before trying again: a throttled login, or another rate limit (the HTTP
// API uses it for its per-client limits).
type RateLimitedError struct {
	Err  *parley.Error
	Wait time.Duration
}

func (e *RateLimitedError) Error() string { return e.Err.Error() }

// Unwrap lets parley.ErrorCode and errors.As see the *parley.Error.
func (e *RateLimitedError) Unwrap() error { return e.Err }

// RetryAfter returns how long the caller should wait.
func (e *RateLimitedError) RetryAfter() time.Duration { return e.Wait }

// Login checks an agent's email and password in the workspace named by
// workspaceSlug ("" for the default workspace) and starts a console
// session. It returns the session, its secret (for the cookie; only a hash
// is stored) and the agent.
//
// A wrong email and a wrong password both return EUNAUTHORIZED "Invalid
// email or password.", in about the same time. After 5 consecutive
// failures for one email, every login for it returns a *RateLimitedError
// (ERATELIMITED) until 15 minutes have passed since the last failure, even
// with the right password; a success clears the count. A disabled agent
// gets EUNAUTHORIZED.
//
// A workspace whose sign-in settings turn passwords off answers EFORBIDDEN
// (reason password_sign_in_off); one that sends them to the company's
// endpoint checks them there (see externalLogin).
func (s *Service) Login(ctx context.Context, workspaceSlug, email, password, ip, userAgent string) (*parley.Session, string, *parley.Agent, error) {
	email = parley.NormalizeEmail(email)
	key := "login:" + email
	if err := s.checkThrottle(ctx, key); err != nil {
		return nil, "", nil, err
	}

	if done, sess, sec, agent, err := s.passwordElsewhere(ctx, workspaceSlug, email, password, key, ip, userAgent); done {
		return sess, sec, agent, err
	}
	agent, hash, err := s.findLogin(ctx, workspaceSlug, email)
	if err != nil {
		return nil, "", nil, err
	}
	ok := false
	if hash != "" {
		if ok, err = secret.VerifyPassword(hash, password); err != nil {
			s.logger.ErrorContext(ctx, "stored password hash is malformed", "agent", agent.ID, "err", err)
		}
	} else {
		secret.VerifyPassword(s.dummyHash(), password) // same cost as a real check
	}
	if !ok {
		if _, err := s.store.RecordLoginFailure(ctx, key, s.now(), loginWindow); err != nil {
			return nil, "", nil, err
		}
		return nil, "", nil, errBadLogin()
	}
	if err := s.store.ClearLoginFailures(ctx, key); err != nil {
		return nil, "", nil, err
	}
	if agent.Disabled {
		return nil, "", nil, errDisabled()
	}
	return s.startSession(ctx, agent, ip, userAgent)
}

// checkThrottle returns a *RateLimitedError while key is locked out.
func (s *Service) checkThrottle(ctx context.Context, key string) error {
	n, last, err := s.store.LoginFailures(ctx, key)
	if err != nil {
		return err
	}
	if wait := last.Add(loginWindow).Sub(s.now()); n >= maxLoginFailures && wait > 0 {
		return &RateLimitedError{
			Err:  parley.Errorf(parley.ERATELIMITED, "Too many failed logins. Try again later."),
			Wait: wait,
		}
	}
	return nil
}

// findLogin returns the agent with email in the workspace and its password
// hash; a missing workspace or agent yields a nil agent and "" hash, which
// the caller treats as a wrong password.
func (s *Service) findLogin(ctx context.Context, workspaceSlug, email string) (*parley.Agent, string, error) {
	if workspaceSlug == "" {
		workspaceSlug = parley.DefaultWorkspaceSlug
	}
	ws, err := s.store.FindWorkspaceBySlug(ctx, workspaceSlug)
	if parley.ErrorCode(err) == parley.ENOTFOUND {
		return nil, "", nil
	} else if err != nil {
		return nil, "", err
	}
	agent, err := s.store.FindAgentByEmail(ctx, ws.ID, email)
	if parley.ErrorCode(err) == parley.ENOTFOUND {
		return nil, "", nil
	} else if err != nil {
		return nil, "", err
	}
	hash, err := s.store.AgentPasswordHash(ctx, ws.ID, agent.ID)
	return agent, hash, err
}

// Logout ends a console session. Ending a missing session is not an error.
func (s *Service) Logout(ctx context.Context, sessionID string) error {
	return s.store.DeleteSession(ctx, sessionID)
}
