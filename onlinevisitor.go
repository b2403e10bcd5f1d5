package parley

import (
	"context"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits on what a visitor's widget reports about the page it is on.
const (
	MaxVisitorURLLength = 2048 // bytes of VisitorPage.URL
	MaxPageTitleLength  = 300  // bytes of VisitorPage.Title
	// MaxInvitationLength bounds the message of an invitation, in bytes.
	MaxInvitationLength = 1000
)

// VisitorPage is the page a visitor is on, as its widget reports it: the
// only thing Parley learns about a visitor's browsing.
type VisitorPage struct {
	URL   string `json:"url"`
	Title string `json:"title"`
}

// CheckVisitorPage validates and normalizes a page a visitor reports: the
// URL must be an absolute http(s) URL of at most MaxVisitorURLLength bytes,
// without credentials (its fragment is dropped); the title, at most
// MaxPageTitleLength bytes, is trimmed. Both must be valid text (no NUL or
// other control characters). Returns EINVALID with the fields at fault.
func CheckVisitorPage(p VisitorPage) (VisitorPage, error) {
	var fields []FieldError
	p.Title = strings.TrimSpace(p.Title)
	u, err := url.Parse(p.URL)
	switch {
	case p.URL == "" || len(p.URL) > MaxVisitorURLLength || !utf8.ValidString(p.URL) || !ValidText(p.URL) || hasControl(p.URL):
		fields = append(fields, FieldError{Field: "url", Message: "must be an http(s) URL of at most 2048 bytes"})
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil:
		fields = append(fields, FieldError{Field: "url", Message: "must be an absolute http(s) URL without credentials"})
	default:
		u.Fragment, u.RawFragment = "", ""
		p.URL = u.String()
	}
	if len(p.Title) > MaxPageTitleLength || !utf8.ValidString(p.Title) || !ValidText(p.Title) || hasControl(p.Title) {
		fields = append(fields, FieldError{Field: "title", Message: "must be text of at most 300 bytes"})
	}
	if len(fields) > 0 {
		return VisitorPage{}, &Error{Code: EINVALID, Message: "The page is invalid.", Fields: fields}
	}
	return p, nil
}

func hasControl(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return true
		}
	}
	return false
}

// OnlineVisitor is a contact with a live widget connection somewhere in
// the cluster: one entry per contact, however many tabs or devices.
type OnlineVisitor struct {
	ContactID string `json:"contact_id"`
	InboxID   string `json:"inbox_id"`
	// Page is the page most recently reported by any of its connections;
	// empty until the widget reports one.
	Page VisitorPage `json:"page"`
	// Since is when the visit began: the contact's first live connection.
	Since time.Time `json:"since"`
	// PageAt is when Page was reported.
	PageAt time.Time `json:"page_at,omitzero"`
	// Connections counts its live connections.
	Connections int `json:"connections"`
}

// Invitation is an agent's proactive invitation to chat, shown by the
// widget of an online visitor, who may ignore it. It is not stored: a
// visitor who is not online when it is sent never sees it.
type Invitation struct {
	ID        string      `json:"id"`
	ContactID string      `json:"contact_id"`
	Message   string      `json:"message"`
	Agent     Participant `json:"agent"`
	// AgentName and AgentAvatarURL say who invites, as the widget shows it.
	AgentName      string    `json:"agent_name"`
	AgentAvatarURL string    `json:"agent_avatar_url,omitempty"`
	CreatedAt      time.Time `json:"created_at"`
}

// CheckInvitationMessage trims and validates an invitation's message.
func CheckInvitationMessage(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > MaxInvitationLength || !utf8.ValidString(s) || !ValidText(s) {
		return "", &Error{Code: EINVALID, Message: "The input is invalid.", Fields: []FieldError{
			{Field: "message", Message: "must be 1 to 1000 bytes of text"},
		}}
	}
	return s, nil
}

// SeenContact is a contact with when a visit of theirs last ended.
type SeenContact struct {
	Contact *Contact
	// LastSeenAt is when their last visit ended (their last live widget
	// connection closed); nil if none has yet.
	LastSeenAt *time.Time
}

// ContactSeenStore records when contacts were last on the site.
type ContactSeenStore interface {
	// MarkContactSeen records that a visit of the contact ended at at
	// (an earlier time than the one stored changes nothing). A missing
	// contact is skipped.
	MarkContactSeen(ctx context.Context, workspaceID, contactID string, at time.Time) error
	// SeenContacts returns the contacts of the workspace among ids (others
	// are skipped), in no particular order.
	SeenContacts(ctx context.Context, workspaceID string, ids []string) ([]*SeenContact, error)
	// ListRecentlySeenContacts returns the workspace's contacts that have
	// been seen, most recently seen first. opt.After is the Next of the
	// previous page; an invalid one is EINVALID.
	ListRecentlySeenContacts(ctx context.Context, workspaceID string, opt ListOptions) (List[*SeenContact], error)
}
