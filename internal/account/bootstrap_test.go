package account_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
)

func TestBootstrap(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, filepath.Join(t.TempDir(), "p.db"))
	svc := account.New(st, account.Options{Logger: discard()})

	first, err := svc.Bootstrap(ctx, "Admin@Example.com", "")
	if err != nil {
		t.Fatalf("Bootstrap: %v", err)
	}
	if first.Workspace.Slug != parley.DefaultWorkspaceSlug || !first.Created {
		t.Fatalf("Bootstrap = %+v, want the default workspace and Created", first)
	}
	if a := first.Admin; a.Role != parley.RoleAdmin || !a.SystemAdmin || a.Email != "admin@example.com" {
		t.Errorf("admin = %+v, want a system admin with the normalised email", a)
	}
	if len(first.GeneratedPassword) < 20 {
		t.Fatalf("GeneratedPassword = %q, want 20+ characters", first.GeneratedPassword)
	}
	if _, _, _, err := svc.Login(ctx, "", "admin@example.com", first.GeneratedPassword, "", ""); err != nil {
		t.Fatalf("Login with the generated password: %v", err)
	}

	again, err := svc.Bootstrap(ctx, "other@example.com", "another-password")
	if err != nil {
		t.Fatalf("second Bootstrap: %v", err)
	}
	if again.Created || again.GeneratedPassword != "" || again.Admin.ID != first.Admin.ID || again.Workspace.ID != first.Workspace.ID {
		t.Errorf("second Bootstrap = %+v, want the existing workspace and admin, nothing created", again)
	}
}

func TestBootstrapGivenPassword(t *testing.T) {
	e := newEnv(t) // bootstraps with adminPassword
	if _, _, _, err := e.svc.Login(context.Background(), "", "admin@example.com", adminPassword, "", ""); err != nil {
		t.Fatalf("Login: %v", err)
	}
}

func TestBootstrapInvalid(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "p.db"))
	svc := account.New(st, account.Options{Logger: discard()})
	_, err := svc.Bootstrap(context.Background(), "not an email", "short")
	wantFields(t, err, "email", "password")
}

// TestBootstrapConcurrent starts several nodes on one database at once:
// exactly one creates the admin, and all agree on the result.
func TestBootstrapConcurrent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	const nodes = 4
	var svcs []*account.Service
	for range nodes {
		svcs = append(svcs, account.New(openStore(t, path), account.Options{Logger: discard()}))
	}
	results := make([]account.BootstrapResult, nodes)
	errs := make([]error, nodes)
	var wg sync.WaitGroup
	for i, svc := range svcs {
		wg.Go(func() { results[i], errs[i] = svc.Bootstrap(context.Background(), "admin@example.com", "") })
	}
	wg.Wait()
	created := 0
	for i, r := range results {
		if errs[i] != nil {
			t.Fatalf("node %d: Bootstrap: %v", i, errs[i])
		}
		if r.Created {
			created++
		}
		if r.Workspace.ID != results[0].Workspace.ID || r.Admin.ID != results[0].Admin.ID {
			t.Errorf("node %d got workspace %s admin %s; node 0 got %s %s",
				i, r.Workspace.ID, r.Admin.ID, results[0].Workspace.ID, results[0].Admin.ID)
		}
		if !r.Created && r.GeneratedPassword != "" {
			t.Errorf("node %d returned a password it did not store", i)
		}
	}
	if created != 1 {
		t.Errorf("%d nodes created the admin, want 1", created)
	}
}
