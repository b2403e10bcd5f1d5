// Package avatar copies the pictures of the external agents apps speak
// for: the server fetches the URL an app names once, through the
// SSRF-safe outbound client, checks that it is a small image, keeps the
// copy in the database and serves it from its own origin (Path), so a
// visitor's browser never loads a URL an app chose.
package avatar

import (
	"context"
	"io"
	"net/http"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/outbound"
)

// Field is the request field the errors of Copy name.
const Field = "avatar_url"

// DefaultTimeout bounds one fetch.
const DefaultTimeout = 10 * time.Second

// Copier makes and finds the copies. It is safe for concurrent use.
type Copier struct {
	store   parley.SenderAvatarStore
	out     *outbound.Client
	timeout time.Duration
}

// New returns a Copier keeping copies in store and fetching through out.
func New(store parley.SenderAvatarStore, out *outbound.Client) *Copier {
	return &Copier{store: store, out: out, timeout: DefaultTimeout}
}

// Path is where the copy with hash is served.
func Path(workspaceID, hash string) string { return "/avatars/" + workspaceID + "/" + hash }

// Copy returns the path of the workspace's copy of src, fetching it the
// first time: one GET without redirects, within DefaultTimeout, answering
// 200 with at most parley.MaxImageSize bytes of a PNG, JPEG, GIF or WebP
// image (parley.CheckImage). A URL is fetched once: a new picture needs a
// new URL. Returns EINVALID on Field saying why a picture could not be
// copied.
func (c *Copier) Copy(ctx context.Context, workspaceID, src string) (string, error) {
	hash, err := c.store.SenderAvatarBySource(ctx, workspaceID, src)
	if err == nil {
		return Path(workspaceID, hash), nil
	} else if parley.ErrorCode(err) != parley.ENOTFOUND {
		return "", err
	}
	if err := c.out.CheckURL(ctx, src); err != nil {
		return "", invalid("%s", parley.ErrorMessage(err))
	}
	data, err := c.fetch(ctx, src)
	if err != nil {
		return "", err
	}
	ct, err := parley.CheckImage(Field, data)
	if err != nil {
		return "", err
	}
	hash, err = c.store.PutSenderAvatar(ctx, workspaceID, src, ct, data)
	if err != nil {
		return "", err
	}
	return Path(workspaceID, hash), nil
}

func (c *Copier) fetch(ctx context.Context, src string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
	if err != nil {
		return nil, invalid("must be an http(s) URL")
	}
	req.Header.Set("Accept", "image/png, image/jpeg, image/gif, image/webp")
	resp, err := c.out.Do(req)
	if err != nil {
		return nil, invalid("could not be fetched: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, invalid("could not be fetched: the server answered %d (redirects are not followed)", resp.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, parley.MaxImageSize+1))
	if err != nil {
		return nil, invalid("could not be fetched: %v", err)
	}
	return data, nil
}

func invalid(format string, args ...any) error {
	var v parley.Validation
	v.Add(Field, format, args...)
	return v.Err()
}
