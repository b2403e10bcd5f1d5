package parley

import (
	"context"
	"time"
)

// BrandImageKind names one of a workspace's brand images.
type BrandImageKind string

const (
	BrandLogo   BrandImageKind = "logo"   // shown in the console's header and sign-in page
	BrandAvatar BrandImageKind = "avatar" // default picture of agents who have none, in the widget
)

// Valid reports whether k is a known kind.
func (k BrandImageKind) Valid() bool { return k == BrandLogo || k == BrandAvatar }

// Branding is how a workspace presents the console and the widget. Empty
// fields mean Parley's own look.
type Branding struct {
	WorkspaceID string
	ProductName string // the console's name in its header and title; "" = Parley
	SignInTitle string // the sign-in page's heading; "" = "Sign in to <product name>"
	// Color is the primary colour, "#rrggbb"; the widget uses it when the
	// inbox sets none.
	Color string
	// Logo and Avatar describe the stored images; nil when none.
	Logo      *BrandImage
	Avatar    *BrandImage
	UpdatedAt time.Time // zero while never saved
}

// BrandImage describes a stored image; the bytes are read with BrandImage.
type BrandImage struct {
	ContentType string // sniffed from the bytes: image/png, image/jpeg, image/gif or image/webp
	Hash        string // hex SHA-256 of the bytes, for cache busting
	Size        int
}

// BrandingUpdate holds the fields to change; nil means "leave as is".
type BrandingUpdate struct {
	ProductName *string
	SignInTitle *string
	Color       *string
}

// BrandingStore persists workspaces' branding. The authorization check
// happens before these calls.
type BrandingStore interface {
	// Branding returns the workspace's branding (empty if never set).
	// Returns ENOTFOUND if there is no such workspace.
	Branding(ctx context.Context, workspaceID string) (*Branding, error)
	// UpdateBranding changes the fields upd sets. Returns ENOTFOUND.
	UpdateBranding(ctx context.Context, actor Actor, workspaceID string, upd BrandingUpdate) (*Branding, error)
	// SetBrandImage stores an image of kind (nil data removes it); the
	// caller has checked its type and size. Returns ENOTFOUND.
	SetBrandImage(ctx context.Context, actor Actor, workspaceID string, kind BrandImageKind, contentType string, data []byte) (*Branding, error)
	// BrandImage returns an image and its description; ENOTFOUND if the
	// workspace has none of that kind.
	BrandImage(ctx context.Context, workspaceID string, kind BrandImageKind) (*BrandImage, []byte, error)
}
