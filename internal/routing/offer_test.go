package routing_test

import (
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/routing"
	"github.com/parleychat/parley/internal/testenv"
)

// clock is a fake clock the test moves by hand.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// withClock gives the store and a new router of w the fake clock.
func (w *world) withClock(t *testing.T) *clock {
	t.Helper()
	c := &clock{now: time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)}
	w.s.Now = c.Now
	r, err := routing.New(routing.Config{Store: w.s, Now: c.Now, Publish: func(evs ...*parley.Event) {
		w.mu.Lock()
		w.events = append(w.events, evs...)
		w.mu.Unlock()
	}})
	must(t, err)
	w.router = r
	return c
}

// offerQueue puts the default queue in offer mode with the strategy and
// timeout (0: the default).
func (w *world) offerQueue(t *testing.T, st parley.Strategy, timeout time.Duration) *parley.Queue {
	t.Helper()
	q := w.queue(t, st)
	on := true
	q, err := w.s.UpdateQueue(t.Context(), system, w.ws.ID, q.ID, parley.QueueUpdate{OfferMode: &on, OfferTimeout: &timeout})
	must(t, err)
	return q
}

// takeEvents returns the events published since the last call.
func (w *world) takeEvents() []*parley.Event {
	w.mu.Lock()
	defer w.mu.Unlock()
	evs := w.events
	w.events = nil
	return evs
}

// offerOf decodes the offer of an offer event of the given type.
func offerOf(t *testing.T, ev *parley.Event, typ parley.EventType) *parley.Offer {
	t.Helper()
	if ev.Type != typ {
		t.Fatalf("event %s, want %s", ev.Type, typ)
	}
	var d parley.ConversationEventData
	must(t, json.Unmarshal(ev.Payload, &d))
	if d.Offer == nil {
		t.Fatalf("%s without an offer", typ)
	}
	return d.Offer
}

func (w *world) sweep(t *testing.T) []*parley.Event {
	t.Helper()
	must(t, w.router.Sweep(t.Context()))
	return w.takeEvents()
}

func TestOfferDeclineExpireAccept(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		clk := w.withClock(t)
		agents := w.agents(t, 2, 1)
		a, b := agents[0].ID, agents[1].ID
		q := w.offerQueue(t, parley.StrategyRoundRobin, 0)
		if q.EffectiveOfferTimeout() != 30*time.Second {
			t.Fatalf("default offer timeout %v", q.EffectiveOfferTimeout())
		}
		conv := w.pending(t, 1)[0]

		evs := w.sweep(t)
		if len(evs) != 1 {
			t.Fatalf("first sweep published %d events, want the offer", len(evs))
		}
		o := offerOf(t, evs[0], parley.EventConversationOffered)
		if o.AgentID != a || o.State != parley.OfferOpen || !o.ExpiresAt.Equal(clk.Now().Add(30*time.Second)) {
			t.Fatalf("offer %+v, want to the first agent for 30 s", o)
		}
		c, err := w.s.FindConversation(t.Context(), w.ws.ID, conv)
		must(t, err)
		if c.Status != parley.StatusPending {
			t.Fatalf("offered conversation is %s, want pending until accepted", c.Status)
		}
		if evs := w.sweep(t); len(evs) != 0 {
			t.Fatalf("a second sweep published %v: an offered conversation is offered once", evs)
		}

		// Another workspace reaches neither the conversation nor the offers.
		other := &parley.Workspace{Slug: "ws-" + testenv.Unique(), Name: "Other"}
		must(t, w.s.CreateWorkspace(t.Context(), system, other))
		if _, _, err := w.s.AnswerOffer(t.Context(), other.ID, conv, a, true, "", clk.Now()); parley.ErrorCode(err) != parley.ENOTFOUND {
			t.Fatalf("accepting from another workspace: %v, want ENOTFOUND", err)
		}
		if open, err := w.s.OpenOffers(t.Context(), other.ID, a); err != nil || len(open) != 0 {
			t.Fatalf("another workspace's offers of the agent: %v %v", open, err)
		}
		if _, _, err := w.s.OfferConversation(t.Context(), other.ID, conv, b, parley.RouteOptions{QueueID: q.ID}, time.Second); parley.ErrorCode(err) != parley.ENOTFOUND {
			t.Fatalf("offering from another workspace: %v, want ENOTFOUND", err)
		}
		// Only the agent offered may answer.
		if _, _, err := w.s.AnswerOffer(t.Context(), w.ws.ID, conv, b, true, "", clk.Now()); parley.ErrorReason(err) != "no_offer" {
			t.Fatalf("another agent accepting: %v, want no_offer", err)
		}
		_, evs, err = w.s.AnswerOffer(t.Context(), w.ws.ID, conv, a, false, "on a call", clk.Now())
		must(t, err)
		if d := offerOf(t, evs[0], parley.EventConversationOfferDeclined); d.Reason != "on a call" || d.State != parley.OfferDeclined {
			t.Fatalf("declined offer %+v", d)
		}

		// The next agent gets it.
		evs = w.sweep(t)
		if len(evs) != 1 || offerOf(t, evs[0], parley.EventConversationOffered).AgentID != b {
			t.Fatalf("after a decline: %v, want an offer to the second agent", evs)
		}
		clk.Add(30*time.Second - time.Microsecond)
		if evs := w.sweep(t); len(evs) != 0 {
			t.Fatalf("before its time the offer is still open, got %v", evs)
		}
		clk.Add(time.Microsecond)
		if _, _, err := w.s.AnswerOffer(t.Context(), w.ws.ID, conv, b, true, "", clk.Now()); parley.ErrorReason(err) != "expired" {
			t.Fatalf("accepting at the deadline: %v, want expired", err)
		}
		evs = w.sweep(t)
		if len(evs) != 2 {
			t.Fatalf("at its time: %d events, want the expiry and a new offer", len(evs))
		}
		if e := offerOf(t, evs[0], parley.EventConversationOfferExpired); e.AgentID != b || e.State != parley.OfferExpired {
			t.Fatalf("expired offer %+v", e)
		}
		// Every agent refused it: it goes round again.
		if o := offerOf(t, evs[1], parley.EventConversationOffered); o.AgentID != a {
			t.Fatalf("offered again to %s, want the first agent", o.AgentID)
		}
		c, evs, err = w.s.AnswerOffer(t.Context(), w.ws.ID, conv, a, true, "", clk.Now())
		must(t, err)
		if c.Status != parley.StatusAssigned || c.AssigneeID != a {
			t.Fatalf("accepted conversation %s to %s", c.Status, c.AssigneeID)
		}
		if len(evs) != 2 || evs[0].Type != parley.EventConversationAssigned ||
			offerOf(t, evs[1], parley.EventConversationOfferAccepted).State != parley.OfferAccepted {
			t.Fatalf("accept events %v", evs)
		}
		if _, _, err := w.s.AnswerOffer(t.Context(), w.ws.ID, conv, a, true, "", clk.Now()); parley.ErrorReason(err) != "no_offer" {
			t.Fatalf("accepting twice: %v, want no_offer", err)
		}
	})
}

func TestOfferCountsAgainstCapacity(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		clk := w.withClock(t)
		a := w.agents(t, 1, 1)[0].ID
		q := w.offerQueue(t, parley.StrategyLeastBusy, 10*time.Second)
		convs := w.pending(t, 2)
		evs := w.sweep(t)
		if len(evs) != 1 || offerOf(t, evs[0], parley.EventConversationOffered).ConversationID != convs[0] {
			t.Fatalf("%d events, want one offer of the first conversation", len(evs))
		}
		av, err := w.s.QueueAvailability(t.Context(), w.ws.ID, q.ID)
		must(t, err)
		if av.AvailableAgents != 0 {
			t.Fatalf("an agent holding an open offer at capacity counts as available")
		}
		open, err := w.s.OpenOffers(t.Context(), w.ws.ID, a)
		must(t, err)
		if len(open) != 1 || !open[0].ExpiresAt.Equal(clk.Now().Add(10*time.Second)) {
			t.Fatalf("open offers %+v", open)
		}
		_, _, err = w.s.AnswerOffer(t.Context(), w.ws.ID, convs[0], a, true, "", clk.Now())
		must(t, err)
		if evs := w.sweep(t); len(evs) != 0 {
			t.Fatalf("an agent at capacity was offered %v", evs)
		}
	})
}

func TestOfferWithdrawnWhenTakenElsewhere(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		clk := w.withClock(t)
		agents := w.agents(t, 2, 0)
		w.offerQueue(t, parley.StrategyRoundRobin, 0)
		conv := w.pending(t, 1)[0]
		w.sweep(t)
		w.assign(t, conv, agents[1].ID) // a supervisor assigns it meanwhile
		if _, _, err := w.s.AnswerOffer(t.Context(), w.ws.ID, conv, agents[0].ID, true, "", clk.Now()); parley.ErrorReason(err) != "no_offer" {
			t.Fatalf("accepting a conversation taken meanwhile: %v, want no_offer", err)
		}
		open, err := w.s.OpenOffers(t.Context(), w.ws.ID, agents[0].ID)
		must(t, err)
		if len(open) != 0 {
			t.Fatalf("the offer of a taken conversation is still open")
		}
	})
}

// Routers racing in offer mode never offer a conversation twice at once,
// nor an agent more than its capacity of offers.
func TestConcurrentOffers(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		const agents, capacity, convs, routers = 4, 3, 30, 6
		as := w.agents(t, agents, capacity)
		q := w.offerQueue(t, parley.StrategyLeastBusy, 0)
		w.pending(t, convs)
		var wg sync.WaitGroup
		for range routers {
			r, err := routing.New(routing.Config{Store: w.s})
			must(t, err)
			wg.Go(func() {
				if _, err := r.RouteQueue(t.Context(), w.ws.ID, q.ID); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		seen := map[string]bool{}
		for _, a := range as {
			open, err := w.s.OpenOffers(t.Context(), w.ws.ID, a.ID)
			must(t, err)
			if len(open) != capacity {
				t.Errorf("agent holds %d open offers, want its capacity %d", len(open), capacity)
			}
			for _, o := range open {
				if seen[o.ConversationID] {
					t.Errorf("conversation %s offered twice", o.ConversationID)
				}
				seen[o.ConversationID] = true
			}
		}
	})
}
