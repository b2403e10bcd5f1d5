package httpapi_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/httpapi"
)

func TestHealthz(t *testing.T) {
	ts := newServer(t)
	r := ts.do(t, "GET", "/healthz", nil, nil).want(t, 200)
	if got := strings.TrimSpace(string(r.body)); got != `{"status":"ok"}` {
		t.Errorf("body = %s", got)
	}
}

func TestReadyz(t *testing.T) {
	ts := newServer(t)
	ts.do(t, "GET", "/readyz", nil, nil).want(t, 200)

	failing := newServer(t, func(c *httpapi.Config) {
		c.ReadyChecks = append(c.ReadyChecks,
			httpapi.Check{Name: "bus", Func: func(context.Context) error { return errors.New("nats: no servers") }},
			httpapi.Check{Name: "slow", Func: func(ctx context.Context) error { <-ctx.Done(); return ctx.Err() }},
		)
	})
	r := failing.do(t, "GET", "/readyz", nil, nil).want(t, 503)
	var body struct {
		Status  string   `json:"status"`
		Failing []string `json:"failing"`
	}
	r.decode(t, &body)
	if body.Status != "unavailable" || strings.Join(body.Failing, ",") != "bus,slow" {
		t.Errorf("body = %+v, want the failing checks bus and slow", body)
	}
	if strings.Contains(string(r.body), "nats:") {
		t.Errorf("readiness body leaks the check's error: %s", r.body)
	}
}

// A failing dependency makes /readyz answer 503 at every probe, but is
// logged once at error level when it starts failing and once when it
// recovers; the probes themselves are not logged as errors.
func TestReadyzLogsStateChanges(t *testing.T) {
	var down atomic.Bool
	ts := newServer(t, func(c *httpapi.Config) {
		c.ReadyChecks = append(c.ReadyChecks, httpapi.Check{Name: "bus", Func: func(context.Context) error {
			if down.Load() {
				return errors.New("nats: connection closed")
			}
			return nil
		}})
	})
	count := func(substr string) int {
		n := 0
		for line := range strings.Lines(ts.logs.String()) {
			if strings.Contains(line, substr) {
				n++
			}
		}
		return n
	}
	probe := func(status int) {
		t.Helper()
		ts.do(t, "GET", "/readyz", nil, nil).want(t, status)
	}
	probe(200)
	down.Store(true)
	for range 5 {
		probe(503)
	}
	up := func() {
		down.Store(false)
		for range 3 {
			probe(200)
		}
	}
	up()
	down.Store(true)
	probe(503)
	up()
	if n := count(`level=ERROR msg="readiness check failing; /readyz answers 503 until it recovers" check=bus`); n != 2 {
		t.Errorf("%d lines say the bus check started failing, want 2 (one per outage):\n%s", n, ts.logs)
	}
	if n := count(`level=INFO msg="readiness check recovered" check=bus`); n != 2 {
		t.Errorf("%d lines say the bus check recovered, want 2:\n%s", n, ts.logs)
	}
	if n := count("level=ERROR"); n != 2 {
		t.Errorf("%d error lines, want the 2 state changes only:\n%s", n, ts.logs)
	}
	if n := count("check=database"); n != 0 {
		t.Errorf("the healthy database check was logged:\n%s", ts.logs)
	}
}

func TestMetrics(t *testing.T) {
	ts := newServer(t)
	ts.do(t, "GET", "/healthz", nil, nil).want(t, 200)
	ts.do(t, "GET", "/api/v1/agents/some-id", nil, nil).want(t, 401)
	ts.do(t, "GET", "/no/such/page", nil, nil).want(t, 404)
	r := ts.do(t, "GET", "/metrics", nil, nil).want(t, 200)
	for _, want := range []string{
		`parley_http_requests_total{method="GET",route="/healthz",status="200"} 1`,
		`parley_http_requests_total{method="GET",route="/api/v1/agents/{id}",status="401"} 1`,
		`parley_http_requests_total{method="GET",route="unmatched",status="404"} 1`,
		`parley_http_request_duration_seconds_bucket{method="GET",route="/healthz",le="+Inf"} 1`,
	} {
		if !strings.Contains(string(r.body), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if strings.Contains(string(r.body), "some-id") || strings.Contains(string(r.body), "/no/such/page") {
		t.Error("metrics are labelled with raw paths")
	}
}

func TestMetricsSharedRegistry(t *testing.T) {
	// Two handlers on one registry (e.g. two API instances in one process)
	// share the collectors instead of failing to register.
	reg := prometheus.NewRegistry()
	shared := func(c *httpapi.Config) { c.Registry = reg }
	a, b := newServer(t, shared), newServer(t, shared)
	a.do(t, "GET", "/healthz", nil, nil).want(t, 200)
	b.do(t, "GET", "/healthz", nil, nil).want(t, 200)
	r := a.do(t, "GET", "/metrics", nil, nil).want(t, 200)
	if want := `parley_http_requests_total{method="GET",route="/healthz",status="200"} 2`; !strings.Contains(string(r.body), want) {
		t.Errorf("metrics lack %s", want)
	}
}

func TestRequestID(t *testing.T) {
	ts := newServer(t)

	req, _ := http.NewRequest("GET", ts.URL+"/api/v1/me", nil)
	req.Header.Set("X-Request-ID", "abc.DEF-123_x")
	r := ts.send(t, req)
	if got := r.header.Get("X-Request-ID"); got != "abc.DEF-123_x" {
		t.Errorf("X-Request-ID = %q, want the incoming one", got)
	}
	if p := r.problem(t, 401, "unauthorized"); p.RequestID != "abc.DEF-123_x" {
		t.Errorf("problem request_id = %q", p.RequestID)
	}
	eventually(t, "the request log line", func() bool {
		return strings.Contains(ts.logs.String(), "request_id=abc.DEF-123_x")
	})
	for _, line := range strings.Split(ts.logs.String(), "\n") {
		if strings.Contains(line, "request_id=abc.DEF-123_x") && strings.Contains(line, "http request") {
			for _, want := range []string{"method=GET", "route=/api/v1/me", "status=401", "duration=", "bytes=", "client_ip=127.0.0.1"} {
				if !strings.Contains(line, want) {
					t.Errorf("log line %q lacks %s", line, want)
				}
			}
		}
	}

	for _, bad := range []string{"has space", strings.Repeat("x", 65), "semi;colon"} {
		req, _ := http.NewRequest("GET", ts.URL+"/healthz", nil)
		req.Header.Set("X-Request-ID", bad)
		got := ts.send(t, req).header.Get("X-Request-ID")
		if got == bad || got == "" {
			t.Errorf("incoming id %q: echoed %q, want a generated one", bad, got)
		}
	}
	a := ts.do(t, "GET", "/healthz", nil, nil).header.Get("X-Request-ID")
	b := ts.do(t, "GET", "/healthz", nil, nil).header.Get("X-Request-ID")
	if a == "" || a == b {
		t.Errorf("generated ids %q and %q, want two different ones", a, b)
	}
}

func TestHome(t *testing.T) {
	ts := newServer(t, func(c *httpapi.Config) {
		c.Home = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("welcome")) })
	})
	if r := ts.do(t, "GET", "/", nil, nil).want(t, 200); string(r.body) != "welcome" {
		t.Errorf("GET / = %s", r.body)
	}
	ts.do(t, "GET", "/other", nil, nil).want(t, 404)
}

func TestPanicRecovery(t *testing.T) {
	ts := newServer(t, func(c *httpapi.Config) {
		c.Home = http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") })
	})
	p := ts.do(t, "GET", "/", nil, nil).problem(t, 500, "internal")
	if p.Detail != "Internal error." || p.RequestID == "" {
		t.Errorf("problem = %+v", p)
	}
	eventually(t, "the panic in the log", func() bool {
		logs := ts.logs.String()
		return strings.Contains(logs, "panic serving request") && strings.Contains(logs, "request_id="+p.RequestID) &&
			strings.Contains(logs, "boom")
	})
	ts.do(t, "GET", "/healthz", nil, nil).want(t, 200) // the server lives on
}

// TestInternalError checks that an unexpected error reaches the caller only
// as "Internal error." and is logged with the request id.
func TestInternalError(t *testing.T) {
	ts := newServer(t)
	tok := ts.token(t, ts.ws.ID, parley.ScopeAll)
	ts.store.Close() // every query fails from now on

	p := ts.do(t, "GET", "/api/v1/agents", tok, nil).problem(t, 500, "internal")
	if p.Detail != "Internal error." || strings.Contains(p.Detail, "sql") {
		t.Errorf("problem = %+v", p)
	}
	eventually(t, "the error in the log", func() bool {
		for _, line := range strings.Split(ts.logs.String(), "\n") {
			if strings.Contains(line, "internal error") && strings.Contains(line, "request_id="+p.RequestID) && strings.Contains(line, "err=") {
				return true
			}
		}
		return false
	})
	ts.do(t, "GET", "/readyz", nil, nil).want(t, 503)
	ts.do(t, "GET", "/healthz", nil, nil).want(t, 200)
}
