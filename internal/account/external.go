package account

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/outbound"
)

// DefaultExternalAuthTimeout bounds a call to the company's authentication
// endpoint, body included.
const DefaultExternalAuthTimeout = 10 * time.Second

// maxAvatarURLLength bounds the avatar URL an endpoint answers.
const maxAvatarURLLength = 2048

// Reasons of external authentication errors (parley.Error.Reason).
const (
	ReasonExternalTimeout = "external_auth_timeout" // the endpoint did not answer in time
	ReasonExternalFailed  = "external_auth_failed"  // unreachable, refused, or an unexpected status
	ReasonExternalAnswer  = "external_auth_answer"  // a 200 whose body breaks the contract
	ReasonExternalType    = "external_auth_type"    // a type Parley does not know
)

// External types (ChimpAssist's attendant types) and what they map to.
var externalTypes = map[string]struct {
	role parley.Role
	tier int
}{
	"support/firstLevel":  {parley.RoleAgent, 1},
	"support/secondLevel": {parley.RoleAgent, 2},
	"support/supervisor":  {parley.RoleSupervisor, 0},
}

// externalAnswer is the body of the endpoint's 200.
type externalAnswer struct {
	ID        json.RawMessage `json:"id"`
	Name      string          `json:"name"`
	Email     string          `json:"email"`
	AvatarURL string          `json:"avatarURL"`
	Type      string          `json:"type"`
}

// externalLogin checks email and password at the workspace's
// authentication endpoint: POST {"email", "password"} as JSON through the
// outbound client, bounded by the timeout. 404 (unknown email) and 401
// (wrong password) both answer EUNAUTHORIZED "Invalid email or password."
// and count towards the login throttle, like a local password; a 200
// names the agent, who is created (if the workspace allows) or updated
// with the role and tier of its type. Any other outcome is EUNAVAILABLE
// with a reason (timeout, failed, answer) and does not count.
func (s *Service) externalLogin(ctx context.Context, ws *parley.Workspace, set *parley.SignInSettings, email, password, throttleKey, ip, userAgent string) (*parley.Session, string, *parley.Agent, error) {
	ans, status, err := s.callExternal(ctx, set.External.URL, email, password)
	if err != nil {
		return nil, "", nil, err
	}
	if status == http.StatusNotFound || status == http.StatusUnauthorized {
		s.logger.InfoContext(ctx, "external authentication refused a sign-in", "workspace", ws.ID, "status", status)
		if _, err := s.store.RecordLoginFailure(ctx, throttleKey, s.now(), loginWindow); err != nil {
			return nil, "", nil, err
		}
		return nil, "", nil, errBadLogin()
	}
	if err := s.store.ClearLoginFailures(ctx, throttleKey); err != nil {
		return nil, "", nil, err
	}
	id, err := externalIdentity(ans, email, set.External.CreateAgents)
	if err != nil {
		s.logger.WarnContext(ctx, "external authentication answer refused", "workspace", ws.ID, "err", err)
		return nil, "", nil, err
	}
	agent, err := s.provision(ctx, ws.ID, id)
	if err != nil {
		return nil, "", nil, err
	}
	return s.startSession(ctx, agent, ip, userAgent)
}

// callExternal POSTs the credentials and returns the decoded 200 answer,
// or the status of a 404 or 401.
func (s *Service) callExternal(ctx context.Context, endpoint, email, password string) (*externalAnswer, int, error) {
	ctx, cancel := context.WithTimeout(ctx, s.externalTimeout)
	defer cancel()
	body, _ := json.Marshal(map[string]string{"email": email, "password": password})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return nil, 0, externalFailed()
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	resp, err := s.outbound.Do(req)
	if err != nil {
		return nil, 0, s.externalError(ctx, endpoint, err)
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusNotFound, http.StatusUnauthorized:
		return nil, resp.StatusCode, nil
	case http.StatusOK:
	default:
		s.logger.WarnContext(ctx, "external authentication endpoint answered an unexpected status",
			"url", redactURL(endpoint), "status", resp.StatusCode)
		return nil, 0, externalFailed()
	}
	var ans externalAnswer
	if err := json.NewDecoder(resp.Body).Decode(&ans); err != nil {
		if ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) {
			return nil, 0, s.externalError(ctx, endpoint, err)
		}
		s.logger.WarnContext(ctx, "external authentication endpoint answered a body that is not the contract's",
			"url", redactURL(endpoint), "err", err)
		return nil, 0, &parley.Error{Code: parley.EUNAVAILABLE, Reason: ReasonExternalAnswer,
			Message: "Your company's sign-in service answered something Parley does not understand. Ask an administrator."}
	}
	return &ans, http.StatusOK, nil
}

func externalFailed() error {
	return &parley.Error{Code: parley.EUNAVAILABLE, Reason: ReasonExternalFailed,
		Message: "Your company's sign-in service is not available. Try again later."}
}

// externalError turns a failed request into the caller's error, logging
// the cause.
func (s *Service) externalError(ctx context.Context, endpoint string, err error) error {
	if errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
		s.logger.WarnContext(ctx, "external authentication endpoint timed out", "url", redactURL(endpoint), "timeout", s.externalTimeout)
		return &parley.Error{Code: parley.EUNAVAILABLE, Reason: ReasonExternalTimeout,
			Message: "Your company's sign-in service did not answer in time. Try again later."}
	}
	level := "failed"
	if errors.Is(err, outbound.ErrRefused) {
		level = "refused (private address)"
	}
	s.logger.WarnContext(ctx, "external authentication request "+level, "url", redactURL(endpoint), "err", err)
	return externalFailed()
}

// externalIdentity checks a 200 answer against the contract.
func externalIdentity(ans *externalAnswer, typedEmail string, create bool) (*identity, error) {
	bad := func(msg string) error {
		return &parley.Error{Code: parley.EUNAVAILABLE, Reason: ReasonExternalAnswer,
			Message: "Your company's sign-in service answered " + msg + ". Ask an administrator."}
	}
	var id string
	var num json.Number
	if err := json.Unmarshal(ans.ID, &id); err != nil {
		if err := json.Unmarshal(ans.ID, &num); err != nil {
			return nil, bad("without an id")
		}
		id = num.String()
	}
	if id == "" || len(id) > maxClaimValueLength || !cleanText(id) {
		return nil, bad("without a usable id")
	}
	email := parley.NormalizeEmail(ans.Email)
	if email == "" {
		email = parley.NormalizeEmail(typedEmail)
	}
	if !parley.ValidEmail(email) {
		return nil, bad("without a valid email")
	}
	t, ok := externalTypes[ans.Type]
	if !ok {
		return nil, &parley.Error{Code: parley.EFORBIDDEN, Reason: ReasonExternalType,
			Message: "Your account's type is not one Parley knows (support/firstLevel, support/secondLevel or support/supervisor). Ask an administrator."}
	}
	avatar := ans.AvatarURL
	if u, err := url.Parse(avatar); avatar != "" && (err != nil || (u.Scheme != "https" && u.Scheme != "http") ||
		u.Host == "" || len(avatar) > maxAvatarURLLength || !cleanText(avatar)) {
		avatar = "" // a broken picture is no reason to refuse the sign-in
	}
	return &identity{
		method: "external", idAttribute: parley.AttributeExternalID, id: id, email: email, name: ans.Name,
		avatarURL: avatar, role: t.role, tier: t.tier, create: create,
	}, nil
}

// redactURL drops a URL's query, which may hold a key, for logs.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(malformed URL)"
	}
	u.RawQuery, u.User = "", nil
	return u.String()
}
