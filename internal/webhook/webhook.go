// Package webhook delivers the outbox's events to webhook endpoints.
//
// The pipeline, every step persisted so that a crash loses nothing:
//
//  1. Fan-out: events of the outbox not yet dispatched become deliveries,
//     one per endpoint that wants the event (Store.FanOutEvents), in the
//     transaction that marks them dispatched.
//  2. Claim: a dispatcher leases due deliveries by compare-and-set
//     (Store.ClaimWebhookChains), so that any number of nodes share the
//     work and no two send one delivery at once. Of one conversation's
//     deliveries to one endpoint only the oldest pending and those that
//     follow it are claimable, together in one transaction, as a chain
//     sent in order: a later event waits for an earlier one being
//     retried, while other conversations and endpoints go on. A commit
//     of an event on this node wakes the dispatcher (Wake, through
//     Store.OnEventsCommitted); other nodes poll.
//  3. Send: a POST through the SSRF-safe client (internal/outbound: no
//     redirects, bounded response, timeout), signed per the Standard
//     Webhooks specification with webhook-id = the event's ID.
//  4. Record: every attempt is logged; a 2xx delivers, 410 Gone fails the
//     delivery and disables the endpoint, anything else is retried on the
//     schedule, and an endpoint failing without a success for
//     DisableAfter is disabled. The results of the chains that end
//     meanwhile are recorded together in one transaction (recorder).
//
// Delivery is at least once: a node that dies after sending but before
// recording leaves a lease that expires, and another attempt follows with
// the same webhook-id. Receivers deduplicate by it.
package webhook

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/outbound"
	"github.com/parleychat/parley/internal/stdwebhook"
)

// DefaultSchedule is when the attempts of a delivery are made, each
// after the previous one failed: at once, then 5 s, 5 min, 30 min, 2 h,
// 5 h, 10 h and 10 h later (about 28 hours in all, the schedule Svix's
// users know). After the last, the delivery fails.
var DefaultSchedule = []time.Duration{0, 5 * time.Second, 5 * time.Minute, 30 * time.Minute, 2 * time.Hour,
	5 * time.Hour, 10 * time.Hour, 10 * time.Hour}

// Defaults of Config.
const (
	DefaultWorkers      = 64
	DefaultPoll         = 250 * time.Millisecond
	DefaultBatch        = 500
	DefaultDisableAfter = 5 * 24 * time.Hour
	DefaultRetention    = 30 * 24 * time.Hour
	// sweepEvery is how often the delivery log is swept.
	sweepEvery = time.Hour
)

// UserAgent is sent with every request.
const UserAgent = "Parley-Webhooks/1"

// Config configures a Dispatcher. Store and Client are required.
type Config struct {
	Store  parley.WebhookStore
	Client *outbound.Client
	Logger *slog.Logger
	// Owner names this dispatcher in leases; default a random one.
	Owner string
	// Schedule is the delay before each attempt (the first usually 0);
	// default DefaultSchedule.
	Schedule []time.Duration
	// Timeout is how long one request may take, body included; it must
	// not exceed the Client's own. Default outbound.DefaultTimeout.
	Timeout time.Duration
	// Lease is how long a claimed delivery stays this dispatcher's before
	// another may take it (after a crash); default 2 × Timeout + 5 s.
	Lease time.Duration
	// Workers bounds the requests in flight, to all endpoints together;
	// default DefaultWorkers. Requests are latency-bound: fewer workers
	// cap the events a second (16 sent about 2,000 a second to a receiver
	// on the same 2-core machine, 64 kept up with more; docs/performance.md).
	Workers int
	// Poll is how often the outbox and due deliveries are looked at;
	// default DefaultPoll.
	Poll time.Duration
	// Batch is how many events one fan-out step dispatches.
	Batch int
	// DisableAfter disables an endpoint that has failed without a success
	// for this long; default DefaultDisableAfter.
	DisableAfter time.Duration
	// Retention is how long the delivery log keeps finished deliveries
	// and attempts; default DefaultRetention.
	Retention time.Duration
	// Now is the clock; default time.Now.
	Now func() time.Time
	// Metrics, when set, counts deliveries.
	Metrics *Metrics
}

// Dispatcher sends webhook deliveries. Run it on every node.
type Dispatcher struct {
	cfg  Config
	log  *slog.Logger
	wake chan struct{}

	mu       sync.Mutex
	limiters map[string]*limiter // by endpoint ID
}

type limiter struct {
	perSecond int
	lim       *rate.Limiter
}

// New returns a Dispatcher.
func New(cfg Config) (*Dispatcher, error) {
	if cfg.Store == nil || cfg.Client == nil {
		return nil, errors.New("webhook: Store and Client are required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Owner == "" {
		cfg.Owner = "dispatcher-" + rand.Text()[:10]
	}
	if len(cfg.Schedule) == 0 {
		cfg.Schedule = DefaultSchedule
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = outbound.DefaultTimeout
	}
	if cfg.Lease <= 0 {
		cfg.Lease = 2*cfg.Timeout + 5*time.Second
	}
	if cfg.Workers <= 0 {
		cfg.Workers = DefaultWorkers
	}
	if cfg.Poll <= 0 {
		cfg.Poll = DefaultPoll
	}
	if cfg.Batch <= 0 {
		cfg.Batch = DefaultBatch
	}
	if cfg.DisableAfter <= 0 {
		cfg.DisableAfter = DefaultDisableAfter
	}
	if cfg.Retention <= 0 {
		cfg.Retention = DefaultRetention
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Dispatcher{cfg: cfg, log: cfg.Logger, wake: make(chan struct{}, 1), limiters: map[string]*limiter{}}, nil
}

// ParseSchedule reads a schedule written as comma-separated durations
// ("0s,5s,5m"). Each must be at least 0 and at most 7 days; at least one.
func ParseSchedule(s string) ([]time.Duration, error) {
	var out []time.Duration
	for part := range strings.SplitSeq(s, ",") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		d, err := time.ParseDuration(part)
		if err != nil || d < 0 || d > 7*24*time.Hour {
			return nil, fmt.Errorf("%q is not a duration between 0s and 168h", part)
		}
		out = append(out, d)
	}
	if len(out) == 0 || len(out) > 50 {
		return nil, errors.New("needs 1 to 50 comma-separated durations, such as 0s,5s,5m")
	}
	return out, nil
}

// Wake makes the dispatcher look for work now rather than at its next poll.
func (d *Dispatcher) Wake() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

// Run dispatches until ctx ends, then waits for the requests in flight
// and records their results.
//
// Each round claims, in one transaction, up to one chain per free worker:
// a conversation's due deliveries to one endpoint (up to maxChain), or one
// conversation-less delivery. A worker sends a chain's deliveries in
// order and stops at the first that is not delivered, giving back the
// rest; the results of every chain that ends meanwhile are recorded
// together in one transaction (see recorder). So on SQLite's one writer a
// delivery costs a fraction of a transaction, not two or three.
func (d *Dispatcher) Run(ctx context.Context) {
	sem := make(chan struct{}, d.cfg.Workers)
	rec := d.newRecorder()
	var inflight sync.WaitGroup
	defer func() {
		inflight.Wait()
		rec.close()
	}()
	ticker := time.NewTicker(d.cfg.Poll)
	defer ticker.Stop()
	nextSweep := d.cfg.Now()
	for {
		if now := d.cfg.Now(); !now.Before(nextSweep) {
			d.sweep(ctx, now)
			nextSweep = now.Add(sweepEvery)
		}
		d.fanOut(ctx)
		if free := d.cfg.Workers - len(sem); free > 0 {
			now := d.cfg.Now()
			leaseUntil := now.Add(d.cfg.Lease)
			chains, err := d.cfg.Store.ClaimWebhookChains(ctx, d.cfg.Owner, now, leaseUntil, free*chainsPerWorker, maxChain)
			if err != nil && ctx.Err() == nil {
				d.log.WarnContext(ctx, "webhook: claim deliveries", "err", err)
			} else if took := d.cfg.Now().Sub(now); took > d.cfg.Lease/4 {
				// What it leaves of the lease bounds what is sent (deliverChain).
				d.log.WarnContext(ctx, "webhook: a claim of deliveries was slow", "took", took, "lease", d.cfg.Lease)
			}
			for _, group := range deal(chains, free) {
				sem <- struct{}{}
				inflight.Go(func() {
					defer func() { <-sem }()
					for i, c := range group {
						rec.add(d.deliverChain(ctx, c, leaseUntil, i == 0))
					}
				})
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		case <-d.wake:
		}
	}
}

func (d *Dispatcher) fanOut(ctx context.Context) {
	for range 20 { // then let the claims have a turn
		n, err := d.cfg.Store.FanOutEvents(ctx, d.cfg.Batch)
		if err != nil {
			if ctx.Err() == nil {
				d.log.WarnContext(ctx, "webhook: fan out events", "err", err)
			}
			return
		}
		if n < d.cfg.Batch {
			return
		}
	}
}

func (d *Dispatcher) sweep(ctx context.Context, now time.Time) {
	n, err := d.cfg.Store.SweepWebhookDeliveries(ctx, now.Add(-d.cfg.Retention))
	if err != nil && ctx.Err() == nil {
		d.log.WarnContext(ctx, "webhook: sweep the delivery log", "err", err)
	} else if n > 0 {
		d.log.DebugContext(ctx, "webhook: swept the delivery log", "deliveries", n)
	}
}

// allow applies the endpoint's rate limit: it returns 0 if a request may
// go now, else how long to wait.
func (d *Dispatcher) allow(e *parley.WebhookEndpoint, now time.Time) time.Duration {
	if e.RateLimit <= 0 {
		return 0
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	l := d.limiters[e.ID]
	if l == nil || l.perSecond != e.RateLimit {
		l = &limiter{perSecond: e.RateLimit, lim: rate.NewLimiter(rate.Limit(e.RateLimit), e.RateLimit)}
		d.limiters[e.ID] = l
	}
	r := l.lim.ReserveN(now, 1)
	if delay := r.DelayFrom(now); delay > 0 {
		r.CancelAt(now)
		return delay
	}
	return 0
}

// maxChain bounds how many of one conversation's deliveries to one
// endpoint are claimed together and sent in a row before the others have
// a turn.
const maxChain = 100

// chainsPerWorker is how many chains a round claims for each free worker,
// which sends them one after the other: with many conversations each
// holding an event or two, a claim per chain would cost a write
// transaction per event or two.
const chainsPerWorker = 8

// deal deals the chains, oldest first, to at most n workers in turn, so
// that each worker starts with one of the oldest.
func deal(chains [][]*parley.WebhookTask, n int) [][][]*parley.WebhookTask {
	groups := make([][][]*parley.WebhookTask, min(n, len(chains)))
	for i, c := range chains {
		groups[i%len(groups)] = append(groups[i%len(groups)], c)
	}
	return groups
}

// deliverChain sends a claimed chain in order and returns the results to
// record: an attempt for each delivery sent, and the rest given back once
// one is not delivered (a later event waits for an earlier one being
// retried), the rate limit holds one back, the lease would run out before
// the next request could end, or ctx ends. fresh says the claim was just
// made (the worker's first chain).
func (d *Dispatcher) deliverChain(ctx context.Context, chain []*parley.WebhookTask, leaseUntil time.Time, fresh bool) []*parley.WebhookResult {
	results := make([]*parley.WebhookResult, 0, len(chain))
	for i, t := range chain {
		now := d.cfg.Now()
		// A request is sent only if it ends within the lease, and the
		// record after it well within: a lease that runs out first lets
		// another dispatcher send the delivery again. The first of a
		// fresh claim needs no room for the record beyond the lease (so
		// that a lease barely above Timeout still makes progress); a
		// claim that took so long that its lease is nearly out sends
		// nothing and gives its chains back.
		room := d.cfg.Timeout + d.cfg.Lease/4
		if i == 0 && fresh {
			room = d.cfg.Timeout
		}
		stop := ctx.Err() != nil || now.Add(room).After(leaseUntil)
		if !stop {
			if wait := d.allow(t.Endpoint, now); wait > 0 {
				results = append(results, &parley.WebhookResult{DeliveryID: t.Delivery.ID, ReleaseAt: now.Add(wait)})
				i++
				stop = true
			}
		}
		if !stop {
			r := d.deliver(context.WithoutCancel(ctx), t)
			results = append(results, r)
			if r.Outcome.Status == parley.DeliveryDelivered {
				continue
			}
			i++
		}
		for _, rest := range chain[i:] {
			results = append(results, &parley.WebhookResult{DeliveryID: rest.Delivery.ID})
		}
		break
	}
	return results
}

// deliver makes one attempt of a claimed delivery and returns it with its
// outcome, to be recorded.
func (d *Dispatcher) deliver(ctx context.Context, t *parley.WebhookTask) *parley.WebhookResult {
	now := d.cfg.Now()
	a := &parley.WebhookAttempt{
		WorkspaceID: t.Delivery.WorkspaceID, EndpointID: t.Endpoint.ID, DeliveryID: t.Delivery.ID,
		EventID: t.Event.ID, EventType: t.Delivery.EventType, AttemptedAt: now,
	}
	a.StatusCode, a.Response, a.Error = d.send(ctx, t, now)
	a.Latency = d.cfg.Now().Sub(now)
	outcome := d.outcome(t, a)
	if d.cfg.Metrics != nil {
		d.cfg.Metrics.observe(a, outcome)
	}
	return &parley.WebhookResult{DeliveryID: t.Delivery.ID, Attempt: a, Outcome: outcome}
}

// send POSTs the event and returns the status code (0 if none came), the
// start of the response body and the error.
func (d *Dispatcher) send(ctx context.Context, t *parley.WebhookTask, now time.Time) (int, string, string) {
	body, err := json.Marshal(parley.NewWebhookPayload(t.Event, t.Delivery.EventType))
	if err != nil {
		return 0, "", "encode the event: " + err.Error()
	}
	var keys [][]byte
	for _, s := range t.Endpoint.SigningSecrets(now) {
		k, err := stdwebhook.ParseSecret(s)
		if err != nil {
			return 0, "", "the endpoint's secret is invalid"
		}
		keys = append(keys, k)
	}
	ctx, cancel := context.WithTimeout(ctx, d.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.Endpoint.URL, bytes.NewReader(body))
	if err != nil {
		return 0, "", "bad URL: " + err.Error()
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", UserAgent)
	stdwebhook.SetHeaders(req.Header, keys, t.Event.ID, now, body)
	resp, err := d.cfg.Client.Do(req)
	if err != nil {
		return 0, "", err.Error()
	}
	defer resp.Body.Close()
	head, _ := io.ReadAll(io.LimitReader(resp.Body, parley.MaxWebhookResponseLog))
	msg := ""
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		msg = "HTTP " + strconv.Itoa(resp.StatusCode)
		if resp.StatusCode >= 300 && resp.StatusCode < 400 {
			msg += " (redirects are not followed)"
		}
	}
	return resp.StatusCode, validText(head), msg
}

// validText returns b as text fit for the log: invalid UTF-8 and NUL
// bytes replaced.
func validText(b []byte) string {
	s := strings.ToValidUTF8(string(b), "\uFFFD")
	return strings.ReplaceAll(s, "\x00", "\uFFFD")
}

// outcome decides what an attempt leads to.
func (d *Dispatcher) outcome(t *parley.WebhookTask, a *parley.WebhookAttempt) parley.WebhookOutcome {
	switch {
	case a.Succeeded():
		return parley.WebhookOutcome{Status: parley.DeliveryDelivered}
	case a.StatusCode == http.StatusGone:
		return parley.WebhookOutcome{Status: parley.DeliveryFailed, Disable: "The endpoint answered 410 Gone."}
	}
	out := parley.WebhookOutcome{Status: parley.DeliveryFailed}
	if next := t.Delivery.Tries + 1; next < len(d.cfg.Schedule) {
		out = parley.WebhookOutcome{Status: parley.DeliveryPending, NextAttemptAt: a.AttemptedAt.Add(d.cfg.Schedule[next])}
	}
	if fs := t.Endpoint.FailingSince; fs != nil && a.AttemptedAt.Sub(*fs) >= d.cfg.DisableAfter {
		out.Disable = fmt.Sprintf("Every attempt failed since %s (more than %s).", fs.UTC().Format(time.RFC3339), d.cfg.DisableAfter)
	}
	return out
}
