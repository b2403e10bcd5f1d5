package account_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
	"github.com/parleychat/parley/internal/store"
)

// clock is a settable time source shared by the service under test.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// env is a service over a fresh SQLite store with a bootstrapped default
// workspace whose admin is admin@example.com / adminPassword.
type env struct {
	svc   *account.Service
	store *store.Store
	clock *clock
	ws    *parley.Workspace
	admin *parley.Agent
}

const adminPassword = "admin-password-1"

func discard() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func openStore(t *testing.T, path string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), "sqlite:"+path, discard())
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func newEnv(t *testing.T) *env {
	t.Helper()
	e := &env{
		store: openStore(t, filepath.Join(t.TempDir(), "p.db")),
		clock: &clock{now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)},
	}
	e.svc = account.New(e.store, account.Options{Now: e.clock.Now, Logger: discard()})
	res, err := e.svc.Bootstrap(context.Background(), "admin@example.com", adminPassword)
	if err != nil {
		t.Fatalf("Bootstrap: %v", err)
	}
	e.ws, e.admin = res.Workspace, res.Admin
	return e
}

// agent creates an agent of the default workspace with password "password-" + email.
func (e *env) agent(t *testing.T, email string, role parley.Role) *parley.Agent {
	t.Helper()
	a := &parley.Agent{WorkspaceID: e.ws.ID, Email: email, Name: email, Role: role}
	if err := e.svc.CreateAgent(context.Background(), parley.SystemActor, a, "password-"+email); err != nil {
		t.Fatalf("CreateAgent %s: %v", email, err)
	}
	return a
}

// wantCode fails the test unless err has the parley error code want.
func wantCode(t *testing.T, err error, want string) {
	t.Helper()
	if got := parley.ErrorCode(err); got != want {
		t.Fatalf("error code = %q (%v), want %q", got, err, want)
	}
}

// wantFields fails the test unless err is EINVALID naming exactly fields.
func wantFields(t *testing.T, err error, fields ...string) {
	t.Helper()
	var pe *parley.Error
	if !errors.As(err, &pe) || pe.Code != parley.EINVALID {
		t.Fatalf("error = %v, want EINVALID", err)
	}
	var got []string
	for _, f := range pe.Fields {
		got = append(got, f.Field)
	}
	slices.Sort(got)
	slices.Sort(fields)
	if !slices.Equal(got, fields) {
		t.Fatalf("invalid fields = %q, want %q", got, fields)
	}
}
