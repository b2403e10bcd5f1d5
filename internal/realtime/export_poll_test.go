package realtime

// Test hooks of the reading of idle connections.

// Polled returns how many of g's connections wait on its poller rather
// than on a goroutine of their own (0 where there is no poller).
func Polled(g *Gateway) int {
	g.mu.Lock()
	p := g.poller
	g.mu.Unlock()
	if p == nil {
		return 0
	}
	return p.len()
}

// ReadersPeak returns the most connections g has read at once.
func ReadersPeak(g *Gateway) int64 {
	g.mu.Lock()
	r := g.readers
	g.mu.Unlock()
	if r == nil {
		return 0
	}
	return r.peak.Load()
}
