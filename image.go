package parley

import (
	"bytes"
	"context"
	"image"
	_ "image/gif" // registers the decoders that check an image's header
	_ "image/jpeg"
	_ "image/png"
	"net/http"
	"slices"
)

// Limits on the images Parley stores and serves itself (brand images, the
// pictures of external agents).
const (
	MaxImageSize      = 256 << 10 // bytes
	MaxImageDimension = 2048      // pixels, each side
)

// imageTypes are the types a stored image may be, as sniffed from its
// bytes. SVG is not among them: it can carry script.
var imageTypes = []string{"image/png", "image/jpeg", "image/gif", "image/webp"}

// CheckImage returns the type of an image Parley may store and serve: at
// most MaxImageSize bytes, a PNG, JPEG, GIF or WebP by its content
// (whatever its sender claims), and — for PNG, JPEG and GIF — a header
// that decodes to at most MaxImageDimension pixels a side, decoding whole.
// The errors are EINVALID on field.
func CheckImage(field string, data []byte) (string, error) {
	var v Validation
	ct := http.DetectContentType(data)
	switch {
	case len(data) == 0:
		v.Add(field, "must not be empty")
	case len(data) > MaxImageSize:
		v.Add(field, "must be at most %d bytes", MaxImageSize)
	case !slices.Contains(imageTypes, ct):
		v.Add(field, "must be a PNG, JPEG, GIF or WebP image (its content looks like %s)", ct)
	case ct != "image/webp":
		cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			v.Add(field, "is not a readable image")
		} else if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > MaxImageDimension || cfg.Height > MaxImageDimension {
			v.Add(field, "must be at most %d pixels wide and high", MaxImageDimension)
		} else if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
			v.Add(field, "is not a complete image")
		}
	}
	return ct, v.Err()
}

// SenderAvatarStore keeps the copies of external agents' pictures that
// Parley serves instead of the apps' URLs (the visitor's browser never
// loads a picture from a URL an app chose).
type SenderAvatarStore interface {
	// SenderAvatarBySource returns the hash of the copy made of sourceURL
	// in the workspace; ENOTFOUND if none was.
	SenderAvatarBySource(ctx context.Context, workspaceID, sourceURL string) (string, error)
	// PutSenderAvatar stores the copy of sourceURL (checked by CheckImage)
	// under the SHA-256 hash of its bytes, which it returns; a second copy
	// of the same source keeps the first.
	PutSenderAvatar(ctx context.Context, workspaceID, sourceURL, contentType string, data []byte) (string, error)
	// SenderAvatar returns a copy's type and bytes; ENOTFOUND if the
	// workspace has none with that hash.
	SenderAvatar(ctx context.Context, workspaceID, hash string) (string, []byte, error)
}
