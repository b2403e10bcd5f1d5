package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parleychat/parley/client"
)

// load sends total messages, paced, and waits for their acks and deliveries.
func (r *benchRun) load(ctx context.Context, total int64, progress io.Writer) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	r.padding = strings.Repeat("x", r.cfg.size)
	var receivers sync.WaitGroup
	for _, conn := range r.agents {
		receivers.Go(func() { r.receive(ctx, conn) })
	}
	defer receivers.Wait()
	defer cancel()

	stopProgress := r.startProgress(progress)
	defer stopProgress()

	r.start = time.Now()
	for next := int64(0); next < total; {
		elapsed := time.Since(r.start)
		due := min(total, int64(elapsed/r.interval)+1)
		for ; next < due; next++ {
			r.dispatch(ctx, next)
		}
		if next < total {
			if err := sleepCtx(ctx, time.Duration(next)*r.interval-time.Since(r.start)); err != nil {
				return err
			}
		}
	}
	r.sends.Wait()
	deadline := time.Now().Add(r.cfg.drain)
	for r.delivered.Load() < r.acked.Load() && time.Now().Before(deadline) {
		if err := sleepCtx(ctx, 10*time.Millisecond); err != nil {
			return err
		}
	}
	return nil
}

// dispatch sends message n on its own goroutine.
func (r *benchRun) dispatch(ctx context.Context, n int64) {
	select {
	case r.inFlight <- struct{}{}:
	default:
		r.fail("bench_overloaded") // more than benchMaxInFlight sends outstanding
		return
	}
	r.sent.Add(1)
	if n >= r.warmupN {
		r.measuredSent.Add(1)
	}
	r.sends.Go(func() {
		defer func() { <-r.inFlight }()
		k := int(n % int64(len(r.convs)))
		intended := time.Duration(n) * r.interval
		actual := time.Since(r.start)
		body := benchBodyPrefix + strconv.FormatInt(n, 10) + ":" + strconv.FormatInt(int64(actual), 10) + ":"
		body += r.padding[:max(0, r.cfg.size-len(body))]
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		_, err := r.visitors[k].Send(sctx, r.convs[k], client.SendInput{
			ClientID: "bench-" + strconv.FormatInt(n, 10), Body: body,
		})
		now := time.Since(r.start)
		if err != nil {
			code := client.ErrorCode(err)
			if code == "" {
				code = "connection"
				if errors.Is(err, context.DeadlineExceeded) {
					code = "timeout"
				}
			}
			r.fail(code)
			return
		}
		r.acked.Add(1)
		if n >= r.warmupN {
			r.mu.Lock()
			r.ack.record(now - intended)
			r.lag.record(actual - intended)
			r.mu.Unlock()
		}
	})
}

func (r *benchRun) fail(code string) {
	r.mu.Lock()
	r.errors[code]++
	r.mu.Unlock()
}

// receive reads an agent connection's frames and records deliveries.
func (r *benchRun) receive(ctx context.Context, conn *client.Conn) {
	for {
		f, err := conn.Next(ctx)
		if err != nil {
			return
		}
		if f.Type != client.FrameMessage || f.Message == nil || f.Message.Sender.Type != client.ParticipantContact {
			continue
		}
		now := time.Since(r.start)
		n, sentAt, ok := parseBenchBody(f.Message.Body)
		if !ok || n < 0 || n/64 >= int64(len(r.seen)) {
			continue
		}
		bit := uint64(1) << (n % 64)
		if r.seen[n/64].Or(bit)&bit != 0 {
			r.duplicates.Add(1)
			continue
		}
		r.delivered.Add(1)
		if n < r.warmupN {
			continue
		}
		intended := time.Duration(n) * r.interval
		r.mu.Lock()
		r.delivery.record(now - intended)
		r.window.record(now - intended)
		r.service.record(now - sentAt)
		r.mu.Unlock()
	}
}

// parseBenchBody reads "bench:<n>:<actual send offset>:…".
func parseBenchBody(body string) (n int64, sentAt time.Duration, ok bool) {
	rest, ok := strings.CutPrefix(body, benchBodyPrefix)
	if !ok {
		return 0, 0, false
	}
	parts := strings.SplitN(rest, ":", 3)
	if len(parts) < 3 {
		return 0, 0, false
	}
	n, err1 := strconv.ParseInt(parts[0], 10, 64)
	at, err2 := strconv.ParseInt(parts[1], 10, 64)
	return n, time.Duration(at), err1 == nil && err2 == nil
}

// startProgress prints a progress line every cfg.progress until stopped.
func (r *benchRun) startProgress(w io.Writer) (stop func()) {
	if r.cfg.progress <= 0 {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(r.cfg.progress)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			r.mu.Lock()
			win := r.window
			r.window = newHistogram()
			errs := int64(0)
			for _, n := range r.errors {
				errs += n
			}
			r.mu.Unlock()
			fmt.Fprintf(w, "[%5.0fs] sent %d  acked %d  delivered %d  errors %d  disconnects %d  delivery %s\n",
				time.Since(r.start).Seconds(), r.sent.Load(), r.acked.Load(), r.delivered.Load(), errs,
				r.disconnects.Load(), win.summary())
		}
	})
	return func() { close(done); wg.Wait() }
}
