package realtime

import (
	"sync/atomic"
	"time"
)

// workers runs the reading of connections that have data, on at most max
// goroutines at once. Goroutines start when there is work and end after
// workerIdle without any, so an idle gateway holds none.
type workers struct {
	tasks chan *conn    // to an idle worker
	slots chan struct{} // one per running worker
	quit  chan struct{}

	running atomic.Int64
	peak    atomic.Int64 // the most running at once (tests)
}

// workerIdle is how long a worker waits for more work before it ends.
const workerIdle = 2 * time.Second

func newWorkers(max int) *workers {
	return &workers{tasks: make(chan *conn), slots: make(chan struct{}, max), quit: make(chan struct{})}
}

// run has c read on a worker: an idle one, a new one if fewer than max
// run, or else the first to become free; it blocks until then.
func (w *workers) run(c *conn) {
	select {
	case w.tasks <- c:
		return
	default:
	}
	select {
	case w.tasks <- c:
	case w.slots <- struct{}{}:
		n := w.running.Add(1)
		for p := w.peak.Load(); n > p && !w.peak.CompareAndSwap(p, n); p = w.peak.Load() {
		}
		go w.work(c)
	}
}

func (w *workers) work(c *conn) {
	defer func() {
		w.running.Add(-1)
		<-w.slots
	}()
	idle := time.NewTimer(workerIdle)
	defer idle.Stop()
	for {
		c.onReadable()
		idle.Reset(workerIdle)
		select {
		case c = <-w.tasks:
		case <-idle.C:
			return
		case <-w.quit:
			return
		}
	}
}

// stop ends the idle workers; busy ones end when done.
func (w *workers) stop() { close(w.quit) }
