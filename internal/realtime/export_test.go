package realtime

import "time"

// Test hooks: what the gateway holds, seen from package realtime_test.

// BusSubscriptions returns how many bus subscriptions g holds.
func BusSubscriptions(g *Gateway) int64 { return g.hub.subscriptions.Load() }

// LocalSubscribers returns how many of g's connections follow subject.
func LocalSubscribers(g *Gateway, subject string) int { return g.hub.members(subject) }

// SlowConsumers returns how many connections g closed as slow consumers.
func SlowConsumers(g *Gateway) int64 { return g.stats.slowConsumers.Load() }

// NotesDropped returns how many staff-only frames g stopped on their way
// to a visitor.
func NotesDropped(g *Gateway) int64 { return g.stats.notesDropped.Load() }

// Connections returns how many connections g serves.
func Connections(g *Gateway) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.conns)
}

// Revoked returns how many connections g closed because their credential
// ended, and how many of those its periodic recheck found.
func Revoked(g *Gateway) (all, rechecked int64) {
	return g.stats.revoked.Load(), g.stats.rechecked.Load()
}

// CatchUp runs g's catch-up after a loss of notifications from since, at
// once, and reports whether it read everything.
func CatchUp(g *Gateway, since time.Time) bool { return g.catchUp(g.catchUps.ctx, since) }

// FramesRefused returns how many frames g answered with rate_limited, and
// RateLimitCloses how many connections it closed with 4029.
func FramesRefused(g *Gateway) int64   { return g.stats.framesRefused.Load() }
func RateLimitCloses(g *Gateway) int64 { return g.stats.rateLimitCloses.Load() }

// LimitHolders returns how many holders' rate limits g keeps.
func LimitHolders(g *Gateway) int { return g.limits.size() }
