package realtime

import (
	"context"
	"time"

	"github.com/parleychat/parley"
)

// recheckBatch is how many connections one Authenticator.Recheck call
// checks.
const recheckBatch = 1000

// rechecks asks the Authenticator, every CredentialRecheck and once the
// bus has recovered from an outage, whether the credentials of the
// authenticated connections still hold, and closes those that ended: the
// safety net for a revocation notice this node missed. It runs until stop
// is closed.
func (g *Gateway) rechecks(stop <-chan struct{}) {
	defer close(g.rechecksDone)
	t := time.NewTicker(g.cfg.CredentialRecheck)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		case <-g.recheckNow:
		}
		g.recheck(stop)
	}
}

// recheckSoon asks for a recheck now, without waiting for the next tick:
// the bus recovered from a loss, during which revocation notices may have
// been lost. It does not block.
func (g *Gateway) recheckSoon(time.Time) {
	select {
	case g.recheckNow <- struct{}{}:
	default: // one is due already
	}
}

// recheck checks every authenticated connection once, in batches.
func (g *Gateway) recheck(stop <-chan struct{}) {
	var conns []*conn
	var ids []*Identity
	g.mu.Lock()
	for c := range g.conns {
		if who := c.identity(); who != nil && who.Principal != nil && who.Principal.Credential.ID != "" && !c.isEnding() {
			conns, ids = append(conns, c), append(ids, who)
		}
	}
	g.mu.Unlock()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-stop:
			cancel()
		case <-ctx.Done():
		}
	}()
	for len(ids) > 0 {
		n := min(len(ids), recheckBatch)
		g.recheckBatch(ctx, conns[:n], ids[:n])
		conns, ids = conns[n:], ids[n:]
	}
}

// recheckBatch checks one batch and closes the connections whose
// credential ended, unless they hold another one by now (a refresh).
func (g *Gateway) recheckBatch(ctx context.Context, conns []*conn, ids []*Identity) {
	ctx, cancel := context.WithTimeout(ctx, g.cfg.AuthTimeout)
	defer cancel()
	reasons, err := g.auth.Recheck(ctx, ids)
	if err == nil && len(reasons) != len(ids) {
		err = parley.Errorf(parley.EINTERNAL, "recheck: %d answers for %d identities", len(reasons), len(ids))
	}
	if err != nil {
		if ctx.Err() == nil {
			g.logger.Warn("realtime: recheck of credentials failed; trying again later", "connections", len(ids), "err", err)
		}
		return
	}
	now := time.Now()
	for i, reason := range reasons {
		c, who := conns[i], ids[i]
		if reason == "" || c.identity() != who {
			continue
		}
		if !who.ExpiresAt.IsZero() && !who.ExpiresAt.After(now) {
			continue // expired: its expiry closes it with 4003 at this moment
		}
		g.stats.rechecked.Add(1)
		c.revoked(reason)
	}
}
