package realtime

import (
	"context"
	"encoding/json"
	"sync"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/conversation"
)

const (
	// catchUpMargin is how long before the reported loss events are
	// replayed from: notifications published a little earlier may still
	// have been in flight, and nodes' clocks differ a little.
	catchUpMargin = 10 * time.Second
	// maxCatchUpWindow bounds how far back the feeds are replayed after a
	// long outage (conversations are caught up whole, by seq).
	maxCatchUpWindow = time.Hour
	// catchUpRetry is the pause before a catch-up that failed (the
	// database did not answer) is tried again.
	catchUpRetry = 2 * time.Second
	// catchUpReaders bounds the conversations read at once.
	catchUpReaders = 8
)

// catchUps runs the gateway's catch-ups one at a time: a loss reported
// while one runs is caught up after it, from the earliest loss pending.
type catchUps struct {
	mu      sync.Mutex
	closed  bool
	running bool
	since   time.Time // the earliest loss not caught up yet; zero if none
	retry   *time.Timer
	ctx     context.Context
	cancel  context.CancelFunc
	done    sync.WaitGroup
}

// recovered is the bus's OnRecovered hook: notifications may have been lost
// from since on, so every local subscription catches up from the database.
// It does not block.
func (g *Gateway) recovered(since time.Time) {
	cu := &g.catchUps
	cu.mu.Lock()
	defer cu.mu.Unlock()
	if cu.closed {
		return
	}
	if cu.since.IsZero() || since.Before(cu.since) {
		cu.since = since
	}
	if cu.running {
		return
	}
	cu.running = true
	cu.done.Add(1)
	go g.catchUpLoop()
}

// catchUpLoop catches up until no loss is pending.
func (g *Gateway) catchUpLoop() {
	cu := &g.catchUps
	defer cu.done.Done()
	for {
		cu.mu.Lock()
		since := cu.since
		cu.since = time.Time{}
		if since.IsZero() || cu.closed {
			cu.running = false
			cu.mu.Unlock()
			return
		}
		cu.mu.Unlock()
		if !g.catchUp(cu.ctx, since) {
			cu.mu.Lock()
			if !cu.closed && cu.retry == nil {
				cu.retry = time.AfterFunc(catchUpRetry, func() {
					cu.mu.Lock()
					cu.retry = nil
					cu.mu.Unlock()
					g.recovered(since)
				})
			}
			cu.mu.Unlock()
		}
	}
}

// stopCatchUps stops the catch-ups and waits for the one running.
func (g *Gateway) stopCatchUps() {
	cu := &g.catchUps
	cu.mu.Lock()
	cu.closed = true
	if cu.retry != nil {
		cu.retry.Stop()
	}
	cu.mu.Unlock()
	cu.cancel()
	cu.done.Wait()
}

// catchUp makes every subscription of this node whole again after a loss
// of notifications that began at since. A notification is a hint; the
// database has everything:
//
//  1. The conversation.* events written from since − catchUpMargin on are
//     read from the outbox and passed on to the workspace feeds, contacts'
//     feeds and conversations this node follows, as if the bus had
//     delivered them. Each subject passes an event on once, whether it
//     came live or replayed (topic.passed).
//  2. Each conversation this node follows is read, once, and every
//     connection following it is sent the messages it misses up to the
//     conversation's last, in its own sequence (deliver, fill).
//
// It reports whether everything was read; if not, it is tried again.
func (g *Gateway) catchUp(ctx context.Context, since time.Time) bool {
	from := since.Add(-catchUpMargin)
	if oldest := time.Now().Add(-maxCatchUpWindow); from.Before(oldest) {
		g.logger.Warn("realtime: the bus was lost too long ago to replay every feed event", "since", since, "from", oldest)
		from = oldest
	}
	topics := g.hub.topics()
	ok := true
	workspaces := map[string]bool{}
	for _, t := range topics {
		workspaces[t.workspaceID] = true
	}
	for ws := range workspaces {
		if err := g.svc.ConversationEvents(ctx, ws, from, g.replayEvent); err != nil {
			g.logger.Warn("realtime: catch up the feeds after a bus outage", "workspace", ws, "err", err)
			ok = false
		}
	}

	if !g.catchUpAvailability(ctx, topics) {
		ok = false
	}

	type key struct{ workspaceID, conversationID string }
	following := map[key][]*topic{} // a conversation's visitors' and staff's subjects
	for _, t := range topics {
		if t.conversationID != "" {
			k := key{t.workspaceID, t.conversationID}
			following[k] = append(following[k], t)
		}
	}
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		slots  = make(chan struct{}, catchUpReaders)
		failed bool
	)
	for k, ts := range following {
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			conv, err := g.svc.Conversation(ctx, conversation.System(k.workspaceID), k.conversationID)
			switch {
			case parley.ErrorCode(err) == parley.ENOTFOUND:
				return // deleted meanwhile
			case err != nil:
				g.logger.Warn("realtime: catch up a conversation after a bus outage", "conversation", k.conversationID, "err", err)
				mu.Lock()
				failed = true
				mu.Unlock()
				return
			}
			n := &notice{event: &parley.Event{WorkspaceID: k.workspaceID, ConversationID: k.conversationID}, conv: conv, resync: true}
			for _, t := range ts {
				t.deliver(n)
			}
		})
	}
	wg.Wait()
	return ok && !failed && ctx.Err() == nil
}

// catchUpAvailability sends the visitors on this node the availability of
// their workspaces as the database has it now: its notifications carry no
// history to replay.
func (g *Gateway) catchUpAvailability(ctx context.Context, topics []*topic) bool {
	ok := true
	for _, t := range topics {
		if !t.availability || g.cfg.Presence == nil {
			continue
		}
		d, err := g.cfg.Presence.Availability(ctx, t.workspaceID)
		if err != nil {
			g.logger.Warn("realtime: catch up availability after a bus outage", "workspace", t.workspaceID, "err", err)
			ok = false
			continue
		}
		t.deliver(availabilityNotice(t.workspaceID, d))
	}
	return ok
}

// replayEvent passes an outbox event on to the subjects this node follows
// that carried it: its conversation's (for visitors and for staff), the
// workspace feed and its contact's.
func (g *Gateway) replayEvent(ev *parley.Event) error {
	data, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	subjects, err := g.svc.EventSubjects(ev)
	if err != nil {
		return err
	}
	wildcard, err := g.svc.ConversationWildcard(ev.WorkspaceID, ev.ConversationID)
	if err != nil {
		return err
	}
	for _, subject := range append(subjects, wildcard) {
		g.hub.replay(subject, data)
	}
	return nil
}
