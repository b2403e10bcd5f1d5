package client_test

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/account"
	"github.com/parleychat/parley/internal/app"
	"github.com/parleychat/parley/internal/config"
	"github.com/parleychat/parley/internal/secret"
	"github.com/parleychat/parley/internal/testenv"
)

// wait bounds every wait for something asynchronous.
const wait = 15 * time.Second

// shopOrigin is the origin the test inbox allows.
const shopOrigin = "https://shop.example"

// node is one Parley node running in-process on 127.0.0.1:0.
type node struct {
	app *app.App
	url string
	// stop shuts the node down (at the latest when the test ends).
	stop func()
}

// startNode opens and serves a node until the test ends.
func startNode(t *testing.T, cfg config.Config) *node {
	t.Helper()
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
	if _, err := a.Accounts.Bootstrap(ctx, cfg.AdminEmail, "admin-password-for-tests"); err != nil {
		cancel()
		a.Close()
		t.Fatalf("bootstrap: %v", err)
	}
	ready := make(chan string, 1)
	served := make(chan error, 1)
	go func() { served <- a.Serve(ctx, func(url string) { ready <- url }) }()
	n := &node{app: a}
	select {
	case n.url = <-ready:
	case err := <-served:
		cancel()
		a.Close()
		t.Fatalf("serve: %v", err)
	case <-time.After(wait):
		t.Fatal("the node did not start")
	}
	n.stop = sync.OnceFunc(func() {
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
	t.Cleanup(n.stop)
	return n
}

// nodeConfig is a node's configuration with its own data directory. Its
// public URL is its own address, on a port picked now: the console's origin
// (which cookie-authenticated WebSocket connections must come from) is
// derived from the public URL.
func nodeConfig(t *testing.T) config.Config {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	addr := ln.Addr().String()
	ln.Close()
	cfg := config.Default()
	cfg.Addr = addr
	cfg.PublicURL = "http://" + addr
	cfg.DataDir = t.TempDir()
	cfg.ShutdownTimeout = 5 * time.Second
	return cfg
}

// env is a running installation: its nodes, the default workspace, an
// admin's API token and an inbox that allows shopOrigin.
type env struct {
	hc        *http.Client // shared by every client of the test
	nodes     []*node
	workspace *parley.Workspace
	token     string
	inbox     *client.Inbox
}

// newEnv starts one node on SQLite with the embedded bus; mods change its
// configuration.
func newEnv(t *testing.T, mods ...func(*config.Config)) *env {
	t.Helper()
	cfg := nodeConfig(t)
	for _, mod := range mods {
		mod(&cfg)
	}
	return setupEnv(t, startNode(t, cfg))
}

// newCluster starts two nodes sharing one PostgreSQL database and one
// external NATS server; it skips the test unless both are configured.
func newCluster(t *testing.T, mods ...func(*config.Config)) *env {
	t.Helper()
	db, nats := testenv.PostgresURL(t), testenv.NATSURL(t)
	var nodes []*node
	for range 2 {
		cfg := nodeConfig(t)
		cfg.DatabaseURL, cfg.NATSURL = db, nats
		for _, mod := range mods {
			mod(&cfg)
		}
		nodes = append(nodes, startNode(t, cfg))
	}
	return setupEnv(t, nodes...)
}

func setupEnv(t *testing.T, nodes ...*node) *env {
	t.Helper()
	ctx := t.Context()
	a := nodes[0].app
	ws, err := a.Store.FindWorkspaceBySlug(ctx, parley.DefaultWorkspaceSlug)
	must(t, err)
	_, token, err := a.Accounts.CreateToken(ctx, nil, ws.ID, "e2e", []parley.Scope{parley.ScopeAll})
	must(t, err)
	e := &env{nodes: nodes, workspace: ws, token: token, hc: &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}}
	// Runs before the nodes stop: a connection the transport dialled but
	// never used would hold up the server's graceful shutdown for 5 s.
	t.Cleanup(e.hc.CloseIdleConnections)
	e.inbox, err = e.admin(t, 0).CreateInbox(ctx, client.CreateInboxInput{Name: "Shop", AllowedOrigins: []string{shopOrigin}})
	must(t, err)
	return e
}

// last returns the index of the last node: the "other" node of a cluster,
// the only one otherwise.
func (e *env) last() int { return len(e.nodes) - 1 }

// admin returns a client of node i with the admin's API token.
func (e *env) admin(t *testing.T, i int) *client.Client {
	t.Helper()
	return e.client(t, e.nodes[i].url, client.WithToken(e.token))
}

// client returns a client of url sharing the env's HTTP client.
func (e *env) client(t *testing.T, url string, opts ...client.Option) *client.Client {
	t.Helper()
	c, err := client.New(url, append([]client.Option{client.WithHTTPClient(e.hc)}, opts...)...)
	must(t, err)
	return c
}

// visitor starts a guest session through the API of node i and returns a
// client with its token.
func (e *env) visitor(t *testing.T, i int) (*client.Client, *client.VisitorSession) {
	t.Helper()
	anon := e.client(t, e.nodes[i].url)
	sess, err := anon.CreateVisitorSession(t.Context(), e.inbox.ID)
	must(t, err)
	return anon.WithToken(sess.Token), sess
}

// agent creates an agent of the given role with a console session and
// returns a client of node i authenticated by that session. The agent and
// session are made directly in the store: logging in costs a password
// hash, and twenty logins would hit the per-address login limit, which is
// not what these tests are about (TestLogin logs in through the API).
func (e *env) agent(t *testing.T, i int, role parley.Role) (*client.Client, *parley.Agent) {
	t.Helper()
	ctx := t.Context()
	st := e.nodes[0].app.Store
	ag := &parley.Agent{WorkspaceID: e.workspace.ID, Email: testenv.Unique() + "@example.com", Name: "Agent", Role: role}
	must(t, st.CreateAgent(ctx, parley.SystemActor, ag, ""))
	return e.session(t, i, ag), ag
}

// session returns a client of node i authenticated by a new console
// session of agent ag (made in the store, see agent).
func (e *env) session(t *testing.T, i int, ag *parley.Agent) *client.Client {
	t.Helper()
	st := e.nodes[0].app.Store
	sec := secret.NewToken(account.SessionPrefix)
	sess := &parley.Session{
		WorkspaceID: ag.WorkspaceID, AgentID: ag.ID, CSRFToken: secret.NewToken(""),
		ExpiresAt: time.Now().Add(time.Hour),
	}
	must(t, st.CreateSession(t.Context(), sess, secret.Hash(sec)))
	return e.client(t, e.nodes[i].url, client.WithSession(sec, sess.CSRFToken))
}

// connect opens a real-time connection that is closed when the test ends.
func connect(t *testing.T, c *client.Client, opts ...client.ConnectOption) *client.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), wait)
	defer cancel()
	conn, err := c.Connect(ctx, opts...)
	if err != nil {
		t.Fatalf("connect to %s: %v", c.BaseURL(), err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// startConversation has a visitor start a conversation and write in it,
// which queues it for the agents (status pending).
func startConversation(t *testing.T, visitor *client.Client) *client.Conversation {
	t.Helper()
	ctx := t.Context()
	conv, err := visitor.CreateConversation(ctx, client.CreateConversationInput{})
	must(t, err)
	_, err = visitor.SendMessage(ctx, conv.ID, client.SendInput{Body: "Hello, I need help."})
	must(t, err)
	return conv
}

// next returns the next frame of type typ, skipping others; it fails the
// test if none comes in time.
func next(t *testing.T, conn *client.Conn, typ string) client.Frame {
	t.Helper()
	return next2(t, conn, typ, typ)
}

// next2 returns the next frame of either type.
func next2(t *testing.T, conn *client.Conn, typ1, typ2 string) client.Frame {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), wait)
	defer cancel()
	for {
		f, err := conn.Next(ctx)
		if err != nil {
			t.Fatalf("waiting for a %s frame: %v", typ1, err)
		}
		if f.Type == typ1 || f.Type == typ2 {
			return f
		}
	}
}

// nextMessage returns the next message frame's message.
func nextMessage(t *testing.T, conn *client.Conn) *client.Message {
	t.Helper()
	return next(t, conn, client.FrameMessage).Message
}

// quiet collects the frames conn receives within d.
func quiet(t *testing.T, conn *client.Conn, d time.Duration) []client.Frame {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), d)
	defer cancel()
	var out []client.Frame
	for {
		f, err := conn.Next(ctx)
		if err != nil {
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("reading frames: %v", err)
			}
			return out
		}
		out = append(out, f)
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// hostPort returns the host:port of a node's http:// URL.
func hostPort(url string) string { return strings.TrimPrefix(url, "http://") }
