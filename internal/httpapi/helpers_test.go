package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
	"github.com/parleychat/parley/internal/avatar"
	"github.com/parleychat/parley/internal/bus"
	"github.com/parleychat/parley/internal/conversation"
	"github.com/parleychat/parley/internal/httpapi"
	"github.com/parleychat/parley/internal/identity"
	"github.com/parleychat/parley/internal/outbound"
	"github.com/parleychat/parley/internal/store"
)

const adminPassword = "admin-password-1"

// testServer is the API over a fresh SQLite store and the real embedded
// bus, served by httptest. The default workspace's admin (a system
// administrator) is admin@example.com with adminPassword.
type testServer struct {
	*httptest.Server
	store *store.Store
	bus   *bus.Bus
	accts *account.Service
	conv  *conversation.Service
	ws    *parley.Workspace
	admin *parley.Agent
	logs  *syncBuffer
}

type serverOption func(*httpapi.Config)

func newServer(t testing.TB, opts ...serverOption) *testServer {
	t.Helper()
	return newServerOn(t, "sqlite:"+filepath.Join(t.TempDir(), "p.db"), opts...)
}

// newServerOn is newServer over the database at databaseURL (see
// store.Open): a PostgreSQL one from testenv.PostgresURL, say.
func newServerOn(t testing.TB, databaseURL string, opts ...serverOption) *testServer {
	t.Helper()
	ctx := context.Background()
	logs := &syncBuffer{}
	logger := slog.New(slog.NewTextHandler(logs, nil))
	st, err := store.Open(ctx, databaseURL, logger)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	b, err := bus.Open(ctx, bus.Config{StoreDir: t.TempDir(), Name: "parley-test"}, logger)
	if err != nil {
		t.Fatalf("open bus: %v", err)
	}
	t.Cleanup(func() { b.Close() })
	// Pictures of external agents are fetched from the tests' own servers,
	// on 127.0.0.1 (allow-listed, so also over plain http).
	out, err := outbound.New(outbound.Config{Allow: []string{"127.0.0.1/32"}, Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	conv, err := conversation.New(conversation.Config{Store: st, Bus: b, Subject: bus.Subject, Logger: logger,
		Avatars: avatar.New(st, out)})
	if err != nil {
		t.Fatalf("conversation.New: %v", err)
	}
	t.Cleanup(func() { conv.Close() })
	accts := account.New(st, account.Options{Logger: logger})
	boot, err := accts.Bootstrap(ctx, "admin@example.com", adminPassword)
	if err != nil {
		t.Fatalf("Bootstrap: %v", err)
	}
	cfg := httpapi.Config{
		Store: st, Accounts: accts, Conversations: conv, Identity: identity.New(st, identity.Options{Logger: logger}),
		Logger: logger, Registry: prometheus.NewRegistry(),
		ReadyChecks: []httpapi.Check{{Name: "database", Func: st.Ping}},
		Version:     "test",
	}
	for _, o := range opts {
		o(&cfg)
	}
	h, err := httpapi.New(cfg)
	if err != nil {
		t.Fatalf("httpapi.New: %v", err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &testServer{Server: srv, store: st, bus: b, accts: accts, conv: conv, ws: boot.Workspace, admin: boot.Admin, logs: logs}
}

// creds are the credentials of a request.
type creds interface{ apply(r *http.Request) }

// bearer is an API token secret.
type bearer string

func (b bearer) apply(r *http.Request) { r.Header.Set("Authorization", "Bearer "+string(b)) }

// session is a console login: the session cookie, and the CSRF token sent
// as X-CSRF-Token when set.
type session struct{ secret, csrf string }

func (s session) apply(r *http.Request) {
	r.AddCookie(&http.Cookie{Name: "parley_session", Value: s.secret})
	if s.csrf != "" {
		r.Header.Set("X-CSRF-Token", s.csrf)
	}
}

// result is a response, read in full.
type result struct {
	status int
	header http.Header
	body   []byte
}

// do sends a request with c (nil for none) and body (nil, a string sent
// as is, or a value sent as JSON).
func (ts *testServer) do(t testing.TB, method, path string, c creds, body any) *result {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, ts.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c != nil {
		c.apply(req)
	}
	return ts.send(t, req)
}

func (ts *testServer) send(t testing.TB, req *http.Request) *result {
	t.Helper()
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return &result{status: resp.StatusCode, header: resp.Header, body: b}
}

// want fails the test unless the status is status.
func (r *result) want(t testing.TB, status int) *result {
	t.Helper()
	if r.status != status {
		t.Fatalf("status = %d, want %d; body: %s", r.status, status, r.body)
	}
	return r
}

// decode unmarshals the body into v.
func (r *result) decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decode %s: %v", r.body, err)
	}
}

// problemBody is the error body of the API.
type problemBody struct {
	Title     string `json:"title"`
	Status    int    `json:"status"`
	Detail    string `json:"detail"`
	Code      string `json:"code"`
	Reason    string `json:"reason"`
	RequestID string `json:"request_id"`
	Errors    []struct {
		Location string `json:"location"`
		Message  string `json:"message"`
	} `json:"errors"`
}

// problem checks that r is a problem+json error with status and code, and
// returns it.
func (r *result) problem(t testing.TB, status int, code string) problemBody {
	t.Helper()
	r.want(t, status)
	if ct := r.header.Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("Content-Type = %q, want application/problem+json", ct)
	}
	var p problemBody
	r.decode(t, &p)
	if p.Code != code || p.Status != status {
		t.Fatalf("problem = %+v, want code %q status %d", p, code, status)
	}
	return p
}

// locations returns the sorted error locations of a problem.
func (p problemBody) locations() []string {
	var locs []string
	for _, e := range p.Errors {
		locs = append(locs, e.Location)
	}
	slices.Sort(locs)
	return locs
}

// token creates an API token of workspaceID through the operator path and
// returns its secret.
func (ts *testServer) token(t testing.TB, workspaceID string, scopes ...parley.Scope) bearer {
	t.Helper()
	_, sec, err := ts.accts.CreateToken(context.Background(), nil, workspaceID, "test", scopes)
	if err != nil {
		t.Fatalf("CreateToken: %v", err)
	}
	return bearer(sec)
}

// agent creates an agent of the default workspace whose password is
// "password-" + email.
func (ts *testServer) agent(t testing.TB, email string, role parley.Role) *parley.Agent {
	t.Helper()
	a := &parley.Agent{WorkspaceID: ts.ws.ID, Email: email, Name: email, Role: role}
	if err := ts.accts.CreateAgent(context.Background(), parley.SystemActor, a, "password-"+email); err != nil {
		t.Fatalf("CreateAgent: %v", err)
	}
	return a
}

// login logs in over HTTP and returns the session with its CSRF token.
func (ts *testServer) login(t testing.TB, email, password string) session {
	t.Helper()
	r := ts.do(t, "POST", "/api/v1/auth/login", nil, map[string]string{"email": email, "password": password}).want(t, 200)
	var body struct {
		CSRFToken string `json:"csrf_token"`
	}
	r.decode(t, &body)
	s := session{csrf: body.CSRFToken}
	for _, c := range (&http.Response{Header: r.header}).Cookies() {
		if c.Name == "parley_session" {
			s.secret = c.Value
		}
	}
	if s.secret == "" || s.csrf == "" {
		t.Fatalf("login set no session: headers %v body %s", r.header, r.body)
	}
	return s
}

// eventually polls cond until it holds or 5 s pass.
func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// syncBuffer is a bytes.Buffer safe for the server's logger and the test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
