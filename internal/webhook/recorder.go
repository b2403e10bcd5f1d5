package webhook

import (
	"context"
	"sync"

	"github.com/parleychat/parley"
)

// recorder records the results of the dispatcher's chains with group
// commit: one goroutine takes every result handed to it while the
// previous batch was being written and writes them in one transaction
// (Store.RecordWebhookResults). Then it wakes the dispatcher, whose next
// claim finds the deliveries that waited for those.
type recorder struct {
	d    *Dispatcher
	mu   sync.Mutex
	cond *sync.Cond
	next []*parley.WebhookResult
	shut bool
	done chan struct{}
}

func (d *Dispatcher) newRecorder() *recorder {
	r := &recorder{d: d, done: make(chan struct{})}
	r.cond = sync.NewCond(&r.mu)
	go r.run()
	return r
}

// add queues results to be recorded.
func (r *recorder) add(results []*parley.WebhookResult) {
	if len(results) == 0 {
		return
	}
	r.mu.Lock()
	r.next = append(r.next, results...)
	r.mu.Unlock()
	r.cond.Signal()
}

// close records what is queued and returns once it is written.
func (r *recorder) close() {
	r.mu.Lock()
	r.shut = true
	r.mu.Unlock()
	r.cond.Signal()
	<-r.done
}

func (r *recorder) run() {
	defer close(r.done)
	// The dispatcher's ctx may have ended: results of requests made are
	// recorded anyway.
	ctx := context.Background()
	for {
		r.mu.Lock()
		for len(r.next) == 0 && !r.shut {
			r.cond.Wait()
		}
		batch, shut := r.next, r.shut
		r.next = nil
		r.mu.Unlock()
		if len(batch) > 0 {
			r.write(ctx, batch)
			r.d.Wake()
		}
		if shut && len(batch) == 0 {
			return
		}
	}
}

func (r *recorder) write(ctx context.Context, batch []*parley.WebhookResult) {
	log := r.d.log
	if err := r.d.cfg.Store.RecordWebhookResults(ctx, r.d.cfg.Owner, batch); err != nil {
		// The leases run out and the deliveries are attempted again (at
		// least once), with the same webhook-id.
		log.WarnContext(ctx, "webhook: record attempts", "results", len(batch), "err", err)
		return
	}
	for _, res := range batch {
		switch {
		case res.Attempt == nil:
		case res.Lost:
			log.WarnContext(ctx, "webhook: record an attempt", "delivery", res.DeliveryID, "err", "the delivery's lease was lost")
		case res.Outcome.Disable != "":
			log.WarnContext(ctx, "webhook: endpoint disabled", "endpoint", res.Attempt.EndpointID, "reason", res.Outcome.Disable)
		}
	}
}
