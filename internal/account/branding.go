package account

import (
	"context"

	"github.com/parleychat/parley"
)

// Limits on branding.
const (
	MaxBrandImageSize    = parley.MaxImageSize
	maxProductNameLength = 60
	maxSignInTitleLength = 120
)

// UpdateBranding validates and applies the fields upd sets: a product
// name of at most 60 bytes, a sign-in title of at most 120 (clean text),
// a #rrggbb colour or "" for Parley's. Returns EINVALID or ENOTFOUND.
func (s *Service) UpdateBranding(ctx context.Context, actor parley.Actor, workspaceID string, upd parley.BrandingUpdate) (*parley.Branding, error) {
	var v parley.Validation
	if upd.ProductName != nil {
		textField(&v, "product_name", *upd.ProductName, maxProductNameLength)
	}
	if upd.SignInTitle != nil {
		textField(&v, "sign_in_title", *upd.SignInTitle, maxSignInTitleLength)
	}
	if upd.Color != nil && *upd.Color != "" && !parley.ValidColor(*upd.Color) {
		v.Add("color", "must be a colour such as #1f6feb, or empty")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	return s.store.UpdateBranding(ctx, actor, workspaceID, upd)
}

// SetBrandImage stores a brand image after checking its bytes: at most
// MaxBrandImageSize, a PNG, JPEG, GIF or WebP by its content (whatever the
// upload claims), and — for PNG, JPEG and GIF — a header that decodes to
// at most 2048 pixels a side, decoding whole. nil data removes the image. Returns EINVALID
// ("file") or ENOTFOUND.
func (s *Service) SetBrandImage(ctx context.Context, actor parley.Actor, workspaceID string, kind parley.BrandImageKind, data []byte) (*parley.Branding, error) {
	if !kind.Valid() {
		return nil, parley.Errorf(parley.ENOTFOUND, "No such image: use logo or avatar.")
	}
	if data == nil {
		return s.store.SetBrandImage(ctx, actor, workspaceID, kind, "", nil)
	}
	ct, err := parley.CheckImage("file", data)
	if err != nil {
		return nil, err
	}
	return s.store.SetBrandImage(ctx, actor, workspaceID, kind, ct, data)
}
