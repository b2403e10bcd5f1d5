// Package identity is Parley's visitor-identity service: it turns a
// visitor of an inbox into a contact with a visitor session, and a visitor
// token back into a parley.Principal.
//
// Every way in ends in a visitor session (a prlyv_ token the device keeps):
//   - a guest: an anonymous contact (StartGuest);
//   - a verified visitor: a JWT signed by the customer's back-end
//     (StartVerified), which also merges the device's guest into the
//     verified contact;
//   - a token minted by Parley for a back-end (Mint);
//   - a resume token (prlyr_…) bound to one conversation (StartResumed),
//     whose session reaches that conversation only.
//
// Back-ends also identify contacts directly (Identify), which creates or
// updates the contact, merges contacts whose identifiers met, and returns
// the contact's conversations with resume tokens.
//
// It depends only on the parley package, internal/secret and
// internal/outbound (which fetches JWKS URLs); transports
// (internal/httpapi, the WebSocket gateway) call it.
package identity

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/outbound"
	"github.com/parleychat/parley/internal/secret"
)

const (
	// TokenPrefix starts every visitor token, so that people, secret
	// scanners and the HTTP layer can tell it from an API token ("prly_")
	// or a console session ("prlys_").
	TokenPrefix = "prlyv_"
	// GuestSessionTTL is how long a guest's visitor token is valid.
	GuestSessionTTL = 30 * 24 * time.Hour

	// maxSecretLength bounds a presented token before it is hashed and
	// looked up; maxInboxIDLength an inbox ID before it is looked up.
	maxSecretLength  = 256
	maxInboxIDLength = 64
)

// Options configure a Service. Zero values select the defaults.
type Options struct {
	Now    func() time.Time // default time.Now
	Logger *slog.Logger     // default slog.Default()
	// Outbound fetches JWKS URLs and checks them when saved; default a
	// client that reaches public addresses only (no allow-list).
	Outbound *outbound.Client
	// Revoker is told of the contacts merged away (whose visitor
	// sessions now belong to the contact that remains); default none.
	Revoker parley.Revoker
}

// Service implements the visitor-identity rules on top of a parley.Store.
// It is safe for concurrent use.
type Service struct {
	store    parley.Store
	now      func() time.Time
	logger   *slog.Logger
	outbound *outbound.Client
	jwt      *verifier // visitor JWTs and the JWKS cache (jwt.go)
	revoke   parley.Revoker
}

// New returns a Service over store.
func New(store parley.Store, opt Options) *Service {
	s := &Service{store: store, now: opt.Now, logger: opt.Logger, outbound: opt.Outbound, revoke: opt.Revoker}
	if s.revoke == nil {
		s.revoke = parley.NoRevoker{}
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.logger == nil {
		s.logger = slog.Default()
	}
	if s.outbound == nil {
		s.outbound, _ = outbound.New(outbound.Config{Logger: s.logger}) // no allow-list: cannot fail
	}
	s.jwt = s.newVerifier(VerifierOptions{})
	return s
}

// IsVisitorToken reports whether sec has the form of a visitor token, so
// that a transport can tell which service should authenticate it.
func IsVisitorToken(sec string) bool { return strings.HasPrefix(sec, TokenPrefix) }

// StartGuest opens a visitor session for a new anonymous contact in the
// inbox and returns it with its secret (the visitor token, not stored and
// shown only this once) and the contact. origin is the request's Origin
// header ("" when it has none, as for a back-end): when set, the inbox's
// AllowedOrigins must allow it. Returns EINVALID ("inbox_id"), ENOTFOUND
// if there is no such inbox, EFORBIDDEN if the origin is not allowed or
// the inbox accepts verified visitors only.
func (s *Service) StartGuest(ctx context.Context, inboxID, origin string) (*parley.VisitorSession, string, *parley.Contact, error) {
	inbox, err := s.visitorInbox(ctx, inboxID, origin)
	if err != nil {
		return nil, "", nil, err
	}
	if inbox.Identity.RequireVerified {
		return nil, "", nil, parley.Errorf(parley.EFORBIDDEN, "This inbox accepts verified visitors only.")
	}
	sec := secret.NewToken(TokenPrefix)
	sess := &parley.VisitorSession{
		WorkspaceID: inbox.WorkspaceID, InboxID: inbox.ID, ExpiresAt: s.now().Add(GuestSessionTTL),
	}
	contact, err := s.store.CreateGuest(ctx, sess, secret.Hash(sec))
	if err != nil {
		return nil, "", nil, err
	}
	return sess, sec, contact, nil
}

// AuthenticateVisitor returns the principal of the visitor session whose
// token is sec: an ActorContact acting as the session's contact in its
// workspace and inbox, holding no scopes. Returns EUNAUTHORIZED if the
// token is malformed, unknown or expired.
func (s *Service) AuthenticateVisitor(ctx context.Context, sec string) (*parley.Principal, error) {
	if !IsVisitorToken(sec) || len(sec) > maxSecretLength {
		return nil, errUnauthenticated()
	}
	sess, err := s.store.FindVisitorSessionByHash(ctx, secret.Hash(sec), s.now())
	if parley.ErrorCode(err) == parley.ENOTFOUND {
		return nil, errUnauthenticated()
	} else if err != nil {
		return nil, err
	}
	return sessionPrincipal(sess), nil
}

// sessionPrincipal returns the principal of a visitor session: it acts as
// the session's contact, holds no scopes, is confined to the session's
// conversation if it has one, and expires with the session.
func sessionPrincipal(sess *parley.VisitorSession) *parley.Principal {
	return &parley.Principal{
		Actor:          parley.Actor{Type: parley.ActorContact, ID: sess.ContactID, Name: "visitor"},
		WorkspaceID:    sess.WorkspaceID,
		ContactID:      sess.ContactID,
		InboxID:        sess.InboxID,
		ConversationID: sess.ConversationID,
		ResumeTokenID:  sess.ResumeTokenID,
		ExpiresAt:      sess.ExpiresAt,
		Scopes:         parley.ScopeSet{},
		Credential:     parley.Credential{Kind: parley.CredentialVisitorSession, ID: sess.ID},
	}
}

// CheckOrigin returns EFORBIDDEN unless the inbox of visitor p allows
// origin (the request's Origin header; "" is allowed), so that a
// visitor's requests are held to the same origins as its session's
// creation, whichever transport carries them.
func (s *Service) CheckOrigin(ctx context.Context, p *parley.Principal, origin string) error {
	if origin == "" {
		return nil
	}
	if !p.Visitor() {
		return parley.Errorf(parley.EFORBIDDEN, "Not a visitor.")
	}
	inbox, err := s.store.FindInboxByID(ctx, p.WorkspaceID, p.InboxID)
	if parley.ErrorCode(err) == parley.ENOTFOUND {
		// The session went with its inbox a moment ago.
		return errUnauthenticated()
	} else if err != nil {
		return err
	}
	if !parley.OriginAllowed(origin, inbox.AllowedOrigins) {
		return errOrigin()
	}
	return nil
}

// visitorInbox returns the inbox a visitor enters by, checking its ID and
// that the inbox allows origin (the request's Origin header; "" is
// allowed). Returns EINVALID ("inbox_id"), ENOTFOUND, or EFORBIDDEN for a
// refused origin.
func (s *Service) visitorInbox(ctx context.Context, inboxID, origin string) (*parley.Inbox, error) {
	var v parley.Validation
	inboxIDValid(&v, inboxID)
	if err := v.Err(); err != nil {
		return nil, err
	}
	inbox, err := s.store.FindVisitorInbox(ctx, inboxID)
	if err != nil {
		return nil, err
	}
	if !parley.OriginAllowed(origin, inbox.AllowedOrigins) {
		return nil, errOrigin()
	}
	return inbox, nil
}

func errUnauthenticated() error {
	return parley.Errorf(parley.EUNAUTHORIZED, "The visitor token is invalid or expired.")
}

func errOrigin() error {
	return parley.Errorf(parley.EFORBIDDEN, "This site may not open chats in this inbox: add its origin to the inbox's allowed_origins.")
}
