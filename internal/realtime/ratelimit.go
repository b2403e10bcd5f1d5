package realtime

import (
	"encoding/json"
	"math"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/parleychat/parley"
)

// FrameLimit is an inbound rate limit: Rate frames a second sustained, in
// bursts of up to Burst frames (a token bucket).
type FrameLimit struct {
	Rate  float64
	Burst int
}

// Default inbound limits: a visitor is a person typing (a few frames a
// second, and a burst that covers following 20 conversations and the feed
// again after a reconnect); staff follow many conversations and bots and
// back-ends answer many.
var (
	DefaultVisitorFrames = FrameLimit{Rate: 5, Burst: 40}
	DefaultStaffFrames   = FrameLimit{Rate: 50, Burst: 1000}
)

func (l *FrameLimit) setDefault(def FrameLimit) {
	if !(l.Rate > 0) || l.Burst <= 0 {
		*l = def
	}
}

// refill is how long an empty bucket of l takes to fill up.
func (l FrameLimit) refill() time.Duration {
	return time.Duration(float64(l.Burst) / l.Rate * float64(time.Second))
}

// frameLimiter is the inbound limit of one holder — a visitor's contact,
// an agent, an API token — on this node, shared by all the holder's
// connections, and kept after the last one ends until it has refilled: a
// client that closes and reconnects, or opens more connections, gets no
// fresh burst. It counts the data frames (and pings) the connections send
// once authenticated. A frame beyond the limit is refused before anything
// is done with it: no store, no bus, only the few bytes of its id are
// decoded, to answer it with rate_limited. The refused frames draw on a
// second bucket of the same size: a holder that keeps sending at more than
// twice its limit (or more than twice its burst at once) empties it, and
// the connection is closed with 4029.
type frameLimiter struct {
	limit   FrameLimit
	frames  *rate.Limiter
	refused *rate.Limiter
	conns   int       // connections using it; guarded by frameLimits.mu
	idle    time.Time // when conns fell to 0
}

// take decides on a frame received at now: handle it (ok), refuse it and
// say how long until the next one may come (wait), or close the connection
// (abuse).
func (f *frameLimiter) take(now time.Time) (ok bool, wait time.Duration, abuse bool) {
	if f.frames.AllowN(now, 1) {
		return true, 0, false
	}
	if !f.refused.AllowN(now, 1) {
		return false, 0, true
	}
	missing := 1 - f.frames.TokensAt(now)
	return false, time.Duration(math.Ceil(missing / float64(f.frames.Limit()) * float64(time.Second))), false
}

// frameLimits holds the gateway's frameLimiters by holder.
type frameLimits struct {
	mu        sync.Mutex
	holders   map[string]*frameLimiter
	lastSweep time.Time
}

// limitSweepEvery is how often forgotten are the limiters of holders
// without a connection whose buckets have refilled (forgetting them
// changes nothing).
const limitSweepEvery = 10 * time.Second

// acquire returns the limiter of holder, with limit l, for one more
// connection; release gives it back.
func (ls *frameLimits) acquire(holder string, l FrameLimit, now time.Time) *frameLimiter {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	if ls.holders == nil {
		ls.holders = map[string]*frameLimiter{}
	}
	f := ls.holders[holder]
	if f == nil || f.limit != l {
		f = &frameLimiter{
			limit:   l,
			frames:  rate.NewLimiter(rate.Limit(l.Rate), l.Burst),
			refused: rate.NewLimiter(rate.Limit(l.Rate), l.Burst),
		}
		ls.holders[holder] = f
	}
	f.conns++
	if now.Sub(ls.lastSweep) >= limitSweepEvery {
		ls.lastSweep = now
		for h, g := range ls.holders {
			if g.conns == 0 && now.Sub(g.idle) >= g.limit.refill() {
				delete(ls.holders, h)
			}
		}
	}
	return f
}

func (ls *frameLimits) release(f *frameLimiter, now time.Time) {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	if f.conns--; f.conns == 0 {
		f.idle = now
	}
}

// size returns how many holders' limiters ls keeps.
func (ls *frameLimits) size() int {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	return len(ls.holders)
}

// limitHolder names whose limit a connection of who draws on.
func limitHolder(who *Identity) string {
	if who.Visitor {
		return "contact/" + who.Caller.WorkspaceID() + "/" + who.Caller.Participant().ID
	}
	return string(who.Principal.Type) + "/" + who.Principal.ID
}

// overLimit takes a frame, just received, from the connection's limit:
// it reports whether the frame is refused, and how long until the next one
// may come. A connection far beyond its limit is ended. c.rmu is held; the
// connection is authenticated.
func (c *conn) overLimit() (refused bool, wait time.Duration) {
	ok, wait, abuse := c.limiter.take(c.g.clock())
	switch {
	case ok:
		return false, 0
	case abuse:
		c.g.stats.rateLimitCloses.Add(1)
		c.log().Warn("realtime: frames far beyond the rate limit; disconnecting")
		c.end(StatusRateLimited, reasonRateLimited)
		return true, 0
	}
	c.g.stats.framesRefused.Add(1)
	return true, wait
}

// refuse answers a refused data frame with rate_limited, decoding nothing
// of it but its id.
func (c *conn) refuse(text bool, data []byte, wait time.Duration) {
	if c.isEnding() {
		return
	}
	var req struct {
		ID string `json:"id"`
	}
	if text {
		json.Unmarshal(data, &req) // for the id only; a frame that is not JSON is answered without one
	}
	if len(req.ID) > maxRequestIDLength {
		req.ID = ""
	}
	err := &parley.Error{Code: parley.ERATELIMITED, Message: "Too many frames: slow down.", RetryAfter: wait}
	c.reply(newErrorFrame(req.ID, err))
}
