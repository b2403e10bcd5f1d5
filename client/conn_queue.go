package client

import (
	"context"
	"sync"
)

// queue holds received frames for Next: a FIFO of bounded length, for one
// producer (the current reader) and one consumer.
type queue struct {
	mu       sync.Mutex
	items    []Frame
	head     int
	limit    int
	notEmpty chan struct{}
	notFull  chan struct{}
}

func newQueue(limit int) *queue {
	return &queue{limit: limit, notEmpty: make(chan struct{}, 1), notFull: make(chan struct{}, 1)}
}

// push appends f, waiting while the queue is full; it gives up, returning
// false, when stale is closed.
func (q *queue) push(f Frame, stale <-chan struct{}) bool {
	for {
		q.mu.Lock()
		if len(q.items)-q.head < q.limit {
			if q.head > 0 && len(q.items) == cap(q.items) {
				// Reuse the consumed front rather than grow.
				n := copy(q.items, q.items[q.head:])
				clear(q.items[n:])
				q.items, q.head = q.items[:n], 0
			}
			q.items = append(q.items, f)
			q.mu.Unlock()
			signal(q.notEmpty)
			return true
		}
		q.mu.Unlock()
		select {
		case <-q.notFull:
		case <-stale:
			return false
		}
	}
}

// pop returns the oldest frame. It waits while the queue is empty; ok is
// false when it is empty and down or done is closed.
func (q *queue) pop(ctx context.Context, down, done <-chan struct{}) (f Frame, ok bool, err error) {
	for {
		q.mu.Lock()
		if q.head < len(q.items) {
			f = q.items[q.head]
			q.items[q.head] = Frame{}
			q.head++
			if q.head == len(q.items) {
				q.items, q.head = q.items[:0], 0
			}
			q.mu.Unlock()
			signal(q.notFull)
			return f, true, nil
		}
		q.mu.Unlock()
		select {
		case <-q.notEmpty:
		case <-ctx.Done():
			return Frame{}, false, ctx.Err()
		case <-down:
			if !q.empty() {
				continue
			}
			return Frame{}, false, nil
		case <-done:
			if !q.empty() {
				continue
			}
			return Frame{}, false, nil
		}
	}
}

func (q *queue) empty() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.head == len(q.items)
}

func signal(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}
