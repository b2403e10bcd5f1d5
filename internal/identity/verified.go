package identity

import (
	"context"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/secret"
)

// ReasonTokenContactMismatch is the Reason of the EFORBIDDEN returned by
// Refresh when the new credential belongs to another contact.
const ReasonTokenContactMismatch = "token_contact_mismatch"

// StartVerified opens a visitor session for the contact a JWT signed by
// the customer's back-end names: the contact whose external ID is the
// token's sub, created if needed, verified, with the token's email, phone,
// name and attributes recorded (a contact holding that email or phone is
// merged into it). When current is the principal of a guest session (an
// unverified contact) of the same workspace, the guest is merged into the
// verified contact: the conversations it started are the contact's now.
// A verified contact is never merged because a visitor asked. The session
// expires with the token. Returns what StartGuest does (guests allowed or
// not), and the verifier's EUNAUTHORIZED (with its Reason) for a bad token.
func (s *Service) StartVerified(ctx context.Context, inboxID, token, origin string, current *parley.Principal) (*parley.VisitorSession, string, *parley.Contact, error) {
	inbox, err := s.visitorInbox(ctx, inboxID, origin)
	if err != nil {
		return nil, "", nil, err
	}
	claims, err := s.VerifyToken(ctx, inbox, token)
	if err != nil {
		return nil, "", nil, err
	}
	f := contactFields{ExternalID: claims.Subject, Email: claims.Email, Phone: claims.Phone, Name: claims.Name,
		Attributes: claims.Attributes}
	var v parley.Validation
	f.validate(&v, "token.")
	if err := v.Err(); err != nil {
		return nil, "", nil, err
	}
	guest := ""
	if current.Visitor() && current.WorkspaceID == inbox.WorkspaceID {
		c, err := s.store.FindContactByID(ctx, current.WorkspaceID, current.ContactID)
		switch {
		case err == nil && !c.Verified:
			guest = c.ID
		case err != nil && parley.ErrorCode(err) != parley.ENOTFOUND:
			return nil, "", nil, err
		}
	}
	sec := secret.NewToken(TokenPrefix)
	sess := &parley.VisitorSession{WorkspaceID: inbox.WorkspaceID, InboxID: inbox.ID, ExpiresAt: claims.ExpiresAt}
	res, err := s.identify(ctx, parley.Identify{
		WorkspaceID: inbox.WorkspaceID, ExternalID: f.ExternalID, Email: f.Email, Phone: f.Phone, Name: f.Name,
		Attributes: f.Attributes, Verified: true, MergeContactID: guest, Session: sess, SessionHash: secret.Hash(sec),
		Reason: parley.MergeReasonLogin,
	})
	if err != nil {
		return nil, "", nil, err
	}
	return sess, sec, res.Contact, nil
}

// identify runs IdentifyContact, once more if a concurrent call took an
// identifier first (the second finds it), and ends the real-time
// connections of the contacts it merged away.
func (s *Service) identify(ctx context.Context, in parley.Identify) (*parley.IdentifyResult, error) {
	res, err := s.store.IdentifyContact(ctx, in)
	if parley.ErrorCode(err) == parley.ECONFLICT {
		if in.Session != nil {
			in.Session.ContactID = ""
		}
		res, err = s.store.IdentifyContact(ctx, in)
	}
	if err == nil {
		for _, m := range res.Merges {
			s.revoke.Revoke(ctx, MergeRevocation(m))
		}
	}
	return res, err
}

// MergeRevocation is the revocation of a merge: the connections of the
// contact merged away close, telling the client to continue as the
// contact that remains.
func MergeRevocation(m *parley.ContactMerge) parley.Revocation {
	return parley.Revocation{WorkspaceID: m.WorkspaceID, Reason: parley.EndContactMerged,
		ContactID: m.SourceID, MergedInto: m.ContactID}
}

// Refresh replaces the credential of visitor p — a live connection's —
// with token: a visitor token (prlyv_…) of another session, or an
// identity JWT for p's inbox (which opens a session as StartVerified
// does). It returns the new principal. Returns EUNAUTHORIZED for a bad
// token, EFORBIDDEN with Reason ReasonTokenContactMismatch if it belongs
// to another contact (checked before the JWT changes anything).
func (s *Service) Refresh(ctx context.Context, p *parley.Principal, token string) (*parley.Principal, error) {
	if !p.Visitor() {
		return nil, parley.Errorf(parley.EFORBIDDEN, "Not a visitor.")
	}
	if IsVisitorToken(token) {
		np, err := s.AuthenticateVisitor(ctx, token)
		if err != nil {
			return nil, err
		}
		if np.WorkspaceID != p.WorkspaceID || np.ContactID != p.ContactID {
			return nil, errContactMismatch()
		}
		return np, nil
	}
	inbox, err := s.store.FindInboxByID(ctx, p.WorkspaceID, p.InboxID)
	if parley.ErrorCode(err) == parley.ENOTFOUND {
		return nil, errUnauthenticated()
	} else if err != nil {
		return nil, err
	}
	claims, err := s.VerifyToken(ctx, inbox, token)
	if err != nil {
		return nil, err
	}
	l, err := s.store.ListContacts(ctx, p.WorkspaceID, parley.ContactFilter{ExternalID: claims.Subject, ListOptions: parley.ListOptions{Limit: 1}})
	if err != nil {
		return nil, err
	}
	if len(l.Items) == 0 || l.Items[0].ID != p.ContactID {
		return nil, errContactMismatch()
	}
	sess, _, _, err := s.StartVerified(ctx, inbox.ID, token, "", nil)
	if err != nil {
		return nil, err
	}
	return sessionPrincipal(sess), nil
}

func errContactMismatch() error {
	return &parley.Error{Code: parley.EFORBIDDEN, Reason: ReasonTokenContactMismatch,
		Message: "The new token belongs to another contact: open a new connection for it."}
}

// capExpiry returns the earlier of a and b.
func capExpiry(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}
