package identity_test

import (
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/identity"
	"github.com/parleychat/parley/internal/store"
)

// clock is a settable time source.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

type env struct {
	store *store.Store
	svc   *identity.Service
	clock *clock
	ws    *parley.Workspace
}

func newEnv(t *testing.T) *env {
	t.Helper()
	ctx := t.Context()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "p.db"), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c := &clock{now: time.Now()}
	e := &env{store: st, clock: c, svc: identity.New(st, identity.Options{Now: c.Now})}
	e.ws = &parley.Workspace{Slug: "acme", Name: "Acme"}
	if err := st.CreateWorkspace(ctx, parley.SystemActor, e.ws); err != nil {
		t.Fatal(err)
	}
	return e
}

func (e *env) inbox(t *testing.T, mod func(*parley.Inbox)) *parley.Inbox {
	t.Helper()
	in := &parley.Inbox{WorkspaceID: e.ws.ID, Name: "Shop"}
	if mod != nil {
		mod(in)
	}
	if err := e.store.CreateInbox(t.Context(), parley.SystemActor, in); err != nil {
		t.Fatal(err)
	}
	return in
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := parley.ErrorCode(err); got != code {
		t.Fatalf("error = %v (code %q), want code %q", err, got, code)
	}
}

func TestStartGuest(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	in := e.inbox(t, func(in *parley.Inbox) { in.AllowedOrigins = []string{"https://shop.example"} })

	for _, origin := range []string{"", "https://shop.example", "HTTPS://Shop.Example:443"} {
		sess, sec, c, err := e.svc.StartGuest(ctx, in.ID, origin)
		if err != nil {
			t.Fatalf("origin %q: %v", origin, err)
		}
		if !strings.HasPrefix(sec, identity.TokenPrefix) || !identity.IsVisitorToken(sec) {
			t.Errorf("token %q lacks the visitor prefix", sec)
		}
		if sess.WorkspaceID != e.ws.ID || sess.InboxID != in.ID || sess.ContactID != c.ID || c.Verified || c.ExternalID != "" {
			t.Errorf("session %+v, contact %+v", sess, c)
		}
		if want := e.clock.Now().Add(identity.GuestSessionTTL).UTC().Truncate(time.Microsecond); !sess.ExpiresAt.Equal(want) {
			t.Errorf("ExpiresAt = %v, want %v", sess.ExpiresAt, want)
		}
	}

	verifiedOnly := e.inbox(t, func(in *parley.Inbox) { in.Identity.RequireVerified = true })
	tests := []struct {
		name, inboxID, origin, code string
	}{
		{"EmptyInbox", "", "", parley.EINVALID},
		{"LongInbox", strings.Repeat("x", 65), "", parley.EINVALID},
		{"UnknownInbox", "01900000-0000-7000-8000-000000000000", "", parley.ENOTFOUND},
		{"OriginNotAllowed", in.ID, "https://evil.example", parley.EFORBIDDEN},
		{"NullOrigin", in.ID, "null", parley.EFORBIDDEN},
		{"VerifiedOnly", verifiedOnly.ID, "", parley.EFORBIDDEN},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, sec, _, err := e.svc.StartGuest(ctx, tt.inboxID, tt.origin)
			wantCode(t, err, tt.code)
			if sec != "" {
				t.Error("a failed StartGuest returned a token")
			}
		})
	}
}

func TestAuthenticateVisitor(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	in := e.inbox(t, func(in *parley.Inbox) { in.AllowedOrigins = []string{"https://shop.example"} })
	sess, sec, c, err := e.svc.StartGuest(ctx, in.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	p, err := e.svc.AuthenticateVisitor(ctx, sec)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Visitor() || p.Type != parley.ActorContact || p.ID != c.ID || p.ContactID != c.ID ||
		p.WorkspaceID != e.ws.ID || p.InboxID != in.ID || p.AgentID != "" || p.SystemAdmin {
		t.Errorf("principal = %+v", p)
	}
	for _, sc := range append(parley.WorkspaceScopes, parley.SystemScopes...) {
		if p.Can(sc) {
			t.Errorf("a visitor holds %s", sc)
		}
	}

	// The inbox's origins hold for later requests too.
	if err := e.svc.CheckOrigin(ctx, p, ""); err != nil {
		t.Error(err)
	}
	if err := e.svc.CheckOrigin(ctx, p, "https://shop.example"); err != nil {
		t.Error(err)
	}
	wantCode(t, e.svc.CheckOrigin(ctx, p, "https://evil.example"), parley.EFORBIDDEN)

	for _, bad := range []string{"", "prly_" + sec[len(identity.TokenPrefix):], sec + "x", identity.TokenPrefix + strings.Repeat("a", 300)} {
		_, err := e.svc.AuthenticateVisitor(ctx, bad)
		wantCode(t, err, parley.EUNAUTHORIZED)
	}

	// A session ends when deleted, and when it expires.
	if err := e.store.DeleteVisitorSession(ctx, e.ws.ID, sess.ID); err != nil {
		t.Fatal(err)
	}
	_, err = e.svc.AuthenticateVisitor(ctx, sec)
	wantCode(t, err, parley.EUNAUTHORIZED)

	_, sec, _, err = e.svc.StartGuest(ctx, in.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	e.clock.Add(identity.GuestSessionTTL - time.Second)
	if _, err := e.svc.AuthenticateVisitor(ctx, sec); err != nil {
		t.Fatalf("a second before expiry: %v", err)
	}
	e.clock.Add(time.Second)
	_, err = e.svc.AuthenticateVisitor(ctx, sec)
	wantCode(t, err, parley.EUNAUTHORIZED)
}
