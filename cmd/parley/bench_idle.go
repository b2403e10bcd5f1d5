package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/parleychat/parley/client"
)

// measureIdle opens cfg.idle idle visitor connections and reads the
// server's memory before and after. By default (--visitors 0) each is a
// visitor of its own, with its own session and (with --idle-subscribe) its
// own conversation, all made before the first reading; otherwise they
// share the load's guest sessions and conversations.
func (r *benchRun) measureIdle(ctx context.Context, progress io.Writer) (*idleReport, error) {
	cfg := r.cfg
	rep := &idleReport{Connections: cfg.idle, Subscribed: cfg.idleSubscribe, OwnVisitors: cfg.visitors == 0}
	tokens, convs := r.tokens, r.convs
	if rep.OwnVisitors {
		fmt.Fprintf(progress, "bench: minting %d idle visitors\n", cfg.idle)
		tokens = make([]string, cfg.idle)
		if err := r.mintVisitors(ctx, tokens); err != nil {
			return nil, err
		}
		if cfg.idleSubscribe {
			convs = make([]string, cfg.idle)
			err := parallel(ctx, cfg.idle, 32, func(ctx context.Context, i int) error {
				conv, err := r.admin.WithToken(tokens[i]).CreateConversation(ctx, client.CreateConversationInput{})
				if err != nil {
					return fmt.Errorf("bench: create conversation: %w", err)
				}
				convs[i] = conv.ID
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
	}
	before, err := r.settledMetrics(ctx)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(progress, "bench: opening %d idle connections\n", cfg.idle)
	conns := make([]*client.Conn, cfg.idle)
	var failed atomic.Int64
	parallel(ctx, cfg.idle, 64, func(ctx context.Context, i int) error {
		k := i % len(convs)
		conn, err := r.admin.WithToken(tokens[i%len(tokens)]).Connect(ctx, client.WithBuffer(16))
		if err == nil && cfg.idleSubscribe {
			// As a widget does: its conversation and its contact's feed.
			if _, err = conn.Subscribe(ctx, convs[k], 1<<62); err == nil { // nothing to replay
				err = conn.SubscribeFeed(ctx)
			}
		}
		if err != nil {
			if failed.Add(1) == 1 {
				fmt.Fprintf(progress, "bench: idle connection: %v\n", err)
			}
			if conn != nil {
				conn.Close()
			}
			return nil
		}
		conns[i] = conn
		return nil
	})
	defer parallel(context.Background(), len(conns), 256, func(_ context.Context, i int) error {
		if conns[i] != nil {
			conns[i].Close()
		}
		return nil
	})
	rep.Failed = int(failed.Load())
	after, err := r.settledMetrics(ctx)
	if err != nil {
		return nil, err
	}
	open := float64(cfg.idle - rep.Failed)
	rep.RSSBefore, rep.RSSAfter = before["process_resident_memory_bytes"], after["process_resident_memory_bytes"]
	rep.HeapBefore, rep.HeapAfter = before["go_memstats_heap_inuse_bytes"], after["go_memstats_heap_inuse_bytes"]
	rep.StackBefore, rep.StackAfter = before["go_memstats_stack_inuse_bytes"], after["go_memstats_stack_inuse_bytes"]
	rep.GoroutinesBf, rep.GoroutinesAf = before["go_goroutines"], after["go_goroutines"]
	if open > 0 {
		rep.RSSPerConn = (rep.RSSAfter - rep.RSSBefore) / open
		rep.HeapStackPerConn = (rep.HeapAfter + rep.StackAfter - rep.HeapBefore - rep.StackBefore) / open
		rep.GoroutinesPerConn = (rep.GoroutinesAf - rep.GoroutinesBf) / open
	}
	return rep, nil
}

// settledMetrics reads the server's /metrics until its resident memory
// changes by less than 1% between two reads a second apart (at most 15 s).
func (r *benchRun) settledMetrics(ctx context.Context) (map[string]float64, error) {
	prev, err := r.metrics(ctx)
	if err != nil {
		return nil, err
	}
	for range 15 {
		if err := sleepCtx(ctx, time.Second); err != nil {
			return nil, err
		}
		cur, err := r.metrics(ctx)
		if err != nil {
			return nil, err
		}
		a, b := prev["process_resident_memory_bytes"], cur["process_resident_memory_bytes"]
		prev = cur
		if a > 0 && math.Abs(b-a)/a < 0.01 {
			break
		}
	}
	return prev, nil
}

// metrics reads the unlabelled samples of the server's /metrics.
func (r *benchRun) metrics(ctx context.Context) (map[string]float64, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(r.cfg.url, "/")+"/metrics", nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("bench: read the server's metrics: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("bench: read the server's metrics: %s", resp.Status)
	}
	out := map[string]float64{}
	sc := bufio.NewScanner(io.LimitReader(resp.Body, 16<<20))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' || strings.ContainsRune(line, '{') {
			continue
		}
		name, value, ok := strings.Cut(line, " ")
		if !ok {
			continue
		}
		if v, err := strconv.ParseFloat(strings.TrimSpace(value), 64); err == nil {
			out[name] = v
		}
	}
	if _, ok := out["process_resident_memory_bytes"]; !ok {
		return nil, errors.New("bench: the server's /metrics has no process_resident_memory_bytes")
	}
	return out, sc.Err()
}
