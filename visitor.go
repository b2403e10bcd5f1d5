package parley

import (
	"context"
	"net/url"
	"strings"
	"time"
)

// VisitorSession is one device or browser of a contact, opened in one
// inbox. The device keeps a random secret (a visitor token); only its
// SHA-256 hash is stored. A contact may have many sessions.
type VisitorSession struct {
	ID          string
	WorkspaceID string
	InboxID     string
	ContactID   string
	// ConversationID and ResumeTokenID are set on a session opened with a
	// resume token: it reaches that one conversation only, and ends when
	// the token is revoked.
	ConversationID string
	ResumeTokenID  string
	CreatedAt      time.Time
	ExpiresAt      time.Time
}

// VisitorSessionStore persists visitor sessions, and finds the inbox a
// visitor enters by.
type VisitorSessionStore interface {
	// FindVisitorInbox returns the inbox with this ID, whatever its
	// workspace: it is how a visitor, who knows only the inbox ID its
	// widget embeds, learns the workspace. Returns ENOTFOUND.
	FindVisitorInbox(ctx context.Context, inboxID string) (*Inbox, error)
	// CreateGuest creates, in one transaction, a new anonymous contact
	// (no identifiers, not verified) in sess.WorkspaceID, writing
	// contact.created, and sess for that contact with the hash of its
	// secret. It sets sess.ID, ContactID and CreatedAt (ExpiresAt is kept
	// in UTC to the microsecond) and returns the contact. Returns
	// ENOTFOUND if the inbox is not in the workspace, ECONFLICT if the hash
	// exists; nothing is stored then.
	CreateGuest(ctx context.Context, sess *VisitorSession, hash []byte) (*Contact, error)
	// CreateVisitorSession inserts sess for an existing contact with the
	// hash of its secret, setting ID and CreatedAt (ExpiresAt is kept in
	// UTC to the microsecond). With ResumeTokenID set, ContactID and
	// ConversationID are taken from that token (they must be empty or
	// equal). Returns ENOTFOUND if the inbox, contact or resume token is
	// not in the workspace, EINVALID if the resume token's conversation is
	// not in sess.InboxID, ECONFLICT if the hash exists.
	CreateVisitorSession(ctx context.Context, sess *VisitorSession, hash []byte) error
	// FindVisitorSessionByHash returns the session whose secret hashes to
	// hash. It is not workspace-scoped: it is how a visitor token's
	// workspace is learnt. Returns ENOTFOUND if there is no such session or
	// it expired at or before now.
	FindVisitorSessionByHash(ctx context.Context, hash []byte, now time.Time) (*VisitorSession, error)
	// DeleteVisitorSession ends one session of the workspace; deleting a
	// missing one is a no-op. The contact stays.
	DeleteVisitorSession(ctx context.Context, workspaceID, id string) error
	// DeleteExpiredVisitorSessions removes sessions expired at or before
	// now and returns how many.
	DeleteExpiredVisitorSessions(ctx context.Context, now time.Time) (int, error)
}

// NormalizeOrigin returns a web origin in canonical form — lower-case
// scheme and host, without the scheme's default port — or "" if s is not
// an http or https origin (the browser's "null" included).
func NormalizeOrigin(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return ""
	}
	host := strings.ToLower(u.Host)
	switch {
	case u.Scheme == "http" && strings.HasSuffix(host, ":80"):
		host = strings.TrimSuffix(host, ":80")
	case u.Scheme == "https" && strings.HasSuffix(host, ":443"):
		host = strings.TrimSuffix(host, ":443")
	}
	return u.Scheme + "://" + host
}

// OriginAllowed reports whether a visitor request carrying the Origin
// header origin may use an inbox whose AllowedOrigins are allowed ("*"
// allows any). A request without an Origin does not come from a browser
// page (a back-end, a mobile app) and is allowed: the check protects
// visitors' browsers, and such a client still needs a visitor token.
func OriginAllowed(origin string, allowed []string) bool {
	if origin == "" {
		return true
	}
	o := NormalizeOrigin(origin)
	for _, a := range allowed {
		if a == "*" || (o != "" && NormalizeOrigin(a) == o) {
			return true
		}
	}
	return false
}
