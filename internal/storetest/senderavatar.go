package storetest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"sync"
	"testing"

	"github.com/parleychat/parley"
)

// testSenderAvatars: copies of external agents' pictures are found by
// their source URL and their hash, within their workspace only; a second
// copy of one source keeps the first.
func testSenderAvatars(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)
	ctx := t.Context()
	ws, other := mustWorkspace(t, s), mustWorkspace(t, s)
	const src = "https://cdn.example.com/maria.png"
	data := []byte("\x89PNG picture bytes")
	sum := sha256.Sum256(data)
	want := hex.EncodeToString(sum[:])

	_, err := s.SenderAvatarBySource(ctx, ws.ID, src)
	wantCode(t, err, parley.ENOTFOUND)
	// Concurrent first copies of one source: one is kept, all see it.
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			got, err := s.PutSenderAvatar(ctx, ws.ID, src, "image/png", append(bytes.Clone(data), make([]byte, i)...))
			if err != nil {
				t.Error(err)
			} else if len(got) != 64 {
				t.Errorf("hash %q", got)
			}
		})
	}
	wg.Wait()
	hash, err := s.SenderAvatarBySource(ctx, ws.ID, src)
	must(t, err)
	ct, stored, err := s.SenderAvatar(ctx, ws.ID, hash)
	must(t, err)
	if sum := sha256.Sum256(stored); ct != "image/png" || hex.EncodeToString(sum[:]) != hash {
		t.Errorf("stored %s of %d bytes under %s", ct, len(stored), hash)
	}
	// Another source of other bytes, and the same source elsewhere.
	got, err := s.PutSenderAvatar(ctx, other.ID, src, "image/png", data)
	must(t, err)
	if got != want {
		t.Errorf("hash %s, want %s", got, want)
	}
	if _, _, err := s.SenderAvatar(ctx, other.ID, hash); hash != want && parley.ErrorCode(err) != parley.ENOTFOUND {
		t.Errorf("another workspace's copy found: %v", err)
	}
	_, _, err = s.SenderAvatar(ctx, ws.ID, "0000")
	wantCode(t, err, parley.ENOTFOUND)
	_, err = s.PutSenderAvatar(ctx, "01900000-0000-7000-8000-0000000000ff", src, "image/png", data)
	wantCode(t, err, parley.ENOTFOUND)
}
