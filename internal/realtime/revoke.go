package realtime

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"sync"
	"time"

	"github.com/coder/websocket"

	"github.com/parleychat/parley"
)

// A connection never outlives its credential. Three paths close it:
//
//   - Revoke, called by whoever ended a credential once the change has
//     committed, closes this node's connections that hold it at once
//     (before it returns: no request of theirs is handled, and nothing is
//     sent to them, afterwards) and publishes a notice on the bus.
//   - Every gateway holds one bus subscription to those notices and closes
//     its own matching connections on receipt.
//   - A notice can be lost (the bus is at most once, and `parley admin`
//     changes the database without one): every CredentialRecheck, the
//     gateway asks the Authenticator about all its connections'
//     credentials in batches, and closes those that ended (recheck.go).
//
// A connection authenticating while a notice arrives may have read its
// credential just before the change committed: after authenticate (and
// refresh) the gateway matches the connection against the notices that
// arrived meanwhile (revocationLog).

// revocationNotice is a Revocation as it travels on the bus. ID tells a
// node its own notices, which it has applied already, from the others'.
type revocationNotice struct {
	ID string `json:"id"`
	parley.Revocation
}

// Revoke implements parley.Revoker: it closes the local connections
// holding a credential r names, then tells the other nodes. A failure to
// publish is logged; the other nodes' recheck catches what they miss.
func (g *Gateway) Revoke(ctx context.Context, r parley.Revocation) {
	n := revocationNotice{ID: rand.Text(), Revocation: r}
	g.applyRevocation(n)
	if g.cfg.RevocationSubject == "" {
		return
	}
	if err := g.cfg.Bus.Publish(ctx, g.cfg.RevocationSubject, encode(n)); err != nil {
		g.logger.Warn("realtime: publish revocation; the other nodes' recheck will close its connections",
			"reason", r.Reason, "err", err)
	}
}

// PublishRevocation tells the gateways subscribed to subject on b that
// the credentials r names ended: for a process that ends credentials and
// serves no gateway of its own.
func PublishRevocation(ctx context.Context, b parley.Bus, subject string, r parley.Revocation) error {
	return b.Publish(ctx, subject, encode(revocationNotice{ID: rand.Text(), Revocation: r}))
}

// onRevocation is the bus callback of revocation notices.
func (g *Gateway) onRevocation(_ string, data []byte) {
	var n revocationNotice
	if err := json.Unmarshal(data, &n); err != nil || n.ID == "" || n.WorkspaceID == "" {
		g.logger.Warn("realtime: undecodable revocation notice", "err", err)
		return
	}
	g.applyRevocation(n)
}

// applyRevocation records n (once: a node receives its own notices back)
// and ends every authenticated connection it matches.
func (g *Gateway) applyRevocation(n revocationNotice) {
	if !g.revocations.add(n) {
		return
	}
	var ended []*conn
	g.mu.Lock()
	for c := range g.conns {
		if who := c.identity(); who != nil && n.Matches(who.Principal) {
			ended = append(ended, c)
		}
	}
	g.mu.Unlock()
	for _, c := range ended {
		c.revoked(n.Reason)
	}
}

// revokedSince ends c if a revocation recorded after mark matches its
// identity: one that arrived while c's credential was being checked.
// It reports whether it did.
func (c *conn) revokedSince(mark uint64) bool {
	who := c.identity()
	if who == nil {
		return false
	}
	if reason, ok := c.g.revocations.matchSince(mark, who.Principal); ok {
		c.revoked(reason)
		return true
	}
	return false
}

// revoked closes the connection, whose credential ended for reason.
func (c *conn) revoked(reason parley.EndReason) {
	if c.isEnding() {
		return
	}
	code, text := revokedCloseStatus(reason)
	c.log().Info("realtime: credential ended; disconnecting", "reason", reason)
	c.g.stats.revoked.Add(1)
	c.end(code, text)
}

// revokedCloseStatus returns the close code and reason of a connection
// whose credential ended for reason (docs/protocol.md lists them).
func revokedCloseStatus(reason parley.EndReason) (websocket.StatusCode, string) {
	switch reason {
	case parley.EndRoleChanged:
		return StatusRoleChanged, reasonRoleChanged
	case parley.EndContactMerged:
		return StatusContactMerged, reasonContactMerged
	case parley.EndContactErased:
		return StatusCredentialRevoked, reasonContactErased
	case parley.EndWorkspaceDeleted:
		return StatusCredentialRevoked, reasonWorkspaceDeleted
	}
	return StatusCredentialRevoked, reasonCredentialRevoked
}

// revocationLog keeps the revocations of the last while (the longest an
// authentication may take), numbered in the order this node learnt them,
// to match connections that were authenticating when one arrived, and to
// apply each notice once.
type revocationLog struct {
	keep time.Duration

	mu      sync.Mutex
	seq     uint64 // the number of the last one recorded
	entries []loggedRevocation
	seen    map[string]struct{} // the IDs of entries
}

type loggedRevocation struct {
	seq uint64
	at  time.Time
	n   revocationNotice
}

func newRevocationLog(keep time.Duration) *revocationLog {
	return &revocationLog{keep: keep, seen: map[string]struct{}{}}
}

// add records n and reports true, or false if it was recorded already.
func (l *revocationLog) add(n revocationNotice) bool {
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.prune(now)
	if _, ok := l.seen[n.ID]; ok {
		return false
	}
	l.seq++
	l.entries = append(l.entries, loggedRevocation{seq: l.seq, at: now, n: n})
	l.seen[n.ID] = struct{}{}
	return true
}

// mark returns the number of the last revocation recorded: take it before
// checking a credential, and pass it to matchSince after.
func (l *revocationLog) mark() uint64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.seq
}

// matchSince returns the reason of the first revocation recorded after
// mark that matches p.
func (l *revocationLog) matchSince(mark uint64, p *parley.Principal) (parley.EndReason, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, e := range l.entries {
		if e.seq > mark && e.n.Matches(p) {
			return e.n.Reason, true
		}
	}
	return "", false
}

// prune forgets the entries older than keep. l.mu is held.
func (l *revocationLog) prune(now time.Time) {
	i := 0
	for i < len(l.entries) && now.Sub(l.entries[i].at) > l.keep {
		delete(l.seen, l.entries[i].n.ID)
		i++
	}
	if i > 0 {
		l.entries = append(l.entries[:0], l.entries[i:]...)
	}
}
