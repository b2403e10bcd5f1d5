package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/identity"
)

// Limits on an inbox's identity settings.
const (
	maxIdentitySecrets    = 10
	maxIdentitySecretLen  = 512
	maxIdentityPublicKeys = 20
	maxIdentityKIDLength  = 128
	maxIdentityPEMLength  = 16 << 10
	maxIdentityIssuerLen  = 512
	minTokenLifetime      = time.Minute
	maxTokenLifetime      = 30 * 24 * time.Hour
	secretHintLength      = 4 // trailing characters of a secret shown on read
)

func (s *server) inboxIdentityRoutes() {
	register(s, huma.Operation{
		OperationID: "create-inbox-identity-secret", Method: http.MethodPost,
		Path: "/api/v1/inboxes/{id}/identity-secret", Tags: []string{"Inboxes"},
		Summary: "Generate an identity secret",
		Description: "Generates a random HS256 secret for signing visitor JWTs, puts it first in the inbox's " +
			"`identity.secrets` (the older ones keep verifying tokens until you remove them with PATCH) and " +
			"returns it. The secret is shown only this once. See docs/identity.md.",
		DefaultStatus: http.StatusCreated,
	}, staff(parley.ScopeInboxesWrite), s.createIdentitySecret)
}

// identityView shows an inbox's identity settings. Secrets are never
// shown: only their last characters, to tell them apart.
type identityView struct {
	RequireVerified         bool              `json:"require_verified" doc:"Refuse guest (anonymous) visitors."`
	SecretCount             int               `json:"secret_count" doc:"How many HS256 secrets the inbox has."`
	SecretHints             []string          `json:"secret_hints" nullable:"false" doc:"The last characters of each secret, in order (\"…a1b2\"); the secrets themselves are write-only."`
	PublicKeys              []identityKeyView `json:"public_keys" nullable:"false" doc:"Public keys verifying RS256, ES256 and EdDSA tokens."`
	JWKSURL                 string            `json:"jwks_url" doc:"A JWK Set URL of further public keys; empty for none."`
	Issuer                  string            `json:"issuer" doc:"When set, a token's iss must equal it."`
	MaxTokenLifetimeSeconds int64             `json:"max_token_lifetime_seconds" doc:"The longest a token may live (exp - iat), in seconds."`
}

type identityKeyView struct {
	KID string `json:"kid" doc:"Key ID: a token whose header names this kid is verified with this key only. Empty matches tokens without kid."`
	PEM string `json:"pem" doc:"The PKIX public key, PEM-encoded (-----BEGIN PUBLIC KEY-----)."`
	Alg string `json:"alg" enum:"RS256,ES256,EdDSA," doc:"The token algorithm the key verifies (read-only)."`
}

func newIdentityView(id parley.IdentitySettings) identityView {
	v := identityView{
		RequireVerified: id.RequireVerified,
		SecretCount:     len(id.Secrets),
		SecretHints:     make([]string, len(id.Secrets)),
		PublicKeys:      make([]identityKeyView, len(id.PublicKeys)),
		JWKSURL:         id.JWKSURL,
		Issuer:          id.Issuer,
	}
	for i, sec := range id.Secrets {
		v.SecretHints[i] = secretHint(sec)
	}
	for i, k := range id.PublicKeys {
		v.PublicKeys[i] = identityKeyView{KID: k.KID, PEM: k.PEM, Alg: keyAlg(k.PEM)}
	}
	lifetime := id.MaxTokenLifetime
	if lifetime <= 0 {
		lifetime = parley.DefaultMaxTokenLifetime
	}
	v.MaxTokenLifetimeSeconds = int64(lifetime / time.Second)
	return v
}

// secretHint returns "…" and the last characters of a secret, or "…" alone
// for a secret too short to show any of it safely.
func secretHint(sec string) string {
	if len(sec) < identity.MinSecretLength {
		return "…"
	}
	return "…" + sec[len(sec)-secretHintLength:]
}

// keyAlg names the algorithm a stored PEM key verifies, "" if it does not parse.
func keyAlg(pem string) string {
	key, err := identity.ParsePublicKey(pem)
	if err != nil {
		return ""
	}
	return identity.KeyAlg(key)
}

// identityInput sets the identity fields it holds and leaves the others.
type identityInput struct {
	RequireVerified         *bool              `json:"require_verified,omitempty"`
	Secrets                 []string           `json:"secrets,omitempty" nullable:"false" doc:"Replaces the HS256 secrets (write-only; at least 32 bytes each). The first also keys identifier_hash. To rotate, send the new secret first followed by the old one, then later the new one alone; or use POST /api/v1/inboxes/{id}/identity-secret. An empty list removes them all."`
	PublicKeys              []identityKeyInput `json:"public_keys,omitempty" nullable:"false" doc:"Replaces the public keys; an empty list removes them all."`
	JWKSURL                 *string            `json:"jwks_url,omitempty" doc:"https URL of a JWK Set; empty removes it. Refused (reason url_private_address, url_scheme or url_malformed) if it is, or resolves to, an internal address, or uses plain http, unless the server's PARLEY_OUTBOUND_ALLOW lists its host."`
	Issuer                  *string            `json:"issuer,omitempty" doc:"Required iss of tokens; empty accepts any."`
	MaxTokenLifetimeSeconds *int64             `json:"max_token_lifetime_seconds,omitempty" doc:"60 to 2592000 (30 days); 0 selects the default (86400, 24 hours)."`
}

type identityKeyInput struct {
	KID string `json:"kid,omitempty" doc:"Key ID, matched against a token's kid."`
	PEM string `json:"pem" doc:"PKIX public key, PEM-encoded: RSA (2048 bits or more), ECDSA P-256 or Ed25519."`
}

func (in *identityInput) apply(id *parley.IdentitySettings) {
	if in == nil {
		return
	}
	set(&id.RequireVerified, in.RequireVerified)
	if in.Secrets != nil {
		id.Secrets = in.Secrets
	}
	if in.PublicKeys != nil {
		id.PublicKeys = make([]parley.IdentityKey, len(in.PublicKeys))
		for i, k := range in.PublicKeys {
			id.PublicKeys[i] = parley.IdentityKey{KID: k.KID, PEM: strings.TrimSpace(k.PEM) + "\n"}
		}
	}
	set(&id.JWKSURL, in.JWKSURL)
	set(&id.Issuer, in.Issuer)
	if in.MaxTokenLifetimeSeconds != nil {
		id.MaxTokenLifetime = time.Duration(*in.MaxTokenLifetimeSeconds) * time.Second
		if *in.MaxTokenLifetimeSeconds < 0 || *in.MaxTokenLifetimeSeconds > int64(maxTokenLifetime/time.Second) {
			id.MaxTokenLifetime = -1 // out of range; refused by validateIdentity
		}
	}
}

// validateIdentity checks identity settings as they would be stored.
// Messages never quote a secret.
func validateIdentity(v *parley.Validation, id parley.IdentitySettings) {
	if len(id.Secrets) > maxIdentitySecrets {
		v.Add("identity.secrets", "must hold at most %d secrets", maxIdentitySecrets)
	}
	seen := map[string]bool{}
	for i, sec := range id.Secrets {
		field := fmt.Sprintf("identity.secrets[%d]", i)
		switch {
		case len(sec) < identity.MinSecretLength:
			v.Add(field, "must be at least %d bytes (generate one with POST /api/v1/inboxes/{id}/identity-secret)", identity.MinSecretLength)
		case len(sec) > maxIdentitySecretLen:
			v.Add(field, "must be at most %d bytes", maxIdentitySecretLen)
		case strings.TrimSpace(sec) != sec:
			v.Add(field, "must not start or end with white space")
		case seen[sec]:
			v.Add(field, "repeats an earlier secret")
		}
		seen[sec] = true
	}
	if len(id.PublicKeys) > maxIdentityPublicKeys {
		v.Add("identity.public_keys", "must hold at most %d keys", maxIdentityPublicKeys)
	}
	kids := map[string]bool{}
	for i, k := range id.PublicKeys {
		field := fmt.Sprintf("identity.public_keys[%d]", i)
		switch {
		case len(k.KID) > maxIdentityKIDLength || strings.IndexFunc(k.KID, notPrintable) >= 0:
			v.Add(field+".kid", "must be at most %d printable characters", maxIdentityKIDLength)
		case k.KID != "" && kids[k.KID]:
			v.Add(field+".kid", "repeats the kid of an earlier key")
		}
		kids[k.KID] = true
		if len(k.PEM) > maxIdentityPEMLength {
			v.Add(field+".pem", "must be at most %d bytes", maxIdentityPEMLength)
		} else if _, err := identity.ParsePublicKey(k.PEM); err != nil {
			v.Add(field+".pem", "%s", err.Error())
		}
	}
	if len(id.Issuer) > maxIdentityIssuerLen {
		v.Add("identity.issuer", "must be at most %d bytes", maxIdentityIssuerLen)
	}
	if id.MaxTokenLifetime != 0 && (id.MaxTokenLifetime < minTokenLifetime || id.MaxTokenLifetime > maxTokenLifetime) {
		v.Add("identity.max_token_lifetime_seconds", "must be 0 (the default, 24 hours) or from %d to %d",
			int64(minTokenLifetime/time.Second), int64(maxTokenLifetime/time.Second))
	}
}

// checkJWKSURL refuses the JWKS URL in sets, if any, when the server would
// never fetch it (see identity.Service.CheckJWKSURL): an EINVALID error naming
// identity.jwks_url, with the outbound reason (url_private_address,
// url_scheme, url_malformed). It resolves the URL's host, so call it
// before, not inside, a store transaction.
func (s *server) checkJWKSURL(ctx context.Context, in *identityInput) error {
	if in == nil || in.JWKSURL == nil || *in.JWKSURL == "" {
		return nil
	}
	err := s.ident.CheckJWKSURL(ctx, *in.JWKSURL)
	var pe *parley.Error
	if !errors.As(err, &pe) || pe.Code != parley.EINVALID {
		return err
	}
	return &parley.Error{
		Code: parley.EINVALID, Reason: pe.Reason,
		Message: "identity.jwks_url: " + pe.Message,
		Fields:  []parley.FieldError{{Field: "identity.jwks_url", Message: pe.Message}},
	}
}

func notPrintable(r rune) bool { return !unicode.IsPrint(r) }

type identitySecretOutput struct {
	Body struct {
		Secret   string       `json:"secret" doc:"The new HS256 secret. Shown only this once: store it in your back-end's configuration."`
		Identity identityView `json:"identity" doc:"The inbox's identity settings after the change."`
	}
}

// createIdentitySecret adds the secret in one store transaction that reads
// and writes the inbox locked, so that concurrent calls (and PATCHes) each
// keep their change.
func (s *server) createIdentitySecret(ctx context.Context, in *inboxIDInput) (*identitySecretOutput, error) {
	p := principal(ctx)
	sec := identity.NewSecret()
	inbox, err := s.store.ModifyInbox(ctx, p.Actor, p.WorkspaceID, in.ID, func(inbox *parley.Inbox) (parley.InboxUpdate, error) {
		if len(inbox.Identity.Secrets) >= maxIdentitySecrets {
			var v parley.Validation
			v.Add("identity.secrets", "already holds %d secrets: remove old ones first (PATCH the inbox with the secrets to keep)", maxIdentitySecrets)
			return parley.InboxUpdate{}, v.Err()
		}
		id := inbox.Identity
		id.Secrets = append([]string{sec}, id.Secrets...)
		return parley.InboxUpdate{Identity: &id}, nil
	})
	if err != nil {
		return nil, err
	}
	out := &identitySecretOutput{}
	out.Body.Secret = sec
	out.Body.Identity = newIdentityView(inbox.Identity)
	return out, nil
}
