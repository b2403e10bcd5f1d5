package identity

import (
	"context"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/secret"
)

// Lifetimes of minted visitor tokens.
const (
	DefaultMintTTL = 15 * time.Minute
	MinMintTTL     = time.Minute
	MaxMintTTL     = 24 * time.Hour
)

// MintRequest is a visitor token a back-end asks Parley to mint.
type MintRequest struct {
	InboxID                        string
	ExternalID, Email, Phone, Name string
	Attributes                     map[string]any
	// Verified marks the contact verified; it needs an identifier.
	Verified bool
	// TTL is the token's lifetime: 0 selects DefaultMintTTL; otherwise
	// between MinMintTTL and MaxMintTTL.
	TTL time.Duration
}

// Mint opens a visitor session for a contact of the workspace on behalf of
// a trusted back-end (an API token holding visitors:write) and returns its
// visitor token (prlyv_…, shown only this once). With an identifier, the
// contact holding it is found or created (and contacts holding the
// others merged into it), as by Identify; without one, a new guest contact
// with the given name and attributes. Returns EINVALID per field,
// ENOTFOUND if the inbox is not in the workspace, EFORBIDDEN for an
// unverified contact in an inbox that accepts verified visitors only.
func (s *Service) Mint(ctx context.Context, workspaceID string, req MintRequest) (string, *parley.VisitorSession, *parley.Contact, error) {
	var v parley.Validation
	inboxIDValid(&v, req.InboxID)
	f := contactFields{ExternalID: req.ExternalID, Email: req.Email, Phone: req.Phone, Name: req.Name, Attributes: req.Attributes}
	f.validate(&v, "")
	if req.Verified && !f.hasIdentifier() {
		v.Add("verified", "a verified contact needs an external_id, email or phone")
	}
	ttl := req.TTL
	if ttl == 0 {
		ttl = DefaultMintTTL
	} else if ttl < MinMintTTL || ttl > MaxMintTTL {
		v.Add("ttl", "must be between %d and %d seconds", int(MinMintTTL.Seconds()), int(MaxMintTTL.Seconds()))
	}
	if err := v.Err(); err != nil {
		return "", nil, nil, err
	}
	inbox, err := s.store.FindInboxByID(ctx, workspaceID, req.InboxID)
	if err != nil {
		return "", nil, nil, err
	}
	if !req.Verified && inbox.Identity.RequireVerified {
		return "", nil, nil, parley.Errorf(parley.EFORBIDDEN, "This inbox accepts verified visitors only.")
	}
	sec := secret.NewToken(TokenPrefix)
	sess := &parley.VisitorSession{WorkspaceID: workspaceID, InboxID: inbox.ID, ExpiresAt: s.now().Add(ttl)}
	if f.hasIdentifier() {
		res, err := s.identify(ctx, parley.Identify{
			WorkspaceID: workspaceID, ExternalID: f.ExternalID, Email: f.Email, Phone: f.Phone, Name: f.Name,
			Attributes: f.Attributes, Verified: req.Verified, Session: sess, SessionHash: secret.Hash(sec),
			Reason: parley.MergeReasonIdentify,
		})
		if err != nil {
			return "", nil, nil, err
		}
		return sec, sess, res.Contact, nil
	}
	c := &parley.Contact{WorkspaceID: workspaceID, Name: f.Name, Attributes: f.Attributes}
	if err := s.store.CreateContact(ctx, c); err != nil {
		return "", nil, nil, err
	}
	sess.ContactID = c.ID
	if err := s.store.CreateVisitorSession(ctx, sess, secret.Hash(sec)); err != nil {
		return "", nil, nil, err
	}
	return sec, sess, c, nil
}
