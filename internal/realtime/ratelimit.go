package realtime

import (
	"encoding/json"
	"math"
	"time"

	"golang.org/x/time/rate"

	"github.com/parleychat/parley"
)

// FrameLimit is an inbound rate limit of one connection: Rate frames a
// second sustained, in bursts of up to Burst frames (a token bucket).
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

// frameLimiter applies a connection's FrameLimit to the data frames (and
// pings) it sends once authenticated. A frame beyond the limit is refused
// before anything is done with it: no store, no bus, only the few bytes of
// its id are decoded, to answer it with rate_limited. The refused frames
// draw on a second bucket of the same size: a connection that keeps
// sending at more than twice its limit (or more than twice its burst at
// once) empties it and is closed with 4029. Guarded by conn.rmu.
type frameLimiter struct {
	frames  *rate.Limiter
	refused *rate.Limiter
}

func newFrameLimiter(l FrameLimit) *frameLimiter {
	return &frameLimiter{
		frames:  rate.NewLimiter(rate.Limit(l.Rate), l.Burst),
		refused: rate.NewLimiter(rate.Limit(l.Rate), l.Burst),
	}
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
