package main

import (
	"context"
	"errors"
	"math"
	"math/bits"
	"sync"
	"time"
)

// parallel runs f(0) … f(n-1), at most width at a time, and returns the
// first error (the others are then cancelled).
func parallel(ctx context.Context, n, width int, f func(ctx context.Context, i int) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	sem := make(chan struct{}, width)
	var wg sync.WaitGroup
	for i := range n {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Go(func() {
			defer func() { <-sem }()
			if err := f(ctx, i); err != nil {
				cancel(err)
			}
		})
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return ctx.Err()
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// histogram records durations in log-linear buckets: 64 per power of two,
// so each percentile is within about 1.5% of the true value.
type histogram struct {
	counts [64 * 64]int64
	count  int64
	sum    time.Duration
	max    time.Duration
}

func newHistogram() *histogram { return &histogram{} }

func (h *histogram) record(d time.Duration) {
	if d < 0 {
		d = 0
	}
	h.counts[bucketOf(uint64(d))]++
	h.count++
	h.sum += d
	h.max = max(h.max, d)
}

// bucketOf returns the bucket of v: values below 64 have one each; above,
// the power of two picks 64 buckets and the next six bits one of them.
func bucketOf(v uint64) int {
	if v < 64 {
		return int(v)
	}
	shift := bits.Len64(v) - 7 // keep 7 significant bits: 1xxxxxx
	return (shift+1)*64 + int(v>>shift) - 64
}

// bucketValue returns the middle of bucket b's range.
func bucketValue(b int) float64 {
	if b < 64 {
		return float64(b)
	}
	shift := b/64 - 1
	low := uint64(b%64+64) << shift
	return float64(low) + float64(uint64(1)<<shift)/2
}

func (h *histogram) quantile(q float64) time.Duration {
	if h.count == 0 {
		return 0
	}
	rank := int64(math.Ceil(q * float64(h.count)))
	var seen int64
	for b, n := range h.counts {
		seen += n
		if seen >= rank {
			return min(time.Duration(bucketValue(b)), h.max)
		}
	}
	return h.max
}

func (h *histogram) summary() latencySummary {
	toMS := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	s := latencySummary{Count: h.count}
	if h.count > 0 {
		s.Mean = toMS(h.sum / time.Duration(h.count))
		s.P50, s.P95, s.P99 = toMS(h.quantile(0.50)), toMS(h.quantile(0.95)), toMS(h.quantile(0.99))
		s.P999, s.Max = toMS(h.quantile(0.999)), toMS(h.max)
	}
	return s
}
