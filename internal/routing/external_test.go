package routing_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/outbound"
	"github.com/parleychat/parley/internal/routing"
	"github.com/parleychat/parley/internal/stdwebhook"
)

// externalQueue makes the default queue external, routed by url with secret.
func (w *world) externalQueue(t *testing.T, url, secret string, timeout time.Duration) *parley.Queue {
	t.Helper()
	st := parley.StrategyExternal
	q, err := w.s.DefaultQueue(t.Context(), w.ws.ID)
	must(t, err)
	q, err = w.s.UpdateQueue(t.Context(), system, w.ws.ID, q.ID, parley.QueueUpdate{Strategy: &st,
		External: &parley.ExternalRouter{URL: url, Secret: secret, Timeout: timeout, Fallback: parley.StrategyRoundRobin}})
	must(t, err)
	return q
}

func (w *world) externalRouter(t *testing.T) *routing.Router {
	t.Helper()
	ob, err := outbound.New(outbound.Config{Allow: []string{"127.0.0.1/32"}})
	must(t, err)
	r, err := routing.New(routing.Config{Store: w.s, Outbound: ob})
	must(t, err)
	return r
}

func (w *world) assignee(t *testing.T, id string) string {
	t.Helper()
	c, err := w.s.FindConversation(t.Context(), w.ws.ID, id)
	must(t, err)
	return c.AssigneeID
}

// The external router gets a signed request naming the conversation and
// the eligible agents, and its answer assigns.
func TestExternalRouterAssigns(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		as := w.agents(t, 3, 0)
		secret := stdwebhook.NewSecret()
		verifier, err := standardwebhooks.NewWebhook(secret)
		must(t, err)
		var calls atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			if err := verifier.Verify(body, r.Header); err != nil {
				t.Errorf("signature: %v", err)
				http.Error(rw, "bad signature", 401)
				return
			}
			var req routing.ExternalRequest
			if err := json.Unmarshal(body, &req); err != nil || req.Type != "routing.request" || req.Conversation == nil ||
				req.Conversation.Status != parley.StatusPending || len(req.Agents) != 3 {
				t.Errorf("request = %s (%v)", body, err)
			}
			calls.Add(1)
			// Always the last agent: not what the fallback would choose.
			json.NewEncoder(rw).Encode(routing.ExternalResponse{AgentID: req.Agents[len(req.Agents)-1].AgentID})
		}))
		t.Cleanup(srv.Close)
		q := w.externalQueue(t, srv.URL, secret, 0)
		ids := w.pending(t, 2)
		n, err := w.externalRouter(t).RouteQueue(t.Context(), w.ws.ID, q.ID)
		must(t, err)
		if n != 2 || calls.Load() != 2 {
			t.Fatalf("assigned %d after %d calls", n, calls.Load())
		}
		for _, id := range ids {
			if got := w.assignee(t, id); got != as[2].ID {
				t.Errorf("assigned to %s, want the service's choice %s", got, as[2].ID)
			}
		}
	})
}

// When the service is down, slow, failing or answers nonsense, the
// fallback strategy assigns (after at most the router's timeout).
func TestExternalRouterFallback(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		as := w.agents(t, 2, 0)
		secret := stdwebhook.NewSecret()
		down := httptest.NewServer(http.NotFoundHandler())
		down.Close()
		slow := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			io.ReadAll(r.Body)   // then the server notices when Parley hangs up
			<-r.Context().Done() // never answers; Parley gives up at the timeout
		}))
		t.Cleanup(slow.Close)
		failing := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			http.Error(rw, "oops", 500)
		}))
		t.Cleanup(failing.Close)
		nonsense := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			rw.Write([]byte(`{"agent_id": "someone-else\u0000"}`))
		}))
		t.Cleanup(nonsense.Close)
		for _, c := range []struct {
			name string
			url  string
		}{{"Down", down.URL}, {"Slow", slow.URL}, {"Failing", failing.URL}, {"Nonsense", nonsense.URL}} {
			t.Run(c.name, func(t *testing.T) {
				q := w.externalQueue(t, c.url, secret, 200*time.Millisecond)
				ids := w.pending(t, 1)
				n, err := w.externalRouter(t).RouteQueue(t.Context(), w.ws.ID, q.ID)
				must(t, err)
				if n != 1 {
					t.Fatalf("assigned %d, want 1 by the fallback", n)
				}
				if got := w.assignee(t, ids[0]); got != as[0].ID && got != as[1].ID {
					t.Errorf("assigned to %q", got)
				}
			})
		}
	})
}
