package webhook_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/testenv"
	"github.com/parleychat/parley/internal/webhook"
)

// TestWriteTransactionsPerDelivery is the guard of the dispatch cost on
// the database's writer (docs/performance.md, "Webhooks: dispatch rate and
// lag"): with 100 events due at once, 10 conversations of 10 messages,
// one dispatcher delivers them all, each conversation in order, in at
// most 0.2 write transactions per delivery — counted by the store, so the
// figure does not depend on the machine. It is 1 sweep, 1 fan-out, 1 claim
// of the 10 chains and at most one record per chain: at most 13.
func TestWriteTransactionsPerDelivery(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    func(t *testing.T) *fixture
	}{
		{"SQLite", newFixture},
		{"Postgres", func(t *testing.T) *fixture { return newFixtureOn(t, testenv.PostgresURL(t)) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := tc.f(t)
			rcv := newReceiver(t, nil)
			e := f.endpoint(t, rcv.srv.URL, "message.created")
			rcv.setSecret(e.Secret)
			const convs, per = 10, 10
			var conversations []*parley.Conversation
			for range convs {
				conv, c := f.conversation(t)
				conversations = append(conversations, conv)
				for i := range per {
					f.say(t, conv, c, fmt.Sprint(i))
				}
			}
			before := f.store.WriteTransactions()
			start(t, f.store, func(c *webhook.Config) { c.Poll = time.Hour }) // no poll: one round and the recorder's wakes
			eventually(t, "every delivery recorded", func() bool {
				return len(deliveries(t, f.store, f.ws.ID, e.ID, parley.WebhookDeliveryFilter{Status: parley.DeliveryDelivered})) == convs*per
			})
			writes := f.store.WriteTransactions() - before
			perDelivery := float64(writes) / (convs * per)
			t.Logf("%d write transactions for %d deliveries: %.2f each", writes, convs*per, perDelivery)
			if perDelivery > 0.2 {
				t.Errorf("%.2f write transactions per delivery, want at most 0.2", perDelivery)
			}
			all, attempts, bad := rcv.snapshot()
			if len(bad) > 0 || len(attempts) != convs*per {
				t.Fatalf("%d events received, bad %v", len(attempts), bad)
			}
			for id, n := range attempts {
				if n != 1 {
					t.Errorf("%s received %d times", id, n)
				}
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
		})
	}
}

// TestWakesOnCommit: with the store's hook set (as every node sets it), an
// event committed wakes the dispatcher: it is delivered though the next
// poll is an hour away.
func TestWakesOnCommit(t *testing.T) {
	f := newFixture(t)
	rcv := newReceiver(t, nil)
	e := f.endpoint(t, rcv.srv.URL, "message.created")
	rcv.setSecret(e.Secret)
	conv, c := f.conversation(t)
	d := start(t, f.store, func(c *webhook.Config) { c.Poll = time.Hour })
	f.store.OnEventsCommitted(d.Wake)
	// The dispatcher's first round may come before or after this message;
	// each message after it is delivered only if the commit wakes it.
	for i := range 3 {
		f.say(t, conv, c, fmt.Sprint(i))
		eventually(t, fmt.Sprint("message ", i, " delivered"), func() bool {
			_, attempts, _ := rcv.snapshot()
			return len(attempts) == i+1
		})
	}
}

// TestLeaseTooShortForAChain: when the lease leaves no room for a second
// request after the first (Lease barely above Timeout), a claimed chain
// sends its first delivery and gives the rest back; every event still
// arrives once, in order.
func TestLeaseTooShortForAChain(t *testing.T) {
	f := newFixture(t)
	rcv := newReceiver(t, nil)
	e := f.endpoint(t, rcv.srv.URL, "message.created")
	rcv.setSecret(e.Secret)
	conv, c := f.conversation(t)
	const n = 5
	for i := range n {
		f.say(t, conv, c, fmt.Sprint(i))
	}
	start(t, f.store, func(c *webhook.Config) { c.Lease = c.Timeout + time.Second })
	eventually(t, "every delivery recorded", func() bool {
		return len(deliveries(t, f.store, f.ws.ID, e.ID, parley.WebhookDeliveryFilter{Status: parley.DeliveryDelivered})) == n
	})
	onceEachInOrder(t, f, rcv, e, conv, n)
}

// slowClaims is a store whose first claim takes, by the dispatcher's
// clock, jump: as a claim does on a database loaded enough that it waits
// its turn for seconds.
type slowClaims struct {
	parley.WebhookStore
	jump time.Duration

	mu     sync.Mutex
	offset time.Duration
	claims int
}

func (s *slowClaims) now() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return time.Now().Add(s.offset)
}

func (s *slowClaims) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.claims
}

func (s *slowClaims) ClaimWebhookChains(ctx context.Context, owner string, now, leaseUntil time.Time, chains, perChain int) ([][]*parley.WebhookTask, error) {
	out, err := s.WebhookStore.ClaimWebhookChains(ctx, owner, now, leaseUntil, chains, perChain)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.claims++; s.claims == 1 {
		s.offset += s.jump
	}
	return out, err
}

// TestSlowClaimSendsNothing: a claim that ends with less of its lease
// left than a request may take sends nothing (another dispatcher could
// take the deliveries once the lease runs out, and send them twice) and
// gives its chains back; the next claim delivers them, each once.
func TestSlowClaimSendsNothing(t *testing.T) {
	f := newFixture(t)
	const timeout, lease = 5 * time.Second, 15 * time.Second
	store := &slowClaims{WebhookStore: f.store, jump: lease - timeout + time.Second}
	var early atomic.Int32 // requests made while the slow claim was the only one
	rcv := newReceiver(t, func(string, int) int {
		if store.count() < 2 {
			early.Add(1)
		}
		return http.StatusOK
	})
	e := f.endpoint(t, rcv.srv.URL, "message.created")
	rcv.setSecret(e.Secret)
	conv, c := f.conversation(t)
	const n = 3
	for i := range n {
		f.say(t, conv, c, fmt.Sprint(i))
	}
	start(t, store, func(c *webhook.Config) { c.Timeout, c.Lease, c.Now = timeout, lease, store.now })
	eventually(t, "every delivery recorded", func() bool {
		return len(deliveries(t, f.store, f.ws.ID, e.ID, parley.WebhookDeliveryFilter{Status: parley.DeliveryDelivered})) == n
	})
	if k := early.Load(); k > 0 {
		t.Errorf("%d requests sent on the strength of a claim with less than Timeout of its lease left", k)
	}
	onceEachInOrder(t, f, rcv, e, conv, n)
}

// onceEachInOrder checks that the conversation's n messages ("0", "1", …)
// reached the receiver once each, in order, each delivery in one attempt
// (a delivery given back is not an attempt).
func onceEachInOrder(t *testing.T, f *fixture, rcv *receiver, e *parley.WebhookEndpoint, conv *parley.Conversation, n int) {
	t.Helper()
	all, attempts, _ := rcv.snapshot()
	for id, k := range attempts {
		if k != 1 {
			t.Errorf("%s received %d times", id, k)
		}
	}
	want := make([]string, n)
	for i := range want {
		want[i] = fmt.Sprint(i)
	}
	if got := bodies(all, conv.ID); !slices.Equal(got, want) {
		t.Errorf("delivered as %v, want %v", got, want)
	}
	for _, d := range deliveries(t, f.store, f.ws.ID, e.ID, parley.WebhookDeliveryFilter{}) {
		if d.Attempts != 1 {
			t.Errorf("delivery %s: %d attempts, want 1 (a delivery given back is not an attempt)", d.ID, d.Attempts)
		}
	}
}
