package webhook_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/outbound"
	"github.com/parleychat/parley/internal/stdwebhook"
	"github.com/parleychat/parley/internal/store"
	"github.com/parleychat/parley/internal/testenv"
	"github.com/parleychat/parley/internal/webhook"
)

var system = parley.SystemActor

// fixture is a store with a workspace and an inbox.
type fixture struct {
	store *store.Store
	ws    *parley.Workspace
	inbox *parley.Inbox
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	return newFixtureOn(t, "sqlite:"+filepath.Join(t.TempDir(), "p.db"))
}

func newFixtureOn(t *testing.T, url string) *fixture {
	t.Helper()
	s, err := store.Open(context.Background(), url, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	w := &parley.Workspace{Slug: "ws", Name: "WS"}
	must(t, s.CreateWorkspace(t.Context(), system, w))
	in := &parley.Inbox{WorkspaceID: w.ID, Name: "Site"}
	must(t, s.CreateInbox(t.Context(), system, in))
	return &fixture{store: s, ws: w, inbox: in}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// conversation starts a conversation of a new contact.
func (f *fixture) conversation(t *testing.T) (*parley.Conversation, *parley.Contact) {
	t.Helper()
	c := &parley.Contact{WorkspaceID: f.ws.ID, Name: "Visitor"}
	must(t, f.store.CreateContact(t.Context(), c))
	conv := &parley.Conversation{WorkspaceID: f.ws.ID, InboxID: f.inbox.ID, ContactID: c.ID}
	_, err := f.store.CreateConversation(t.Context(), conv, parley.Participant{Type: parley.ParticipantContact, ID: c.ID})
	must(t, err)
	return conv, c
}

func (f *fixture) say(t *testing.T, conv *parley.Conversation, c *parley.Contact, body string) {
	t.Helper()
	_, err := f.store.AppendMessage(t.Context(), parley.MessageInput{
		WorkspaceID: f.ws.ID, ConversationID: conv.ID, Kind: parley.KindText,
		Sender: parley.Sender{Type: parley.ParticipantContact, ID: c.ID}, Body: body,
	})
	must(t, err)
}

func (f *fixture) endpoint(t *testing.T, url string, types ...string) *parley.WebhookEndpoint {
	t.Helper()
	e := &parley.WebhookEndpoint{WorkspaceID: f.ws.ID, URL: url, EventTypes: types, Enabled: true, Secret: stdwebhook.NewSecret()}
	must(t, f.store.CreateWebhookEndpoint(t.Context(), system, e))
	return e
}

// received is one request the receiver verified.
type received struct {
	id, typ, body string
	header        http.Header
	payload       parley.WebhookPayload
}

// receiver is a webhook endpoint that verifies every request with the
// Standard Webhooks specification's own library, and answers what answer
// says for the n-th attempt of a webhook-id (1-based).
type receiver struct {
	t      *testing.T
	srv    *httptest.Server
	secret string
	answer func(id string, attempt int) int

	mu       sync.Mutex
	all      []received // every verified request, in arrival order
	attempts map[string]int
	bad      []string // requests that failed verification
}

func newReceiver(t *testing.T, answer func(id string, attempt int) int) *receiver {
	r := &receiver{t: t, answer: answer, attempts: map[string]int{}}
	r.srv = httptest.NewServer(http.HandlerFunc(r.serve))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *receiver) serve(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	r.mu.Lock()
	secret := r.secret
	r.mu.Unlock()
	wh, err := standardwebhooks.NewWebhook(secret)
	if err == nil {
		err = wh.Verify(body, req.Header)
	}
	var p parley.WebhookPayload
	if err == nil {
		err = json.Unmarshal(body, &p)
	}
	id := req.Header.Get("webhook-id")
	r.mu.Lock()
	if err != nil {
		r.bad = append(r.bad, fmt.Sprintf("%s: %v", id, err))
		r.mu.Unlock()
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	r.attempts[id]++
	n := r.attempts[id]
	r.all = append(r.all, received{id: id, typ: string(p.Type), body: string(body), header: req.Header.Clone(), payload: p})
	r.mu.Unlock()
	code := http.StatusOK
	if r.answer != nil {
		code = r.answer(id, n)
	}
	w.WriteHeader(code)
	fmt.Fprintf(w, "answer %d to attempt %d", code, n)
}

func (r *receiver) setSecret(s string) {
	r.mu.Lock()
	r.secret = s
	r.mu.Unlock()
}

func (r *receiver) snapshot() ([]received, map[string]int, []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	attempts := map[string]int{}
	for k, v := range r.attempts {
		attempts[k] = v
	}
	return slices.Clone(r.all), attempts, slices.Clone(r.bad)
}

// start runs a dispatcher until the test ends.
func start(t *testing.T, s parley.WebhookStore, mod func(*webhook.Config)) *webhook.Dispatcher {
	t.Helper()
	client, err := outbound.New(outbound.Config{Allow: []string{"127.0.0.1/32"}, Timeout: 5 * time.Second})
	must(t, err)
	cfg := webhook.Config{
		Store: s, Client: client, Logger: slog.New(slog.DiscardHandler),
		Schedule: []time.Duration{0, 10 * time.Millisecond, 20 * time.Millisecond, 40 * time.Millisecond},
		Poll:     5 * time.Millisecond, Timeout: 5 * time.Second,
	}
	if mod != nil {
		mod(&cfg)
	}
	d, err := webhook.New(cfg)
	must(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { d.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return d
}

// eventually polls cond until it holds or 20 s pass.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	eventuallyWithin(t, 20*time.Second, what, cond)
}

func eventuallyWithin(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func deliveries(t *testing.T, s parley.Store, ws, endpointID string, f parley.WebhookDeliveryFilter) []*parley.WebhookDelivery {
	t.Helper()
	var all []*parley.WebhookDelivery
	opt := parley.ListOptions{Limit: parley.MaxListLimit}
	for {
		l, err := s.ListWebhookDeliveries(context.Background(), ws, endpointID, f, opt)
		must(t, err)
		all = append(all, l.Items...)
		if l.Next == "" {
			return all
		}
		opt.After = l.Next
	}
}

// bodies returns the message bodies of the message.created events
// received for conv, in arrival order, first arrivals only.
func bodies(all []received, convID string) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range all {
		if r.typ != "message.created" || seen[r.id] {
			continue
		}
		var d parley.MessageEventData
		if json.Unmarshal(r.payload.Data, &d) == nil && d.Message.ConversationID == convID {
			seen[r.id] = true
			out = append(out, d.Message.Body)
		}
	}
	return out
}

func TestDeliveriesAreSigned(t *testing.T) {
	f := newFixture(t)
	rcv := newReceiver(t, nil)
	e := f.endpoint(t, rcv.srv.URL+"/hook", "conversation.*", "message.*")
	rcv.setSecret(e.Secret)
	start(t, f.store, nil)

	var convs []*parley.Conversation
	for range 3 {
		conv, c := f.conversation(t)
		convs = append(convs, conv)
		for i := range 5 {
			f.say(t, conv, c, fmt.Sprint(i))
		}
	}
	// 3 × (created, queued, 5 messages)
	eventually(t, "21 deliveries", func() bool {
		return len(deliveries(t, f.store, f.ws.ID, e.ID, parley.WebhookDeliveryFilter{Status: parley.DeliveryDelivered})) == 21
	})
	all, _, bad := rcv.snapshot()
	if len(bad) > 0 {
		t.Fatalf("requests that failed verification: %v", bad)
	}
	for _, conv := range convs {
		if got := bodies(all, conv.ID); !slices.Equal(got, []string{"0", "1", "2", "3", "4"}) {
			t.Errorf("messages of %s arrived as %v", conv.ID, got)
		}
	}
	r := all[0]
	if r.id != r.payload.ID || r.payload.WorkspaceID != f.ws.ID || r.header.Get("Content-Type") != "application/json" ||
		r.header.Get("User-Agent") != webhook.UserAgent {
		t.Errorf("request = %+v", r)
	}

	// The receiver's library refuses a tampered body and an old timestamp.
	wh, err := standardwebhooks.NewWebhook(e.Secret)
	must(t, err)
	must(t, wh.Verify([]byte(r.body), r.header))
	if err := wh.Verify([]byte(strings.Replace(r.body, `"type"`, `"typE"`, 1)), r.header); err == nil {
		t.Error("a tampered body verified")
	}
	key, err := stdwebhook.ParseSecret(e.Secret)
	must(t, err)
	old := http.Header{}
	stdwebhook.SetHeaders(old, [][]byte{key}, r.id, time.Now().Add(-10*time.Minute), []byte(r.body))
	if err := wh.Verify([]byte(r.body), old); !errors.Is(err, standardwebhooks.ErrMessageTooOld) {
		t.Errorf("an old timestamp: %v, want ErrMessageTooOld", err)
	}

	// The delivery log holds each attempt.
	d := deliveries(t, f.store, f.ws.ID, e.ID, parley.WebhookDeliveryFilter{EventType: parley.EventMessageCreated})[0]
	_, attempts, err := f.store.FindWebhookDelivery(t.Context(), f.ws.ID, e.ID, d.ID)
	must(t, err)
	if len(attempts) != 1 || attempts[0].StatusCode != 200 || !strings.HasPrefix(attempts[0].Response, "answer 200") {
		t.Fatalf("attempts = %+v", attempts)
	}
}

// TestRetriesUntilDelivered: the receiver answers 503 to every attempt of
// the compressed schedule but the last: every event is delivered, each
// attempt with the same webhook-id, every attempt logged, and one
// conversation's events still arrive in order.
func TestRetriesUntilDelivered(t *testing.T) {
	schedule := []time.Duration{0, 5 * time.Millisecond, 10 * time.Millisecond, 20 * time.Millisecond, 30 * time.Millisecond}
	rcv := newReceiver(t, func(id string, attempt int) int {
		if attempt < len(schedule) {
			return http.StatusServiceUnavailable
		}
		return http.StatusOK
	})
	f := newFixture(t)
	e := f.endpoint(t, rcv.srv.URL, "message.created")
	rcv.setSecret(e.Secret)
	reg := prometheus.NewRegistry()
	metrics, err := webhook.NewMetrics(reg, f.store)
	must(t, err)
	start(t, f.store, func(c *webhook.Config) { c.Schedule, c.Metrics = schedule, metrics })
	conv, c := f.conversation(t)
	other, oc := f.conversation(t)
	for i := range 4 {
		f.say(t, conv, c, fmt.Sprint(i))
		f.say(t, other, oc, fmt.Sprint(i))
	}
	eventually(t, "8 deliveries", func() bool {
		return len(deliveries(t, f.store, f.ws.ID, e.ID, parley.WebhookDeliveryFilter{Status: parley.DeliveryDelivered})) == 8
	})
	all, attempts, bad := rcv.snapshot()
	if len(bad) > 0 {
		t.Fatalf("requests that failed verification: %v", bad)
	}
	want := fmt.Sprintf(`
# HELP parley_webhook_attempts_total Webhook requests made, by what they led to: delivered, retry (pending again) or failed (given up).
# TYPE parley_webhook_attempts_total counter
parley_webhook_attempts_total{result="delivered"} 8
parley_webhook_attempts_total{result="retry"} %d
# HELP parley_webhook_pending_deliveries Webhook deliveries not yet delivered nor given up, in every workspace.
# TYPE parley_webhook_pending_deliveries gauge
parley_webhook_pending_deliveries 0
`, 8*(len(schedule)-1))
	eventually(t, "the metrics", func() bool {
		return testutil.GatherAndCompare(reg, strings.NewReader(want), "parley_webhook_attempts_total", "parley_webhook_pending_deliveries") == nil
	})
	if len(attempts) != 8 {
		t.Fatalf("%d webhook-ids, want 8", len(attempts))
	}
	for id, n := range attempts {
		if n != len(schedule) {
			t.Errorf("webhook-id %s: %d attempts, want %d", id, n, len(schedule))
		}
	}
	// In order: a conversation's later event was never sent before its
	// earlier one was delivered.
	delivered := map[string]bool{}
	attemptsSeen := map[string]int{}
	var order []string
	for _, r := range all {
		attemptsSeen[r.id]++
		if attemptsSeen[r.id] == len(schedule) {
			delivered[r.id] = true
			var d parley.MessageEventData
			must(t, json.Unmarshal(r.payload.Data, &d))
			if d.Message.ConversationID == conv.ID {
				order = append(order, d.Message.Body)
			}
		}
	}
	if !slices.Equal(order, []string{"0", "1", "2", "3"}) {
		t.Errorf("conversation delivered as %v", order)
	}
	for _, d := range deliveries(t, f.store, f.ws.ID, e.ID, parley.WebhookDeliveryFilter{}) {
		_, log, err := f.store.FindWebhookDelivery(t.Context(), f.ws.ID, e.ID, d.ID)
		must(t, err)
		if len(log) != len(schedule) || d.Attempts != len(schedule) {
			t.Fatalf("delivery %s: %d attempts logged, %d counted, want %d", d.ID, len(log), d.Attempts, len(schedule))
		}
		for i, a := range log {
			want := 503
			if i == len(log)-1 {
				want = 200
			}
			if a.StatusCode != want || a.EventID != d.EventID {
				t.Fatalf("attempt %d = %+v", i, a)
			}
		}
	}
}

func TestGiveUpGoneAndRedirects(t *testing.T) {
	f := newFixture(t)
	gone := newReceiver(t, func(string, int) int { return http.StatusGone })
	redirect := newReceiver(t, func(string, int) int { return http.StatusFound })
	failing := newReceiver(t, func(string, int) int { return http.StatusInternalServerError })
	eg, er, ef := f.endpoint(t, gone.srv.URL, "contact.*"), f.endpoint(t, redirect.srv.URL, "contact.*"), f.endpoint(t, failing.srv.URL, "contact.*")
	gone.setSecret(eg.Secret)
	redirect.setSecret(er.Secret)
	failing.setSecret(ef.Secret)
	start(t, f.store, nil)
	f.conversation(t)
	eventually(t, "the deliveries to fail", func() bool {
		n := 0
		for _, e := range []*parley.WebhookEndpoint{eg, er, ef} {
			n += len(deliveries(t, f.store, f.ws.ID, e.ID, parley.WebhookDeliveryFilter{Status: parley.DeliveryFailed}))
		}
		return n == 3
	})
	e, err := f.store.FindWebhookEndpoint(t.Context(), f.ws.ID, eg.ID)
	must(t, err)
	if e.Enabled || !strings.Contains(e.DisabledReason, "410") {
		t.Fatalf("after 410: %+v", e)
	}
	_, attempts, _ := gone.snapshot()
	for _, n := range attempts {
		if n != 1 {
			t.Errorf("410 was retried (%d attempts)", n)
		}
	}
	d := deliveries(t, f.store, f.ws.ID, er.ID, parley.WebhookDeliveryFilter{})[0]
	if d.LastStatusCode != http.StatusFound || d.Attempts != 4 || !strings.Contains(d.LastError, "redirect") {
		t.Fatalf("redirected delivery = %+v", d)
	}
	for _, id := range []string{er.ID, ef.ID} {
		if e, _ := f.store.FindWebhookEndpoint(t.Context(), f.ws.ID, id); !e.Enabled || e.FailingSince == nil {
			t.Fatalf("endpoint after failures: %+v", e)
		}
	}
}

// TestDisableAfterFailingLong: an endpoint failing with no success for
// longer than DisableAfter is disabled, with the reason and an audit entry.
func TestDisableAfterFailingLong(t *testing.T) {
	f := newFixture(t)
	rcv := newReceiver(t, func(string, int) int { return http.StatusBadGateway })
	e := f.endpoint(t, rcv.srv.URL, "contact.created")
	rcv.setSecret(e.Secret)
	start(t, f.store, func(c *webhook.Config) {
		c.DisableAfter = 30 * time.Millisecond
		c.Schedule = []time.Duration{0, 10 * time.Millisecond, 10 * time.Millisecond, 10 * time.Millisecond, 10 * time.Millisecond, 10 * time.Millisecond}
	})
	f.conversation(t)
	eventually(t, "the endpoint to be disabled", func() bool {
		e, err := f.store.FindWebhookEndpoint(t.Context(), f.ws.ID, e.ID)
		return err == nil && !e.Enabled && strings.Contains(e.DisabledReason, "failed since")
	})
	log, err := f.store.ListAuditEntries(t.Context(), f.ws.ID, parley.ListOptions{})
	must(t, err)
	if log.Items[0].Action != "webhook.disable" {
		t.Fatalf("last audit entry = %+v", log.Items[0])
	}
}

// TestRotationSignsTwice: during a rotation's overlap each request carries
// both signatures, so a receiver holding either secret accepts it.
func TestRotationSignsTwice(t *testing.T) {
	f := newFixture(t)
	rcv := newReceiver(t, nil)
	e := f.endpoint(t, rcv.srv.URL, "contact.created")
	rcv.setSecret(e.Secret)
	rotated, err := f.store.RotateWebhookSecret(t.Context(), system, f.ws.ID, e.ID, stdwebhook.NewSecret(), time.Now().Add(time.Hour))
	must(t, err)
	start(t, f.store, nil)
	f.conversation(t)
	eventually(t, "a delivery", func() bool { all, _, _ := rcv.snapshot(); return len(all) == 1 })
	all, _, bad := rcv.snapshot()
	if len(bad) > 0 {
		t.Fatal(bad)
	}
	if sigs := strings.Fields(all[0].header.Get("webhook-signature")); len(sigs) != 2 {
		t.Fatalf("signatures = %v, want 2", sigs)
	}
	wh, err := standardwebhooks.NewWebhook(rotated.Secret)
	must(t, err)
	must(t, wh.Verify([]byte(all[0].body), all[0].header))
}

// TestRateLimit: an endpoint limited to 5 requests a second still gets
// every event.
func TestRateLimit(t *testing.T) {
	f := newFixture(t)
	rcv := newReceiver(t, nil)
	e := f.endpoint(t, rcv.srv.URL, "contact.created")
	_, err := f.store.UpdateWebhookEndpoint(t.Context(), system, f.ws.ID, e.ID, parley.WebhookEndpointUpdate{RateLimit: ptr(5)})
	must(t, err)
	rcv.setSecret(e.Secret)
	start(t, f.store, nil)
	for range 12 {
		f.conversation(t)
	}
	eventually(t, "12 deliveries", func() bool {
		return len(deliveries(t, f.store, f.ws.ID, e.ID, parley.WebhookDeliveryFilter{Status: parley.DeliveryDelivered})) == 12
	})
	_, attempts, _ := rcv.snapshot()
	for id, n := range attempts {
		if n != 1 {
			t.Errorf("%s: %d attempts: a rate-limited delivery counted as a failure", id, n)
		}
	}
}

func ptr[T any](v T) *T { return &v }

// TestTwoDispatchersShare: two dispatchers (two nodes) on one database
// deliver every event once between them, each conversation in order.
func TestTwoDispatchersShare(t *testing.T) {
	t.Run("SQLite", func(t *testing.T) { testTwoDispatchers(t, newFixture(t)) })
	t.Run("Postgres", func(t *testing.T) { testTwoDispatchers(t, newFixtureOn(t, testenv.PostgresURL(t))) })
}

func testTwoDispatchers(t *testing.T, f *fixture) {
	rcv := newReceiver(t, nil)
	e := f.endpoint(t, rcv.srv.URL, "message.created")
	rcv.setSecret(e.Secret)
	start(t, f.store, func(c *webhook.Config) { c.Owner = "node-a" })
	start(t, f.store, func(c *webhook.Config) { c.Owner = "node-b" })
	// PARLEY_TEST_WEBHOOK_EVENTS raises the number of events (the issue's
	// figure is 10,000), spread over 50 conversations.
	convs, per := 10, 20
	if n, err := strconv.Atoi(os.Getenv("PARLEY_TEST_WEBHOOK_EVENTS")); err == nil && n > 0 {
		convs, per = 50, max(n/50, 1)
	}
	var wg sync.WaitGroup
	var conversations []*parley.Conversation
	for range convs {
		conv, c := f.conversation(t)
		conversations = append(conversations, conv)
		wg.Go(func() {
			for i := range per {
				f.say(t, conv, c, fmt.Sprint(i))
			}
		})
	}
	wg.Wait()
	// Every event arrives. What fails the test is a stall — no new event
	// received for stallAfter — not how long a loaded machine takes in all.
	const stallAfter = 30 * time.Second
	received, last, lastAt := 0, -1, time.Now()
	for received < convs*per {
		_, attempts, _ := rcv.snapshot()
		if received = len(attempts); received != last {
			last, lastAt = received, time.Now()
		} else if time.Since(lastAt) > stallAfter {
			backlog, _, err := f.store.WebhookBacklog(t.Context())
			t.Fatalf("delivery stalled: %d of %d events received, none new for %v; backlog %d (%v)",
				received, convs*per, stallAfter, backlog, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	eventually(t, "the last deliveries recorded", func() bool {
		n, _, err := f.store.WebhookBacklog(t.Context())
		return err == nil && n == 0
	})
	all, attempts, bad := rcv.snapshot()
	if len(bad) > 0 {
		t.Fatal(bad)
	}
	dups := 0
	for _, n := range attempts {
		dups += n - 1
	}
	t.Logf("%d events of %d conversations delivered by two dispatchers, %d duplicates", len(attempts), convs, dups)
	if dups != 0 || len(attempts) != convs*per {
		t.Fatalf("%d events received, %d duplicates; want %d and 0", len(attempts), dups, convs*per)
	}
	want := make([]string, per)
	for i := range want {
		want[i] = fmt.Sprint(i)
	}
	for _, conv := range conversations {
		if got := bodies(all, conv.ID); !slices.Equal(got, want) {
			t.Errorf("conversation %s delivered as %v", conv.ID, got)
		}
	}
}

// TestAgentEvents: agent.created and agent.updated carry the agent as the
// API returns it, never its password hash.
func TestAgentEvents(t *testing.T) {
	f := newFixture(t)
	rcv := newReceiver(t, nil)
	e := f.endpoint(t, rcv.srv.URL, "agent.*")
	rcv.setSecret(e.Secret)
	start(t, f.store, nil)
	a := &parley.Agent{WorkspaceID: f.ws.ID, Email: "ann@example.com", Name: "Ann", Role: parley.RoleAgent}
	must(t, f.store.CreateAgent(t.Context(), system, a, "$argon2id$secret-hash"))
	_, err := f.store.UpdateAgent(t.Context(), system, f.ws.ID, a.ID, parley.AgentUpdate{Capacity: ptr(3)})
	must(t, err)
	eventually(t, "2 agent events", func() bool { all, _, _ := rcv.snapshot(); return len(all) == 2 })
	all, _, _ := rcv.snapshot()
	// Events of no conversation carry no order between them.
	byType := map[string]parley.AgentEventData{}
	for _, r := range all {
		var d parley.AgentEventData
		must(t, json.Unmarshal(r.payload.Data, &d))
		byType[r.typ] = d
		if d.Agent.ID != a.ID || d.Agent.Email != "ann@example.com" || strings.Contains(r.body, "argon2id") {
			t.Errorf("event = %s", r.body)
		}
	}
	if _, ok := byType["agent.created"]; !ok || byType["agent.updated"].Agent.Capacity != 3 {
		t.Errorf("events = %+v", byType)
	}
}

// TestPrivateAddressRefusedAtDial: an endpoint whose address is internal
// (saved while it was not, or a name now resolving to one) is refused
// when the connection is made, and the refusal is in the delivery log;
// the receiver never sees the request.
func TestPrivateAddressRefusedAtDial(t *testing.T) {
	f := newFixture(t)
	rcv := newReceiver(t, nil)
	e := f.endpoint(t, strings.Replace(rcv.srv.URL, "127.0.0.1", "hooks.example.com", 1), "contact.created")
	rcv.setSecret(e.Secret)
	client, err := outbound.New(outbound.Config{
		Resolve: func(context.Context, string) ([]netip.Addr, error) {
			return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil // DNS now points inside
		},
		Logger: slog.New(slog.DiscardHandler),
	})
	must(t, err)
	start(t, f.store, func(c *webhook.Config) { c.Client = client })
	f.conversation(t)
	eventually(t, "the delivery to fail", func() bool {
		return len(deliveries(t, f.store, f.ws.ID, e.ID, parley.WebhookDeliveryFilter{Status: parley.DeliveryFailed})) == 1
	})
	d := deliveries(t, f.store, f.ws.ID, e.ID, parley.WebhookDeliveryFilter{})[0]
	_, log, err := f.store.FindWebhookDelivery(t.Context(), f.ws.ID, e.ID, d.ID)
	must(t, err)
	for _, a := range log {
		if a.StatusCode != 0 || !strings.Contains(a.Error, "refused") {
			t.Fatalf("attempt = %+v, want refused", a)
		}
	}
	if all, _, _ := rcv.snapshot(); len(all) != 0 {
		t.Fatalf("the receiver got %d requests", len(all))
	}
}

// TestFeedTwoNodes: two nodes (two stores on one PostgreSQL database)
// write events and fan them out at full speed at once; a reader following
// the feed's cursor sees every event exactly once.
func TestFeedTwoNodes(t *testing.T) {
	url := testenv.PostgresURL(t)
	a := newFixtureOn(t, url)
	b, err := store.Open(context.Background(), url, slog.New(slog.DiscardHandler))
	must(t, err)
	t.Cleanup(func() { b.Close() })
	nodes := []*store.Store{a.store, b}
	ctx := t.Context()
	var writers sync.WaitGroup
	for i := range 8 {
		conv, c := a.conversation(t)
		s := nodes[i%2]
		writers.Go(func() {
			for j := range 100 {
				if _, err := s.AppendMessage(ctx, parley.MessageInput{
					WorkspaceID: a.ws.ID, ConversationID: conv.ID, Kind: parley.KindText,
					Sender: parley.Sender{Type: parley.ParticipantContact, ID: c.ID}, Body: fmt.Sprint(j),
				}); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	writing := make(chan struct{})
	go func() { writers.Wait(); close(writing) }()
	var fanners sync.WaitGroup
	for _, s := range nodes {
		fanners.Go(func() {
			for {
				n, err := s.FanOutEvents(ctx, 13)
				if err != nil {
					t.Error(err)
					return
				}
				select {
				case <-writing:
					if n == 0 {
						return
					}
				default:
				}
			}
		})
	}
	fanned := make(chan struct{})
	go func() { fanners.Wait(); close(fanned) }()
	seen := map[string]bool{}
	var after int64
	for done := false; ; {
		select {
		case <-fanned:
			done = true
		default:
		}
		page, err := nodes[1].ListFeedEvents(ctx, a.ws.ID, after, 50)
		must(t, err)
		for _, fe := range page {
			if seen[fe.Event.ID] {
				t.Fatalf("event %s seen twice", fe.Event.ID)
			}
			seen[fe.Event.ID], after = true, fe.Seq
		}
		if done && len(page) == 0 {
			break
		}
	}
	var total int
	opt := parley.ListOptions{Limit: parley.MaxListLimit}
	for {
		l, err := a.store.ListEvents(ctx, a.ws.ID, opt)
		must(t, err)
		for _, e := range l.Items {
			total++
			if !seen[e.ID] {
				t.Errorf("event %s (%s) never seen in the feed", e.ID, e.Type)
			}
		}
		if l.Next == "" {
			break
		}
		opt.After = l.Next
	}
	t.Logf("%d events written by two nodes, %d seen once each through the feed", total, len(seen))
	if total != len(seen) || total < 800 {
		t.Fatalf("feed %d, outbox %d", len(seen), total)
	}
}
