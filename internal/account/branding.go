package account

import (
	"bytes"
	"context"
	"image"
	_ "image/gif" // registers the decoders that check an image's header
	_ "image/jpeg"
	_ "image/png"
	"net/http"
	"slices"

	"github.com/parleychat/parley"
)

// Limits on branding.
const (
	MaxBrandImageSize      = 256 << 10 // bytes
	maxBrandImageDimension = 2048      // pixels, each side
	maxProductNameLength   = 60
	maxSignInTitleLength   = 120
)

// brandImageTypes are the image types a brand image may be, as sniffed
// from its bytes. SVG is not among them: it can carry script.
var brandImageTypes = []string{"image/png", "image/jpeg", "image/gif", "image/webp"}

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
	ct, err := checkBrandImage(data)
	if err != nil {
		return nil, err
	}
	return s.store.SetBrandImage(ctx, actor, workspaceID, kind, ct, data)
}

// checkBrandImage returns the sniffed type of an acceptable image.
func checkBrandImage(data []byte) (string, error) {
	var v parley.Validation
	ct := http.DetectContentType(data)
	switch {
	case len(data) == 0:
		v.Add("file", "must not be empty")
	case len(data) > MaxBrandImageSize:
		v.Add("file", "must be at most %d bytes", MaxBrandImageSize)
	case !slices.Contains(brandImageTypes, ct):
		v.Add("file", "must be a PNG, JPEG, GIF or WebP image (its content looks like %s)", ct)
	case ct != "image/webp":
		cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			v.Add("file", "is not a readable image")
		} else if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > maxBrandImageDimension || cfg.Height > maxBrandImageDimension {
			v.Add("file", "must be at most %d pixels wide and high", maxBrandImageDimension)
		} else if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
			v.Add("file", "is not a complete image")
		}
	}
	return ct, v.Err()
}
