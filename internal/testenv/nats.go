package testenv

import (
	"io"
	"net"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// NATSServer is a NATS server of the test's own, listening on a fixed
// local port, which the test may kill and start again on the same port.
// JetStream is off, as on a plain NATS cluster.
type NATSServer struct {
	addr string
	srv  *server.Server
}

// StartNATS starts a NATS server on a free local port; it is shut down
// when the test ends.
func StartNATS(t testing.TB) *NATSServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ns := &NATSServer{addr: ln.Addr().String()}
	ln.Close()
	ns.Start(t)
	t.Cleanup(func() {
		if ns.srv != nil {
			ns.srv.Shutdown()
		}
	})
	return ns
}

// Addr returns the server's host:port.
func (ns *NATSServer) Addr() string { return ns.addr }

// Start starts the server again after Kill, on the same port.
func (ns *NATSServer) Start(t testing.TB) {
	t.Helper()
	host, port, _ := net.SplitHostPort(ns.addr)
	p, _ := strconv.Atoi(port)
	srv, err := server.NewServer(&server.Options{Host: host, Port: p, NoSigs: true, NoLog: true})
	if err != nil {
		t.Fatalf("NATS server on %s: %v", ns.addr, err)
	}
	srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatalf("NATS server on %s not ready", ns.addr)
	}
	ns.srv = srv
}

// Kill stops the server, dropping every client connection.
func (ns *NATSServer) Kill() {
	ns.srv.Shutdown()
	ns.srv.WaitForShutdown()
	ns.srv = nil
}

// Gate forwards TCP connections to a target address while open; closed,
// it accepts and at once drops new ones, so that a client cannot
// (re)connect through it. It stands for a network path: to a NATS server,
// to a node.
type Gate struct {
	ln     net.Listener
	target string
	mu     sync.Mutex
	closed bool
	conns  map[net.Conn]struct{}
}

// NewGate listens on a free local port and forwards to target (host:port);
// it is open.
func NewGate(t testing.TB, target string) *Gate {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	g := &Gate{ln: ln, target: target, conns: map[net.Conn]struct{}{}}
	go g.serve()
	t.Cleanup(func() {
		ln.Close()
		g.Cut()
	})
	return g
}

// Addr returns the gate's host:port.
func (g *Gate) Addr() string { return g.ln.Addr().String() }

// Point sends new connections to another target (host:port).
func (g *Gate) Point(target string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.target = target
}

// SetOpen opens or closes the gate to new connections.
func (g *Gate) SetOpen(open bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.closed = !open
}

// Cut drops every connection through the gate.
func (g *Gate) Cut() {
	g.mu.Lock()
	defer g.mu.Unlock()
	for c := range g.conns {
		c.Close()
	}
}

func (g *Gate) serve() {
	for {
		c, err := g.ln.Accept()
		if err != nil {
			return
		}
		g.mu.Lock()
		closed, target := g.closed, g.target
		g.mu.Unlock()
		if closed {
			c.Close()
			continue
		}
		s, err := net.Dial("tcp", target)
		if err != nil {
			c.Close()
			continue
		}
		g.mu.Lock()
		if g.closed { // closed while dialling
			g.mu.Unlock()
			c.Close()
			s.Close()
			continue
		}
		g.conns[c], g.conns[s] = struct{}{}, struct{}{}
		g.mu.Unlock()
		go g.pipe(c, s)
		go g.pipe(s, c)
	}
}

func (g *Gate) pipe(dst, src net.Conn) {
	io.Copy(dst, src)
	dst.Close()
	src.Close()
	g.mu.Lock()
	delete(g.conns, dst)
	delete(g.conns, src)
	g.mu.Unlock()
}
