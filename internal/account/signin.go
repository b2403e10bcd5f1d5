package account

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleychat/parley"
)

// Limits on sign-in settings.
const (
	maxClientIDLength     = 256
	maxClientSecretLength = 512
	maxScopes             = 20
	maxClaimMappings      = 50
	maxClaimValueLength   = 256
	maxButtonLabelLength  = 64
	maxTier               = 9
)

var (
	scopePattern = regexp.MustCompile(`^[A-Za-z0-9_.:/-]{1,64}$`)
	claimPattern = regexp.MustCompile(`^[A-Za-z0-9_.:/-]{1,64}$`)
)

// ReasonPasswordSignInOff is the Error.Reason of a password sign-in in a
// workspace that turned passwords off.
const ReasonPasswordSignInOff = "password_sign_in_off"

// SignInInput replaces a workspace's sign-in settings. ClientSecret nil
// keeps the stored secret.
type SignInInput struct {
	Password     parley.PasswordMode
	OIDC         parley.OIDCSettings // its ClientSecret is ignored: see ClientSecret
	ClientSecret *string
	External     parley.ExternalAuthSettings
}

// SignInSettings returns a workspace's sign-in settings (with the client
// secret: callers never show it). Returns ENOTFOUND.
func (s *Service) SignInSettings(ctx context.Context, workspaceID string) (*parley.SignInSettings, error) {
	return s.store.SignInSettings(ctx, workspaceID)
}

// PutSignInSettings validates and saves a workspace's sign-in settings.
// The issuer and external URLs are checked as outbound.CheckURL does (a
// private address is refused unless allow-listed). Passwords may be turned
// off only while OpenID Connect is on, so that someone can still sign in;
// `parley admin sign-in` is the way back if the provider fails. Returns
// EINVALID naming the fields, or ENOTFOUND.
func (s *Service) PutSignInSettings(ctx context.Context, actor parley.Actor, workspaceID string, in SignInInput) (*parley.SignInSettings, error) {
	cur, err := s.store.SignInSettings(ctx, workspaceID)
	if err != nil {
		return nil, err
	}
	set := &parley.SignInSettings{WorkspaceID: workspaceID, Password: in.Password, OIDC: in.OIDC, External: in.External}
	set.OIDC.ClientSecret = cur.OIDC.ClientSecret
	if in.ClientSecret != nil {
		set.OIDC.ClientSecret = *in.ClientSecret
	}
	if set.Password == "" {
		set.Password = parley.PasswordLocal
	}
	set.OIDC.Issuer = strings.TrimSuffix(strings.TrimSpace(set.OIDC.Issuer), "/")
	set.External.URL = strings.TrimSpace(set.External.URL)
	if err := s.validateSignIn(ctx, set); err != nil {
		return nil, err
	}
	if err := s.store.PutSignInSettings(ctx, actor, set); err != nil {
		return nil, err
	}
	s.providers.forget(cur.OIDC.Issuer)
	return set, nil
}

func (s *Service) validateSignIn(ctx context.Context, set *parley.SignInSettings) error {
	var v parley.Validation
	if !set.Password.Valid() {
		v.Add("password", "must be one of local, external or off")
	}
	o := &set.OIDC
	textField(&v, "oidc.client_id", o.ClientID, maxClientIDLength)
	textField(&v, "oidc.client_secret", o.ClientSecret, maxClientSecretLength)
	textField(&v, "oidc.button_label", o.ButtonLabel, maxButtonLabelLength)
	if len(o.Scopes) > maxScopes {
		v.Add("oidc.scopes", "must hold at most %d scopes", maxScopes)
	}
	for i, sc := range o.Scopes {
		if !scopePattern.MatchString(sc) || sc == "openid" {
			v.Add(fmt.Sprintf("oidc.scopes[%d]", i), "must be a scope name of letters, digits and _.:/- (openid is always requested)")
		}
	}
	if o.Claim != "" && !claimPattern.MatchString(o.Claim) {
		v.Add("oidc.claim", "must be a claim name of letters, digits and _.:/-")
	}
	if len(o.Mappings) > maxClaimMappings {
		v.Add("oidc.mappings", "must hold at most %d mappings", maxClaimMappings)
	}
	if len(o.Mappings) > 0 && o.Claim == "" {
		v.Add("oidc.claim", "must name the claim the mappings match")
	}
	for i, m := range o.Mappings {
		f := fmt.Sprintf("oidc.mappings[%d]", i)
		if m.Value == "" {
			v.Add(f+".value", "must not be empty")
		}
		textField(&v, f+".value", m.Value, maxClaimValueLength)
		validateRole(&v, f+".role", m.Role)
		if m.Tier < 0 || m.Tier > maxTier {
			v.Add(f+".tier", "must be 0 (none) to %d", maxTier)
		}
	}
	if o.DefaultRole != "" {
		validateRole(&v, "oidc.default_role", o.DefaultRole)
	}
	if o.Enabled {
		if o.ClientID == "" {
			v.Add("oidc.client_id", "must be set to turn OpenID Connect on")
		}
		s.checkURL(ctx, &v, "oidc.issuer", o.Issuer)
	} else if o.Issuer != "" {
		s.checkURL(ctx, &v, "oidc.issuer", o.Issuer)
	}
	switch {
	case set.Password == parley.PasswordExternal || set.External.URL != "":
		s.checkURL(ctx, &v, "external.url", set.External.URL)
	}
	if set.Password == parley.PasswordOff && !o.Enabled {
		v.Add("password", "can be off only while OpenID Connect is on: nobody could sign in")
	}
	return v.Err()
}

// checkURL adds the outbound client's objection to a URL, if any.
func (s *Service) checkURL(ctx context.Context, v *parley.Validation, field, raw string) {
	if raw == "" {
		v.Add(field, "must be set")
		return
	}
	if err := s.outbound.CheckURL(ctx, raw); err != nil {
		v.Add(field, "%s", strings.TrimSuffix(parley.ErrorMessage(fieldMessage(err)), "."))
	}
}

// fieldMessage returns the message of CheckURL's single field error.
func fieldMessage(err error) error {
	if e, ok := err.(*parley.Error); ok && len(e.Fields) == 1 {
		return parley.Errorf(e.Code, "%s", e.Fields[0].Message)
	}
	return err
}

// textField adds a problem if s is longer than max bytes or is not clean
// text (valid UTF-8 without NUL or other control characters).
func textField(v *parley.Validation, field, s string, max int) {
	switch {
	case len(s) > max:
		v.Add(field, "must be at most %d bytes", max)
	case !cleanText(s):
		v.Add(field, "must be valid UTF-8 text without control characters")
	}
}

// cleanText reports whether s is valid UTF-8 without control characters.
func cleanText(s string) bool {
	return utf8.ValidString(s) && strings.IndexFunc(s, unicode.IsControl) < 0
}

// signInSettingsBySlug returns the workspace named by slug ("" for the
// default) and its sign-in settings; nil, nil, nil for an unknown
// workspace.
func (s *Service) signInSettingsBySlug(ctx context.Context, slug string) (*parley.Workspace, *parley.SignInSettings, error) {
	if slug == "" {
		slug = parley.DefaultWorkspaceSlug
	}
	if !parley.ValidSlug(slug) {
		return nil, nil, nil
	}
	ws, err := s.store.FindWorkspaceBySlug(ctx, slug)
	if parley.ErrorCode(err) == parley.ENOTFOUND {
		return nil, nil, nil
	} else if err != nil {
		return nil, nil, err
	}
	set, err := s.store.SignInSettings(ctx, ws.ID)
	if err != nil {
		return nil, nil, err
	}
	return ws, set, nil
}

// passwordElsewhere handles a password sign-in that Parley's own passwords
// do not answer: passwords off, or checked by the company's endpoint. done
// is false when the workspace uses local passwords (or is unknown).
func (s *Service) passwordElsewhere(ctx context.Context, slug, email, password, throttleKey, ip, userAgent string) (done bool, sess *parley.Session, sec string, agent *parley.Agent, err error) {
	ws, set, err := s.signInSettingsBySlug(ctx, slug)
	if err != nil {
		return true, nil, "", nil, err
	}
	if set == nil {
		return false, nil, "", nil, nil
	}
	switch set.Password {
	case parley.PasswordOff:
		return true, nil, "", nil, &parley.Error{
			Code: parley.EFORBIDDEN, Reason: ReasonPasswordSignInOff,
			Message: "Password sign-in is turned off for this workspace: sign in with single sign-on.",
		}
	case parley.PasswordExternal:
		sess, sec, agent, err = s.externalLogin(ctx, ws, set, email, password, throttleKey, ip, userAgent)
		return true, sess, sec, agent, err
	}
	return false, nil, "", nil, nil
}

// SignInOptions is what the sign-in page of a workspace offers.
type SignInOptions struct {
	Password parley.PasswordMode
	OIDC     bool
	// ButtonLabel is the single sign-on button's text.
	ButtonLabel string
	// EndSessionURL signs the browser out at the provider (RP-initiated
	// logout), when the provider advertises an end_session_endpoint; "" if not.
	EndSessionURL string
}

// DefaultButtonLabel is the single sign-on button's text when none is set.
const DefaultButtonLabel = "Sign in with single sign-on"

// Options returns what the sign-in page of the workspace named by slug
// ("" for the default) offers; local passwords only for an unknown
// workspace (so that the page does not tell which workspaces exist).
// postLogoutURL is where the provider sends the browser back after
// signing out there.
func (s *Service) Options(ctx context.Context, slug, postLogoutURL string) (*SignInOptions, error) {
	_, set, err := s.signInSettingsBySlug(ctx, slug)
	if err != nil {
		return nil, err
	}
	if set == nil {
		return &SignInOptions{Password: parley.PasswordLocal}, nil
	}
	o := &SignInOptions{Password: set.Password, OIDC: set.OIDC.Enabled}
	if o.OIDC {
		o.ButtonLabel = set.OIDC.ButtonLabel
		if o.ButtonLabel == "" {
			o.ButtonLabel = DefaultButtonLabel
		}
		o.EndSessionURL = s.endSessionURL(ctx, &set.OIDC, postLogoutURL)
	}
	return o, nil
}

// SetPasswordMode changes only how the email-and-password form is checked,
// keeping the rest of the settings as they are and checking nothing else:
// the break-glass of `parley admin sign-in --password local`, for when the
// identity provider or the company's endpoint fails. Returns EINVALID
// ("password") or ENOTFOUND.
func (s *Service) SetPasswordMode(ctx context.Context, actor parley.Actor, workspaceID string, mode parley.PasswordMode) (*parley.SignInSettings, error) {
	if !mode.Valid() {
		var v parley.Validation
		v.Add("password", "must be one of local, external or off")
		return nil, v.Err()
	}
	set, err := s.store.SignInSettings(ctx, workspaceID)
	if err != nil {
		return nil, err
	}
	if mode == parley.PasswordOff && !set.OIDC.Enabled {
		var v parley.Validation
		v.Add("password", "can be off only while OpenID Connect is on: nobody could sign in")
		return nil, v.Err()
	}
	set.Password = mode
	if err := s.store.PutSignInSettings(ctx, actor, set); err != nil {
		return nil, err
	}
	return set, nil
}
