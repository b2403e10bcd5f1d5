package bus_test

import (
	"context"
	"testing"
	"time"

	"github.com/parleychat/parley/internal/bus"
	"github.com/parleychat/parley/internal/testenv"
)

// recoveries collects the since of each OnRecovered call of a bus.
func recoveries(t *testing.T, b *bus.Bus) <-chan time.Time {
	t.Helper()
	ch := make(chan time.Time, 16)
	remove := b.OnRecovered(func(since time.Time) { ch <- since })
	t.Cleanup(remove)
	return ch
}

func nextRecovery(t *testing.T, ch <-chan time.Time, who string) time.Time {
	t.Helper()
	select {
	case since := <-ch:
		return since
	case <-time.After(wait):
		t.Fatalf("%s: no recovery reported", who)
	}
	panic("unreachable")
}

// Node A loses its connection while node B keeps its own: once A is back,
// with its subscriptions in place, A's hooks run with the time of the loss,
// and so do B's — A may have published into the void meanwhile.
func TestRecoveredHooks(t *testing.T) {
	t.Parallel()
	ns := testenv.StartNATS(t)
	gate := testenv.NewGate(t, ns.Addr())
	open := func(addr string) *bus.Bus {
		b, err := bus.Open(t.Context(), bus.Config{URL: "nats://" + addr, ReconnectWait: 20 * time.Millisecond}, testLogger(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { b.Close() })
		return b
	}
	a, b := open(gate.Addr()), open(ns.Addr())
	atA, atB := recoveries(t, a), recoveries(t, b)
	ws := newWorkspace()
	subject := mustSubject(t, ws, "after", "recovery")
	got, _ := subscribe(t, a, subject)

	before := time.Now()
	gate.SetOpen(false)
	gate.Cut()
	for deadline := time.Now().Add(wait); a.Ping(context.Background()) == nil; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("node A did not notice the cut")
		}
	}
	gate.SetOpen(true)
	sinceA := nextRecovery(t, atA, "node A")
	if sinceA.Before(before) || sinceA.After(time.Now()) {
		t.Errorf("node A recovered from a loss at %s, want after %s", sinceA, before)
	}
	// A's subscription is in place again when its hooks run.
	publish(t, b, subject, "after the recovery")
	receive(t, got, message{subject, "after the recovery"})
	if sinceB := nextRecovery(t, atB, "node B"); !sinceB.Equal(sinceA) {
		t.Errorf("node B told of a loss at %s, want node A's %s", sinceB, sinceA)
	}
	select {
	case since := <-atA:
		t.Errorf("node A reported a second recovery (%s): its own notice came back", since)
	default:
	}
}
