package bus_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/parleychat/parley/internal/bus"
	"github.com/parleychat/parley/internal/testenv"
)

// wait bounds every wait for an asynchronous delivery.
const wait = 5 * time.Second

func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelInfo}))
}

// openEmbedded opens a bus on its own in-process server.
func openEmbedded(t *testing.T) *bus.Bus {
	t.Helper()
	b, err := bus.Open(t.Context(), bus.Config{StoreDir: t.TempDir(), Name: "parley-test"}, testLogger(t))
	if err != nil {
		t.Fatalf("Open embedded: %v", err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

// openExternal opens a bus on the server named by PARLEY_TEST_NATS_URL and
// skips the test when it is unset.
func openExternal(t *testing.T) *bus.Bus {
	t.Helper()
	url := testenv.NATSURL(t)
	b, err := bus.Open(t.Context(), bus.Config{URL: url, Name: "parley-test"}, testLogger(t))
	if err != nil {
		t.Fatalf("Open %s: %v", url, err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

// newWorkspace returns a random workspace ID, so that tests sharing an
// external server never see each other's messages.
func newWorkspace() string { return "test-" + rand.Text() }

func mustSubject(t *testing.T, ws string, parts ...string) string {
	t.Helper()
	s, err := bus.Subject(ws, parts...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

type message struct{ Subject, Data string }

// subscribe collects the messages on subject into a channel.
func subscribe(t *testing.T, b *bus.Bus, subject string) (<-chan message, func() error) {
	t.Helper()
	ch := make(chan message, 1024)
	unsubscribe, err := b.Subscribe(subject, func(subject string, data []byte) {
		ch <- message{subject, string(data)}
	})
	if err != nil {
		t.Fatalf("Subscribe(%q): %v", subject, err)
	}
	t.Cleanup(func() { unsubscribe() })
	return ch, unsubscribe
}

func publish(t *testing.T, b *bus.Bus, subject, data string) {
	t.Helper()
	if err := b.Publish(t.Context(), subject, []byte(data)); err != nil {
		t.Fatalf("Publish(%q): %v", subject, err)
	}
}

// ping flushes b: once it returns, the server has processed everything b
// sent before, subscriptions included.
func ping(t *testing.T, b *bus.Bus) {
	t.Helper()
	if err := b.Ping(t.Context()); err != nil {
		t.Fatalf("Ping: %v", err)
	}
}

func receive(t *testing.T, ch <-chan message, want message) {
	t.Helper()
	select {
	case got := <-ch:
		if got != want {
			t.Fatalf("received %+v, want %+v", got, want)
		}
	case <-time.After(wait):
		t.Fatalf("no message after %s, want %+v", wait, want)
	}
}

func TestEmbedded(t *testing.T) {
	t.Parallel()
	testBus(t, openEmbedded)
}

func TestExternal(t *testing.T) {
	t.Parallel()
	testenv.NATSURL(t)
	testBus(t, openExternal)
}

// testBus runs the behaviour every bus must have, whatever its server.
func testBus(t *testing.T, open func(*testing.T) *bus.Bus) {
	t.Run("PublishSubscribe", func(t *testing.T) {
		t.Parallel()
		b := open(t)
		subject := mustSubject(t, newWorkspace(), "conversation", "c1")
		ch, _ := subscribe(t, b, subject)
		publish(t, b, subject, "hello")
		receive(t, ch, message{subject, "hello"})
	})

	t.Run("Wildcards", func(t *testing.T) {
		t.Parallel()
		b := open(t)
		ws := newWorkspace()
		all, _ := subscribe(t, b, mustSubject(t, ws)+".>")
		oneLevel, _ := subscribe(t, b, mustSubject(t, ws, "conversation")+".*")
		other, _ := subscribe(t, b, mustSubject(t, newWorkspace())+".>")

		deep := mustSubject(t, ws, "conversation", "c1", "typing")
		shallow := mustSubject(t, ws, "conversation", "c1")
		publish(t, b, deep, "1")
		publish(t, b, shallow, "2")
		receive(t, all, message{deep, "1"})
		receive(t, all, message{shallow, "2"})
		receive(t, oneLevel, message{shallow, "2"})
		ping(t, b)
		if len(other) != 0 || len(oneLevel) != 0 {
			t.Fatalf("unexpected deliveries: other workspace %d, one-level wildcard %d extra", len(other), len(oneLevel))
		}
	})

	t.Run("UnsubscribeStopsDelivery", func(t *testing.T) {
		t.Parallel()
		b := open(t)
		subject := mustSubject(t, newWorkspace(), "agent", "a1")
		stopped, unsubscribe := subscribe(t, b, subject)
		control, _ := subscribe(t, b, subject)

		publish(t, b, subject, "before")
		receive(t, stopped, message{subject, "before"})
		receive(t, control, message{subject, "before"})

		if err := unsubscribe(); err != nil {
			t.Fatalf("unsubscribe: %v", err)
		}
		if err := unsubscribe(); err != nil {
			t.Fatalf("second unsubscribe: %v", err)
		}
		publish(t, b, subject, "after")
		receive(t, control, message{subject, "after"})
		ping(t, b)
		select {
		case m := <-stopped:
			t.Fatalf("unsubscribed handler received %+v", m)
		default:
		}
	})

	t.Run("ConcurrentPublishers", func(t *testing.T) {
		t.Parallel()
		b := open(t)
		subject := mustSubject(t, newWorkspace(), "load")
		var (
			mu   sync.Mutex
			seen = map[string]bool{}
			done = make(chan struct{})
		)
		const publishers, each = 8, 100
		unsubscribe, err := b.Subscribe(subject, func(_ string, data []byte) {
			mu.Lock()
			defer mu.Unlock()
			seen[string(data)] = true
			if len(seen) == publishers*each {
				close(done)
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		defer unsubscribe()
		var wg sync.WaitGroup
		for p := range publishers {
			wg.Go(func() {
				for i := range each {
					if err := b.Publish(t.Context(), subject, fmt.Appendf(nil, "%d-%d", p, i)); err != nil {
						t.Error(err)
						return
					}
				}
			})
		}
		wg.Wait()
		select {
		case <-done:
		case <-time.After(wait):
			mu.Lock()
			defer mu.Unlock()
			t.Fatalf("received %d distinct messages, want %d", len(seen), publishers*each)
		}
	})

	t.Run("PublishWithDoneContext", func(t *testing.T) {
		t.Parallel()
		b := open(t)
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		if err := b.Publish(ctx, mustSubject(t, newWorkspace(), "x"), nil); err == nil {
			t.Fatal("Publish with a cancelled context succeeded")
		}
	})

	t.Run("PingAndClose", func(t *testing.T) {
		t.Parallel()
		b := open(t)
		ping(t, b)
		if err := b.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
		if err := b.Close(); err != nil {
			t.Fatalf("second Close: %v", err)
		}
		if err := b.Ping(t.Context()); err == nil {
			t.Fatal("Ping after Close succeeded")
		}
		if err := b.Publish(t.Context(), mustSubject(t, newWorkspace(), "x"), nil); err == nil {
			t.Fatal("Publish after Close succeeded")
		}
		if _, err := b.Subscribe(mustSubject(t, newWorkspace(), "x"), func(string, []byte) {}); err == nil {
			t.Fatal("Subscribe after Close succeeded")
		}
	})

	t.Run("CloseDeliversPending", func(t *testing.T) {
		t.Parallel()
		b := open(t)
		subject := mustSubject(t, newWorkspace(), "drain")
		ch, unsubscribe := subscribe(t, b, subject)
		publish(t, b, subject, "last")
		if err := b.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
		receive(t, ch, message{subject, "last"})
		if err := unsubscribe(); err != nil {
			t.Fatalf("unsubscribe after Close: %v", err)
		}
	})

	t.Run("Collector", func(t *testing.T) {
		t.Parallel()
		b := open(t)
		reg := prometheus.NewPedanticRegistry()
		if err := reg.Register(b.Collector()); err != nil {
			t.Fatalf("Register: %v", err)
		}
		if problems, err := testutil.CollectAndLint(b.Collector()); err != nil || len(problems) > 0 {
			t.Fatalf("lint: %v %+v", err, problems)
		}

		subject := mustSubject(t, newWorkspace(), "metrics")
		ch, _ := subscribe(t, b, subject)
		publish(t, b, subject, "12345")
		receive(t, ch, message{subject, "12345"})

		const want = `
# HELP parley_bus_connected 1 if the bus is connected to its NATS server, else 0.
# TYPE parley_bus_connected gauge
parley_bus_connected 1
# HELP parley_bus_received_bytes_total Payload bytes delivered to this node by NATS.
# TYPE parley_bus_received_bytes_total counter
parley_bus_received_bytes_total 5
# HELP parley_bus_received_messages_total Messages delivered to this node by NATS.
# TYPE parley_bus_received_messages_total counter
parley_bus_received_messages_total 1
# HELP parley_bus_reconnects_total Times the connection to NATS was re-established.
# TYPE parley_bus_reconnects_total counter
parley_bus_reconnects_total 0
# HELP parley_bus_sent_bytes_total Payload bytes published by this node.
# TYPE parley_bus_sent_bytes_total counter
parley_bus_sent_bytes_total 5
# HELP parley_bus_sent_messages_total Messages published by this node.
# TYPE parley_bus_sent_messages_total counter
parley_bus_sent_messages_total 1
`
		if err := testutil.GatherAndCompare(reg, strings.NewReader(want)); err != nil {
			t.Fatal(err)
		}

		b.Close()
		if got := testutil.ToFloat64(onlyConnected{b.Collector()}); got != 0 {
			t.Fatalf("parley_bus_connected after Close = %v, want 0", got)
		}
	})
}

// onlyConnected narrows the bus collector to parley_bus_connected, for
// testutil.ToFloat64.
type onlyConnected struct{ prometheus.Collector }

func (c onlyConnected) Collect(ch chan<- prometheus.Metric) {
	all := make(chan prometheus.Metric)
	go func() { c.Collector.Collect(all); close(all) }()
	for m := range all {
		if strings.Contains(m.Desc().String(), `"parley_bus_connected"`) {
			ch <- m
		}
	}
}

func TestEmbeddedOpensNoPort(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "data", "nats") // created on demand, as on a first start
	b, err := bus.Open(t.Context(), bus.Config{StoreDir: dir, Name: "parley test"}, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if !b.Embedded() {
		t.Fatal("Embedded() = false for a bus without URL")
	}
	if addrs := bus.Listeners(b); len(addrs) != 0 {
		t.Fatalf("embedded server listens on %v, want no port", addrs)
	}
	// JetStream keeps its state under the configured directory.
	if _, err := os.Stat(filepath.Join(dir, "jetstream")); err != nil {
		t.Fatalf("JetStream store not in StoreDir: %v", err)
	}
}

func TestOpenEmbeddedWithoutStoreDir(t *testing.T) {
	t.Parallel()
	if b, err := bus.Open(t.Context(), bus.Config{}, nil); err == nil {
		b.Close()
		t.Fatal("Open without URL or StoreDir succeeded")
	}
}

func TestOpenExternalUnreachable(t *testing.T) {
	t.Parallel()
	// Port 1 on loopback refuses connections; the password must not leak.
	url := "nats://parley:s3cret@127.0.0.1:1"
	b, err := bus.Open(t.Context(), bus.Config{URL: url}, nil)
	if err == nil {
		b.Close()
		t.Fatalf("Open(%q) succeeded", url)
	}
	if msg := err.Error(); !strings.Contains(msg, "127.0.0.1:1") || strings.Contains(msg, "s3cret") {
		t.Fatalf("error %q should name the server and hide the password", msg)
	}
}

func TestOpenExternalHonoursDeadline(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if b, err := bus.Open(ctx, bus.Config{URL: "nats://127.0.0.1:1"}, nil); err == nil {
		b.Close()
		t.Fatal("Open with a cancelled context succeeded")
	}
}

func TestExternalBusesShareMessages(t *testing.T) {
	t.Parallel()
	a, b := openExternal(t), openExternal(t)
	if a.Embedded() || b.Embedded() {
		t.Fatal("Embedded() = true for a bus with a URL")
	}
	ws := newWorkspace()
	toB, toA := mustSubject(t, ws, "node", "b"), mustSubject(t, ws, "node", "a")
	chB, _ := subscribe(t, b, toB)
	chA, _ := subscribe(t, a, toA)
	ping(t, a) // the server now knows both subscriptions
	ping(t, b)

	publish(t, a, toB, "from a")
	publish(t, b, toA, "from b")
	receive(t, chB, message{toB, "from a"})
	receive(t, chA, message{toA, "from b"})
}
