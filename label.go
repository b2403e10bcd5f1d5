package parley

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// Label is a workspace's tag for conversations and contacts ("billing",
// "vip"), with a colour. Names are unique in a workspace, compared without
// regard to case.
type Label struct {
	ID          string
	WorkspaceID string
	Name        string
	Color       string // "#rrggbb"
	Description string
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Limits on labels.
const (
	MaxLabelNameLength        = 64
	MaxLabelDescriptionLength = 500
	// MaxLabelsPerTarget bounds the labels of one conversation or contact.
	MaxLabelsPerTarget = 50
)

// LabelUpdate holds the fields to change; nil means "leave as is".
type LabelUpdate struct {
	Name        *string
	Color       *string
	Description *string
}

// LabelTarget names what a label is put on: a conversation or a contact.
type LabelTarget string

const (
	LabelConversation LabelTarget = "conversation"
	LabelContact      LabelTarget = "contact"
)

// Valid reports whether t is a known target.
func (t LabelTarget) Valid() bool { return t == LabelConversation || t == LabelContact }

// LabelName checks a label's name: not blank, at most MaxLabelNameLength
// bytes of valid UTF-8 without control characters.
func (v *Validation) LabelName(field, s string) {
	switch {
	case strings.TrimSpace(s) == "":
		v.Add(field, "must not be empty")
	case len(s) > MaxLabelNameLength:
		v.Add(field, "must be at most %d bytes", MaxLabelNameLength)
	case !utf8.ValidString(s) || strings.IndexFunc(s, isControl) >= 0:
		v.Add(field, "must be text without control characters")
	}
}

// BoundedText checks a free text of at most max bytes that follows the
// text rule (see Text).
func (v *Validation) BoundedText(field, s string, max int) {
	if len(s) > max {
		v.Add(field, "must be at most %d bytes", max)
		return
	}
	v.Text(field, s)
}

func isControl(r rune) bool { return r < ' ' || r == 0x7f }

// LabelStore persists labels and which conversations and contacts carry
// them, scoped by workspace: a label, conversation or contact of another
// workspace is reported as ENOTFOUND. The authorization check happens
// before these calls; every change writes an audit entry.
type LabelStore interface {
	// CreateLabel inserts l, setting ID, CreatedAt and UpdatedAt. Returns
	// ECONFLICT if the workspace has a label of that name (in any case),
	// ENOTFOUND if the workspace does not exist.
	CreateLabel(ctx context.Context, actor Actor, l *Label) error
	// FindLabel returns ENOTFOUND.
	FindLabel(ctx context.Context, workspaceID, id string) (*Label, error)
	// ListLabels returns all of the workspace's labels, ordered by name
	// (a workspace holds at most a few hundred).
	ListLabels(ctx context.Context, workspaceID string) ([]*Label, error)
	// UpdateLabel changes the fields of upd. Returns ENOTFOUND, or
	// ECONFLICT if the new name is taken.
	UpdateLabel(ctx context.Context, actor Actor, workspaceID, id string, upd LabelUpdate) (*Label, error)
	// DeleteLabel deletes the label and takes it off everything that
	// carried it. Returns ENOTFOUND.
	DeleteLabel(ctx context.Context, actor Actor, workspaceID, id string) error
	// AddLabel puts a label on a conversation or contact (nothing changes
	// if it is already there). Returns ENOTFOUND if the label or the
	// target is not in the workspace, EINVALID if the target already
	// carries MaxLabelsPerTarget labels.
	AddLabel(ctx context.Context, actor Actor, workspaceID string, target LabelTarget, targetID, labelID string) error
	// RemoveLabel takes a label off a conversation or contact (nothing
	// changes if it was not there). Returns ENOTFOUND if the label or the
	// target is not in the workspace.
	RemoveLabel(ctx context.Context, actor Actor, workspaceID string, target LabelTarget, targetID, labelID string) error
	// TargetLabels returns the labels of a conversation or contact,
	// ordered by name. Returns ENOTFOUND if the target is not in the
	// workspace.
	TargetLabels(ctx context.Context, workspaceID string, target LabelTarget, targetID string) ([]*Label, error)
}
