package testenv

import (
	"context"
	"net"
	"net/netip"
	"sync/atomic"
	"testing"
	"time"
)

// ConnRecorder is a TCP listener on 127.0.0.1 that accepts and closes
// connections, counting them: a test points a refused URL at it and then
// proves that nothing connected.
type ConnRecorder struct {
	net.Listener
	accepted atomic.Int32
}

// RecordConnections starts a ConnRecorder, closed when t ends.
func RecordConnections(t testing.TB) *ConnRecorder {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r := &ConnRecorder{Listener: ln}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			r.accepted.Add(1)
			conn.Close()
		}
	}()
	return r
}

// Port returns the port the recorder listens on.
func (r *ConnRecorder) Port() string {
	_, port, _ := net.SplitHostPort(r.Addr().String())
	return port
}

// AssertNoConnection fails t if anything connected to r before this call.
// It connects once itself: connections are accepted in the order they
// were made, so once its own is counted any earlier one has been too.
func (r *ConnRecorder) AssertNoConnection(t testing.TB) {
	t.Helper()
	conn, err := net.Dial("tcp", r.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	conn.Close()
	deadline := time.Now().Add(10 * time.Second)
	for r.accepted.Load() < 1 {
		if time.Now().After(deadline) {
			t.Fatal("the recorder never accepted its own connection")
		}
		time.Sleep(time.Millisecond)
	}
	if n := r.accepted.Load(); n != 1 {
		t.Errorf("%d connections reached the recorder, want none", n-1)
	}
}

// StaticResolver answers DNS lookups from m (host name → IP address), as
// outbound.Config.Resolve: a test makes a name resolve to an internal
// address. Names m does not hold do not resolve.
func StaticResolver(m map[string]string) func(context.Context, string) ([]netip.Addr, error) {
	return func(_ context.Context, host string) ([]netip.Addr, error) {
		if a, ok := m[host]; ok {
			return []netip.Addr{netip.MustParseAddr(a)}, nil
		}
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
}
