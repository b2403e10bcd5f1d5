package realtime

import (
	"time"
)

// now is the gateway's clock for heartbeats: nanoseconds since it started,
// monotonic, never 0.
func (g *Gateway) now() int64 { return int64(time.Since(g.epoch)) + 1 }

// clock is the gateway's clock for rate limits (Config.Clock).
func (g *Gateway) clock() time.Time { return g.cfg.Clock() }

// heartbeatTick returns how often the heartbeat ticker looks at the
// connections: a fraction of the shorter of the ping interval and the pong
// timeout, so that a ping or a timeout comes at most that late.
func heartbeatTick(cfg *Config) time.Duration {
	return min(max(min(cfg.PingInterval, cfg.PongTimeout)/4, 5*time.Millisecond), time.Second)
}

// heartbeats pings every authenticated connection each PingInterval and
// ends, with 4001, one that has not answered the last ping within
// PongTimeout; one ticker for all the connections, until stop is closed.
func (g *Gateway) heartbeats(stop <-chan struct{}) {
	defer close(g.heartbeatsDone)
	t := time.NewTicker(heartbeatTick(&g.cfg))
	defer t.Stop()
	var ping, dead []*conn
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		now := g.now()
		g.mu.Lock()
		for c := range g.conns {
			next := c.nextPing.Load()
			switch due := c.pongDue.Load(); {
			case next == 0: // not authenticated yet
			case due != 0:
				if now >= due {
					dead = append(dead, c)
				}
			case now >= next:
				ping = append(ping, c)
			}
		}
		g.mu.Unlock()
		for _, c := range ping {
			c.pongDue.Store(now + int64(g.cfg.PongTimeout))
			c.nextPing.Store(now + int64(g.cfg.PingInterval))
			c.push(item{kind: itemPing})
		}
		for _, c := range dead {
			if due := c.pongDue.Load(); due == 0 || now < due || c.isEnding() {
				continue // answered meanwhile
			}
			g.stats.heartbeatTimeouts.Add(1)
			c.log().Info("realtime: no answer to a ping; disconnecting")
			c.end(StatusHeartbeatTimeout, reasonHeartbeat)
		}
		clear(ping)
		clear(dead)
		ping, dead = ping[:0], dead[:0]
	}
}
