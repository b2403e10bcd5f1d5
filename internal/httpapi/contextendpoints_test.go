package httpapi_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/enrich"
	"github.com/parleychat/parley/internal/httpapi"
	"github.com/parleychat/parley/internal/outbound"
	"github.com/parleychat/parley/internal/testenv"
)

// withContext gives the server a context service that may reach
// 127.0.0.1 (and nothing else internal), with the given timeout.
func withContext(t *testing.T, timeout time.Duration) serverOption {
	return func(cfg *httpapi.Config) {
		out, err := outbound.New(outbound.Config{Allow: []string{"127.0.0.1/32"}, Logger: cfg.Logger})
		if err != nil {
			t.Fatal(err)
		}
		if cfg.Context, err = enrich.New(enrich.Config{Store: cfg.Store, Outbound: out, Timeout: timeout, Logger: cfg.Logger}); err != nil {
			t.Fatal(err)
		}
	}
}

type contextEndpointBody struct {
	ID         string `json:"id"`
	InboxID    string `json:"inbox_id"`
	Title      string `json:"title"`
	URL        string `json:"url"`
	Statistics bool   `json:"statistics"`
	Secret     string `json:"secret"`
}

type contextBody struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	Items []struct {
		EndpointID string `json:"endpoint_id"`
		Title      string `json:"title"`
		Statistics bool   `json:"statistics"`
		OK         bool   `json:"ok"`
		Error      *struct {
			Reason  string `json:"reason"`
			Message string `json:"message"`
		} `json:"error"`
		Entries []struct {
			Label string `json:"label"`
			Type  string `json:"type"`
			Text  string `json:"text"`
			Links []struct {
				Label string `json:"label"`
				URL   string `json:"url"`
			} `json:"links"`
			Points []struct {
				X string  `json:"x"`
				Y float64 `json:"y"`
			} `json:"points"`
		} `json:"entries"`
	} `json:"items"`
}

// engines runs test on a server over SQLite, and over PostgreSQL when
// PARLEY_TEST_POSTGRES_URL is set.
func engines(t *testing.T, test func(t *testing.T, open func(t *testing.T, opts ...serverOption) *testServer)) {
	t.Run("SQLite", func(t *testing.T) {
		test(t, func(t *testing.T, opts ...serverOption) *testServer { return newServer(t, opts...) })
	})
	t.Run("Postgres", func(t *testing.T) {
		if os.Getenv(testenv.PostgresEnv) == "" {
			t.Skipf("set %s to run this test against PostgreSQL", testenv.PostgresEnv)
		}
		test(t, func(t *testing.T, opts ...serverOption) *testServer {
			return newServerOn(t, testenv.PostgresURL(t), opts...) // a fresh database each time
		})
	})
}

func TestContextEndpointsAdmin(t *testing.T) {
	engines(t, testContextEndpointsAdmin)
}

func testContextEndpointsAdmin(t *testing.T, open func(t *testing.T, opts ...serverOption) *testServer) {
	ts := open(t, withContext(t, time.Second))
	admin, agent := ts.member(t, parley.RoleAdmin), ts.member(t, parley.RoleAgent)
	in := ts.inbox(t)
	v := ts.guest(t, in)
	const base = "/api/v1/context-endpoints"

	var created contextEndpointBody
	ts.do(t, "POST", base, admin, map[string]any{"title": "Contact info", "url": "http://127.0.0.1:9/contact?key=k3y", "inbox_id": in.ID}).
		want(t, 201).decode(t, &created)
	if !strings.HasPrefix(created.Secret, "whsec_") || created.InboxID != in.ID || created.Statistics {
		t.Fatalf("created = %+v", created)
	}
	wh, err := standardwebhooks.NewWebhook(created.Secret)
	if err != nil || wh == nil {
		t.Fatalf("the secret is not a Standard Webhooks secret: %v", err)
	}
	// The secret is never shown again, to anyone (agents read endpoints
	// with inboxes:read).
	for _, path := range []string{base, base + "/" + created.ID} {
		for _, c := range []creds{admin, agent} {
			r := ts.do(t, "GET", path, c, nil).want(t, 200)
			if strings.Contains(string(r.body), created.Secret) || strings.Contains(string(r.body), "whsec_") {
				t.Errorf("GET %s shows the secret: %s", path, r.body)
			}
			// Only those who may change it see the URL's query.
			if got := strings.Contains(string(r.body), "key=k3y"); got != (c == admin) {
				t.Errorf("GET %s: the URL's query shown = %v: %s", path, got, r.body)
			}
		}
	}
	ts.do(t, "GET", base, v, nil).problem(t, 403, parley.EFORBIDDEN)
	var rotated contextEndpointBody
	ts.do(t, "POST", base+"/"+created.ID+"/secret", admin, nil).want(t, 200).decode(t, &rotated)
	if rotated.Secret == created.Secret || !strings.HasPrefix(rotated.Secret, "whsec_") {
		t.Errorf("rotated secret = %q", rotated.Secret)
	}
	var upd contextEndpointBody
	ts.do(t, "PATCH", base+"/"+created.ID, admin, map[string]any{"title": "Orders", "statistics": true, "inbox_id": ""}).
		want(t, 200).decode(t, &upd)
	if upd.Title != "Orders" || !upd.Statistics || upd.InboxID != "" || upd.URL != created.URL {
		t.Errorf("updated = %+v", upd)
	}

	// Refused: internal addresses that are not allow-listed, plain http to
	// a public host, other schemes, bad text, unknown inboxes, callers
	// without inboxes:write.
	for _, tc := range []struct {
		name   string
		body   any
		status int
		reason string
	}{
		{"Loopback", map[string]any{"title": "x", "url": "http://127.0.0.2:8080/"}, 422, outbound.ReasonURLPrivateAddress},
		{"Private", map[string]any{"title": "x", "url": "https://10.1.2.3/"}, 422, outbound.ReasonURLPrivateAddress},
		{"Metadata", map[string]any{"title": "x", "url": "http://169.254.169.254/latest"}, 422, outbound.ReasonURLPrivateAddress},
		{"PlainHTTP", map[string]any{"title": "x", "url": "http://93.184.215.14/"}, 422, outbound.ReasonURLScheme},
		{"Javascript", map[string]any{"title": "x", "url": "javascript:alert(1)"}, 422, outbound.ReasonURLMalformed},
		{"NoURL", map[string]any{"title": "x"}, 422, ""},
		{"NoTitle", map[string]any{"url": "https://93.184.215.14/"}, 422, ""},
		{"NULTitle", map[string]any{"title": "a\x00b", "url": "https://93.184.215.14/"}, 422, ""},
		{"LongTitle", map[string]any{"title": strings.Repeat("t", 65), "url": "https://93.184.215.14/"}, 422, ""},
		{"NULURL", map[string]any{"title": "x", "url": "https://93.184.215.14/\x00"}, 422, ""},
		// Invalid UTF-8 is refused at the edge (the text rule), not repaired.
		{"BadUTF8", `{"title": "` + "\xff" + `", "url": "https://93.184.215.14/"}`, 422, ""},
		{"UnknownInbox", map[string]any{"title": "x", "url": "https://93.184.215.14/", "inbox_id": "nope"}, 404, ""},
		{"Nested", strings.Repeat(`{"title":`, 5000), 400, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ts.do(t, "POST", base, admin, tc.body)
			if r.status != tc.status {
				t.Fatalf("status = %d, want %d: %.300s", r.status, tc.status, r.body)
			}
			if r.status == 201 {
				var e contextEndpointBody
				r.decode(t, &e)
				if !utf8.ValidString(e.Title) {
					t.Errorf("title %q is not valid UTF-8", e.Title)
				}
				ts.do(t, "DELETE", base+"/"+e.ID, admin, nil).want(t, 204)
				return
			}
			var p problemBody
			r.decode(t, &p)
			if tc.reason != "" && p.Reason != tc.reason {
				t.Errorf("reason = %q, want %q (%s)", p.Reason, tc.reason, p.Detail)
			}
		})
	}
	ts.do(t, "PATCH", base+"/"+created.ID, admin, map[string]any{"url": "https://192.168.1.1/"}).problem(t, 422, parley.EINVALID)
	ts.do(t, "POST", base, agent, map[string]any{"title": "x", "url": "https://93.184.215.14/"}).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "POST", base, v, map[string]any{"title": "x", "url": "https://93.184.215.14/"}).problem(t, 403, parley.EFORBIDDEN)

	// Another workspace's endpoint is unknown.
	other := ts.token(t, otherWorkspace(t, ts), parley.ScopeAll)
	ts.do(t, "GET", base+"/"+created.ID, other, nil).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "DELETE", base+"/"+created.ID, other, nil).problem(t, 404, parley.ENOTFOUND)

	ts.do(t, "DELETE", base+"/"+created.ID, admin, nil).want(t, 204)
	ts.do(t, "GET", base+"/"+created.ID, admin, nil).problem(t, 404, parley.ENOTFOUND)
	if strings.Contains(ts.logs.String(), "level=ERROR") {
		t.Errorf("ERROR logged:\n%s", ts.logs.String())
	}
}

// otherWorkspace creates a second workspace and returns its ID.
func otherWorkspace(t *testing.T, ts *testServer) string {
	t.Helper()
	w := &parley.Workspace{Slug: "other", Name: "Other"}
	if err := ts.store.CreateWorkspace(t.Context(), parley.SystemActor, w); err != nil {
		t.Fatal(err)
	}
	return w.ID
}

// fakeCompany is the company's side: context endpoints served by a real
// HTTP server, each path its own behaviour.
type fakeCompany struct {
	*httptest.Server
	mu       sync.Mutex
	secrets  map[string]string // path → secret
	requests map[string][]map[string]any
	hits     map[string]int
	badSig   atomic.Int32
	release  chan struct{}
}

func newFakeCompany(t *testing.T) *fakeCompany {
	f := &fakeCompany{secrets: map[string]string{}, requests: map[string][]map[string]any{}, hits: map[string]int{},
		release: make(chan struct{})}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	t.Cleanup(func() { close(f.release) })
	return f
}

func (f *fakeCompany) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.hits[r.URL.Path]++
	sec := f.secrets[r.URL.Path]
	var req map[string]any
	json.Unmarshal(body, &req)
	f.requests[r.URL.Path] = append(f.requests[r.URL.Path], req)
	f.mu.Unlock()
	if wh, err := standardwebhooks.NewWebhook(sec); err != nil || r.Method != "POST" || wh.Verify(body, r.Header) != nil {
		f.badSig.Add(1)
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	switch r.URL.Path {
	case "/contact":
		io.WriteString(w, `[{"label":"name","value":"John User"},{"label":"e-mail","value":"john@example.com"},{"label":"orders","value":7}]`)
	case "/stats":
		io.WriteString(w, `[{"label":"Unresolved tickets","value":[{"url":"https://desk.example.com/tickets/123","label":"Error closing the cart"},{"url":"HTTPS://desk.example.com/t/2"}]},
			{"label":"Total items bought","value":"7"},
			{"label":"Shopping activity","value":[{"x":"15/12/2018-10:00:00","y":3},{"x":"15/12/2018-10:10:00","y":63.5},{"x":1545,"y":-2}]}]`)
	case "/fail":
		http.Error(w, "boom", http.StatusInternalServerError)
	case "/slow":
		select {
		case <-f.release:
		case <-r.Context().Done():
		}
	case "/big":
		io.WriteString(w, `[{"label":"x","value":"`+strings.Repeat("a", enrich.MaxAnswerBytes)+`"}]`)
	default: // /bad/<case>
		io.WriteString(w, badAnswers[strings.TrimPrefix(r.URL.Path, "/bad/")])
	}
}

var badAnswers = map[string]string{
	"javascript":  `[{"label":"x","value":[{"url":"javascript:alert(1)","label":"click"}]}]`,
	"data":        `[{"label":"x","value":[{"url":"data:text/html,<script>alert(1)</script>"}]}]`,
	"relative":    `[{"label":"x","value":[{"url":"/admin"}]}]`,
	"nul":         `[{"label":"x","value":"a\u0000b"}]`,
	"invalidutf8": "[{\"label\":\"x\",\"value\":\"\xff\"}]",
	"control":     `[{"label":"a\u0007b","value":"x"}]`,
	"notjson":     `<html>oops</html>`,
	"object":      `{"label":"x","value":"y"}`,
	"nolabel":     `[{"value":"y"}]`,
	"valueobject": `[{"label":"x","value":{"a":1}}]`,
	"mixed":       `[{"label":"x","value":[{"url":"https://a.example"},{"x":"1","y":2}]}]`,
	"strings":     `[{"label":"x","value":["a","b"]}]`,
	"ynotnumber":  `[{"label":"x","value":[{"x":"1","y":"2"}]}]`,
	"longlabel":   `[{"label":"` + strings.Repeat("l", enrich.MaxLabelBytes+1) + `","value":"x"}]`,
	"manyentries": "[" + strings.Repeat(`{"label":"x","value":"y"},`, enrich.MaxEntries) + `{"label":"x","value":"y"}]`,
	"manypoints":  `[{"label":"x","value":[` + strings.Repeat(`{"x":"1","y":1},`, enrich.MaxPoints) + `{"x":"1","y":1}]}]`,
}

func (f *fakeCompany) hitsOf(path string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.hits[path]
}

// endpoint creates a context endpoint at path of the company over HTTP.
func (f *fakeCompany) endpoint(t *testing.T, ts *testServer, c creds, path string, statistics bool) contextEndpointBody {
	t.Helper()
	var e contextEndpointBody
	ts.do(t, "POST", "/api/v1/context-endpoints", c, map[string]any{"title": "T " + path, "url": f.URL + path, "statistics": statistics}).
		want(t, 201).decode(t, &e)
	f.mu.Lock()
	f.secrets[path] = e.Secret
	f.mu.Unlock()
	return e
}

func TestConversationContext(t *testing.T) {
	engines(t, testConversationContext)
}

func testConversationContext(t *testing.T, open func(t *testing.T, opts ...serverOption) *testServer) {
	ts := open(t, withContext(t, 500*time.Millisecond))
	admin, agent := ts.member(t, parley.RoleAdmin), ts.member(t, parley.RoleAgent)
	in := ts.inbox(t)
	v := ts.guest(t, in)
	conv := ts.start(t, v)
	ts.say(t, v, conv.ID, "hello")
	f := newFakeCompany(t)
	contact := f.endpoint(t, ts, admin, "/contact", false)
	stats := f.endpoint(t, ts, admin, "/stats", true)
	path := "/api/v1/conversations/" + conv.ID + "/context"

	var got contextBody
	ts.do(t, "GET", path+"?start=2026-11-01T00:00:00Z&end=2026-12-01T00:00:00Z", agent, nil).want(t, 200).decode(t, &got)
	if len(got.Items) != 2 || got.Items[0].EndpointID != contact.ID || got.Items[1].EndpointID != stats.ID {
		t.Fatalf("items = %+v", got.Items)
	}
	c, s := got.Items[0], got.Items[1]
	if !c.OK || c.Error != nil || len(c.Entries) != 3 || c.Entries[0].Label != "name" || c.Entries[0].Type != "text" ||
		c.Entries[0].Text != "John User" || c.Entries[2].Text != "7" {
		t.Errorf("contact info = %+v", c)
	}
	if !s.OK || !s.Statistics || len(s.Entries) != 3 {
		t.Fatalf("statistics = %+v", s)
	}
	if l := s.Entries[0]; l.Type != "links" || len(l.Links) != 2 || l.Links[0].URL != "https://desk.example.com/tickets/123" ||
		l.Links[0].Label != "Error closing the cart" || l.Links[1].Label != "https://desk.example.com/t/2" {
		t.Errorf("links = %+v", l)
	}
	if p := s.Entries[2]; p.Type != "series" || len(p.Points) != 3 || p.Points[1].Y != 63.5 || p.Points[2].X != "1545" {
		t.Errorf("series = %+v", p)
	}
	if f.badSig.Load() != 0 {
		t.Fatalf("%d requests failed the signature check", f.badSig.Load())
	}
	// What the endpoints received: the contact, the agent, the range for
	// statistics only.
	f.mu.Lock()
	creq, sreq := f.requests["/contact"][0], f.requests["/stats"][0]
	f.mu.Unlock()
	if creq["contact"].(map[string]any)["id"] != conv.ContactID || creq["agent"].(map[string]any)["id"] != agent.agent.ID ||
		creq["conversation"].(map[string]any)["id"] != conv.ID || creq["range"] != nil {
		t.Errorf("contact request = %v", creq)
	}
	if r, _ := sreq["range"].(map[string]any); r["start"] != "2026-11-01T00:00:00Z" || r["end"] != "2026-12-01T00:00:00Z" {
		t.Errorf("statistics request range = %v", sreq["range"])
	}

	t.Run("Cache", func(t *testing.T) {
		before, beforeStats := f.hitsOf("/contact"), f.hitsOf("/stats")
		ts.do(t, "GET", path+"?start=2026-11-01T00:00:00Z&end=2026-12-01T00:00:00Z", agent, nil).want(t, 200)
		if f.hitsOf("/contact") != before || f.hitsOf("/stats") != beforeStats {
			t.Errorf("the same question within the cache's lifetime called the endpoints again")
		}
		// Another range asks the statistics endpoint again, not the other.
		ts.do(t, "GET", path+"?start=2026-10-01T00:00:00Z&end=2026-12-01T00:00:00Z", agent, nil).want(t, 200)
		if f.hitsOf("/contact") != before || f.hitsOf("/stats") != beforeStats+1 {
			t.Errorf("hits = %d, %d; want %d, %d", f.hitsOf("/contact"), f.hitsOf("/stats"), before, beforeStats+1)
		}
		// Another agent is another question (the endpoint may answer per agent).
		ts.do(t, "GET", path, admin, nil).want(t, 200)
		if f.hitsOf("/contact") != before+1 {
			t.Errorf("another agent got the first agent's cached answer")
		}
	})

	t.Run("OneEndpoint", func(t *testing.T) {
		var one contextBody
		ts.do(t, "GET", path+"?endpoint_id="+stats.ID, agent, nil).want(t, 200).decode(t, &one)
		if len(one.Items) != 1 || one.Items[0].EndpointID != stats.ID || !one.Items[0].OK {
			t.Errorf("items = %+v, want the statistics endpoint's only", one.Items)
		}
		ts.do(t, "GET", path+"?endpoint_id=nope", agent, nil).want(t, 200).decode(t, &one)
		if len(one.Items) != 0 {
			t.Errorf("an unknown endpoint gave %d items", len(one.Items))
		}
		// An endpoint of another inbox does not serve this conversation.
		other := ts.inbox(t)
		var e contextEndpointBody
		ts.do(t, "POST", "/api/v1/context-endpoints", admin, map[string]any{"title": "Other", "url": f.URL + "/contact", "inbox_id": other.ID}).
			want(t, 201).decode(t, &e)
		ts.do(t, "GET", path+"?endpoint_id="+e.ID, agent, nil).want(t, 200).decode(t, &one)
		if len(one.Items) != 0 {
			t.Errorf("another inbox's endpoint answered: %+v", one.Items)
		}
		ts.do(t, "GET", path, agent, nil).want(t, 200).decode(t, &one)
		if len(one.Items) != 2 {
			t.Errorf("%d items, want 2 (not the other inbox's endpoint)", len(one.Items))
		}
		ts.do(t, "DELETE", "/api/v1/context-endpoints/"+e.ID, admin, nil).want(t, 204)
	})

	t.Run("BadRequests", func(t *testing.T) {
		ts.do(t, "GET", path+"?endpoint_id=%00", agent, nil).problem(t, 422, parley.EINVALID)
		ts.do(t, "GET", path+"?endpoint_id=%ff", agent, nil).problem(t, 422, parley.EINVALID)
		ts.do(t, "GET", path+"?endpoint_id="+strings.Repeat("a", 65), agent, nil).problem(t, 422, parley.EINVALID)
		for _, q := range []string{"?start=yesterday", "?end=2026-13-01T00:00:00Z", "?start=2026-12-02T00:00:00Z&end=2026-12-01T00:00:00Z",
			"?start=2020-01-01T00:00:00Z&end=2026-12-01T00:00:00Z", "?start=%00"} {
			ts.do(t, "GET", path+q, agent, nil).problem(t, 422, parley.EINVALID)
		}
		ts.do(t, "GET", path, v, nil).problem(t, 403, parley.EFORBIDDEN)
		ts.do(t, "GET", "/api/v1/conversations/nope/context", agent, nil).problem(t, 404, parley.ENOTFOUND)
		other := ts.token(t, otherWorkspace(t, ts), parley.ScopeAll)
		ts.do(t, "GET", path, other, nil).problem(t, 404, parley.ENOTFOUND)
	})

	t.Run("Failures", func(t *testing.T) {
		ts := open(t, withContext(t, 300*time.Millisecond))
		admin, agent := ts.member(t, parley.RoleAdmin), ts.member(t, parley.RoleAgent)
		in := ts.inbox(t)
		v := ts.guest(t, in)
		conv := ts.start(t, v)
		ts.say(t, v, conv.ID, "hello")
		f := newFakeCompany(t)
		good := f.endpoint(t, ts, admin, "/contact", false)
		fail := f.endpoint(t, ts, admin, "/fail", false)
		slow := f.endpoint(t, ts, admin, "/slow", false)
		big := f.endpoint(t, ts, admin, "/big", false)
		// A URL that was fine when saved but now leads to an address that
		// is not allow-listed (127.0.0.2): refused when connecting.
		refused := &parley.ContextEndpoint{WorkspaceID: ts.ws.ID, Title: "Refused", URL: strings.Replace(f.URL, "127.0.0.1", "127.0.0.2", 1) + "/contact",
			Secret: enrich.NewSecret()}
		if err := ts.store.CreateContextEndpoint(t.Context(), parley.SystemActor, refused); err != nil {
			t.Fatal(err)
		}
		var got contextBody
		ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/context", agent, nil).want(t, 200).decode(t, &got)
		want := map[string]string{good.ID: "", fail.ID: enrich.ReasonFailed, slow.ID: enrich.ReasonTimeout,
			big.ID: enrich.ReasonAnswer, refused.ID: enrich.ReasonRefused}
		if len(got.Items) != len(want) {
			t.Fatalf("%d items, want %d", len(got.Items), len(want))
		}
		for _, it := range got.Items {
			reason := ""
			if it.Error != nil {
				reason = it.Error.Reason
				if it.Error.Message == "" || it.OK {
					t.Errorf("%s: error without message or marked ok: %+v", it.Title, it)
				}
			}
			if reason != want[it.EndpointID] {
				t.Errorf("%s: reason %q, want %q (%+v)", it.Title, reason, want[it.EndpointID], it.Error)
			}
		}
		if got.Items[1].Error != nil && !strings.Contains(got.Items[1].Error.Message, "500") {
			t.Errorf("the failure's message does not name the status: %q", got.Items[1].Error.Message)
		}
		// A failure is not cached: the endpoint is asked again.
		n := f.hitsOf("/fail")
		ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/context", agent, nil).want(t, 200)
		if f.hitsOf("/fail") != n+1 {
			t.Errorf("a failed answer was cached")
		}
	})

	t.Run("BadAnswers", func(t *testing.T) {
		ts := open(t, withContext(t, 2*time.Second))
		admin, agent := ts.member(t, parley.RoleAdmin), ts.member(t, parley.RoleAgent)
		in := ts.inbox(t)
		v := ts.guest(t, in)
		conv := ts.start(t, v)
		ts.say(t, v, conv.ID, "hello")
		f := newFakeCompany(t)
		names := map[string]string{}
		for name := range badAnswers {
			if len(names) == parley.MaxContextEndpoints {
				// The workspace limit: the rest in a second round.
				break
			}
			names[f.endpoint(t, ts, admin, "/bad/"+name, false).ID] = name
		}
		check := func() {
			var got contextBody
			ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/context", agent, nil).want(t, 200).decode(t, &got)
			for _, it := range got.Items {
				if it.OK || it.Error == nil || it.Error.Reason != enrich.ReasonAnswer || len(it.Entries) != 0 {
					t.Errorf("%s: %+v, want a context_answer error and no entries", names[it.EndpointID], it)
				}
			}
			if len(got.Items) != len(names) {
				t.Errorf("%d items, want %d", len(got.Items), len(names))
			}
		}
		check()
		for id := range names {
			ts.do(t, "DELETE", "/api/v1/context-endpoints/"+id, admin, nil).want(t, 204)
		}
		done := names
		names = map[string]string{}
		for name := range badAnswers {
			if !mapHas(done, name) {
				names[f.endpoint(t, ts, admin, "/bad/"+name, false).ID] = name
			}
		}
		check()
		if strings.Contains(ts.logs.String(), "level=ERROR") {
			t.Errorf("ERROR logged:\n%s", ts.logs.String())
		}
	})

	// NeverDelaysTheChat: while an endpoint hangs, the conversation goes
	// on; the context request ends with a timeout for that endpoint only.
	t.Run("NeverDelaysTheChat", func(t *testing.T) {
		ts := open(t, withContext(t, time.Hour))
		admin, agent := ts.member(t, parley.RoleAdmin), ts.member(t, parley.RoleAgent)
		in := ts.inbox(t)
		v := ts.guest(t, in)
		conv := ts.start(t, v)
		ts.say(t, v, conv.ID, "hello")
		f := newFakeCompany(t)
		f.endpoint(t, ts, admin, "/slow", false)
		done := make(chan *result, 1)
		go func() {
			req, _ := http.NewRequest("GET", ts.URL+"/api/v1/conversations/"+conv.ID+"/context", nil)
			agent.apply(req)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				done <- &result{status: -1}
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			done <- &result{status: resp.StatusCode, body: b}
		}()
		eventually(t, "the endpoint is called", func() bool { return f.hitsOf("/slow") == 1 })
		ts.say(t, agent, conv.ID, "how can I help?")
		ts.say(t, v, conv.ID, "thanks")
		if msgs := ts.messages(t, agent, conv.ID, ""); len(msgs) < 3 {
			t.Errorf("%d messages while the endpoint hangs", len(msgs))
		}
		select {
		case r := <-done:
			t.Fatalf("the context request ended before the endpoint answered: %d %s", r.status, r.body)
		default:
		}
		f.release <- struct{}{}
		r := <-done
		if r.status != 200 {
			t.Fatalf("status %d: %s", r.status, r.body)
		}
	})
	// Busy: at most enrich.MaxInFlight calls to one endpoint are under way;
	// the next is refused at once, not queued behind them.
	t.Run("Busy", func(t *testing.T) {
		ts := open(t, withContext(t, time.Hour))
		admin, agent := ts.member(t, parley.RoleAdmin), ts.member(t, parley.RoleAgent)
		in := ts.inbox(t)
		v := ts.guest(t, in)
		conv := ts.start(t, v)
		ts.say(t, v, conv.ID, "hello")
		f := newFakeCompany(t)
		f.endpoint(t, ts, admin, "/slow", false)
		path := ts.URL + "/api/v1/conversations/" + conv.ID + "/context"
		var wg sync.WaitGroup
		for range enrich.MaxInFlight {
			wg.Go(func() {
				req, _ := http.NewRequest("GET", path, nil)
				agent.apply(req)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Errorf("context request: %v", err)
					return
				}
				resp.Body.Close()
			})
		}
		eventually(t, "the endpoint is called MaxInFlight times", func() bool { return f.hitsOf("/slow") == enrich.MaxInFlight })
		var got contextBody
		ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/context", agent, nil).want(t, 200).decode(t, &got)
		if len(got.Items) != 1 || got.Items[0].Error == nil || got.Items[0].Error.Reason != enrich.ReasonBusy {
			t.Errorf("items = %+v, want context_busy", got.Items)
		}
		if n := f.hitsOf("/slow"); n != enrich.MaxInFlight {
			t.Errorf("the endpoint was called %d times, want %d", n, enrich.MaxInFlight)
		}
		for range enrich.MaxInFlight {
			f.release <- struct{}{}
		}
		wg.Wait()
		// Once they have answered, the endpoint answers again.
		var after contextBody
		ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/context", agent, nil).want(t, 200).decode(t, &after)
		if len(after.Items) != 1 || !after.Items[0].OK {
			t.Errorf("after the calls ended: %+v", after.Items)
		}
	})
}

func mapHas(m map[string]string, v string) bool {
	for _, x := range m {
		if x == v {
			return true
		}
	}
	return false
}
