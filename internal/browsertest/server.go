package browsertest

import (
	"context"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/app"
	"github.com/parleychat/parley/internal/config"
)

// AdminPassword is the password of the first admin of a test server.
const AdminPassword = "admin-password-for-tests"

// Server is one Parley node running in-process for a test, in demo mode.
type Server struct {
	URL         string // base URL, http://127.0.0.1:PORT
	App         *app.App
	AdminEmail  string
	WorkspaceID string // the default workspace
	// Admin is an API client holding a token with every scope, AdminToken.
	Admin      *client.Client
	AdminToken string
}

// StartServer opens and serves a node with a fresh SQLite database and the
// embedded bus until the test ends. modify, if given, changes the
// configuration first.
func StartServer(t testing.TB, modify ...func(*config.Config)) *Server {
	t.Helper()
	cfg := config.Default()
	cfg.Addr = "127.0.0.1:0"
	cfg.DataDir = t.TempDir()
	cfg.Demo = "true"
	for _, f := range modify {
		f(&cfg)
	}
	logger := slog.New(slog.DiscardHandler)
	if os.Getenv("PARLEY_TEST_LOG") != "" {
		logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	ctx, cancel := context.WithCancel(context.Background())
	a, err := app.Open(ctx, cfg, logger, "test")
	if err != nil {
		cancel()
		t.Fatalf("open node: %v", err)
	}
	boot, err := a.Accounts.Bootstrap(ctx, cfg.AdminEmail, AdminPassword)
	if err != nil {
		cancel()
		a.Close()
		t.Fatalf("bootstrap: %v", err)
	}
	ready := make(chan string, 1)
	served := make(chan error, 1)
	go func() { served <- a.Serve(ctx, func(url string) { ready <- url }) }()
	s := &Server{App: a, AdminEmail: cfg.AdminEmail, WorkspaceID: boot.Workspace.ID}
	select {
	case s.URL = <-ready:
	case err := <-served:
		cancel()
		a.Close()
		t.Fatalf("serve: %v", err)
	case <-time.After(Wait):
		cancel()
		t.Fatal("the node did not start")
	}
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-served:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Errorf("the node did not stop")
		}
		if err := a.Close(); err != nil {
			t.Errorf("close node: %v", err)
		}
	})
	s.Admin = s.login(t, cfg.AdminEmail, AdminPassword)
	tok, err := s.Admin.CreateToken(ctx, "browser tests", "all")
	if err != nil {
		t.Fatalf("create an admin API token: %v", err)
	}
	s.Admin, s.AdminToken = s.Client(t).WithToken(tok.Token), tok.Token
	return s
}

// Client returns an API client of the server without credentials.
func (s *Server) Client(t testing.TB) *client.Client {
	t.Helper()
	c, err := client.New(s.URL)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// login returns a client holding an agent's console session.
func (s *Server) login(t testing.TB, email, password string) *client.Client {
	t.Helper()
	res, err := s.Client(t).Login(t.Context(), client.LoginInput{Email: email, Password: password})
	if err != nil {
		t.Fatalf("log in as %s: %v", email, err)
	}
	c, err := client.New(s.URL, client.WithSession(res.Session, res.CSRFToken))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// CreateAgent creates an agent through the admin API and returns it with a
// client logged in as the agent.
func (s *Server) CreateAgent(t testing.TB, email, name string, role parley.Role) (*client.Agent, *client.Client) {
	t.Helper()
	const password = "agent-password-for-tests"
	a, err := s.Admin.CreateAgent(t.Context(), client.CreateAgentInput{
		Email: email, Name: name, Role: string(role), Password: password,
	})
	if err != nil {
		t.Fatalf("create agent %s: %v", email, err)
	}
	return a, s.login(t, email, password)
}

// DemoInboxID returns the ID of the demo inbox, which the server created
// on start.
func (s *Server) DemoInboxID(t testing.TB) string {
	t.Helper()
	inboxes, err := s.App.Store.ListInboxes(t.Context(), s.WorkspaceID, parley.ListOptions{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inboxes.Items {
		if in.Name == "Demo site" {
			return in.ID
		}
	}
	t.Fatal("the server has no demo inbox")
	return ""
}

// WaitFor polls cond until it returns "" or Wait passes; it then fails the
// test with cond's last answer, which says what is still missing.
func WaitFor(t testing.TB, cond func() string) {
	t.Helper()
	deadline := time.Now().Add(Wait)
	for {
		msg := cond()
		if msg == "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("gave up after %s: %s", Wait, msg)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
