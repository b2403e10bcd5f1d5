package main

import (
	"context"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"
)

// parley bench drives a real server for a second and reports deliveries,
// latencies and memory per idle connection.
func TestBench(t *testing.T) {
	stdout, stderr := runAgainstServer(t, nil, "bench", "--conversations", "10", "--visitors", "3", "--agents", "2",
		"--rate", "50", "--duration", "1s", "--warmup", "200ms", "--progress", "500ms", "--idle", "20", "--json")
	var rep benchReport
	if err := json.Unmarshal([]byte(stdout.String()), &rep); err != nil {
		t.Fatalf("the report is not JSON: %v\n%s", err, stdout)
	}
	if rep.Sent != 60 || rep.Acked != rep.Sent || rep.Delivered != rep.Sent || rep.Missing != 0 || rep.Duplicates != 0 || len(rep.Errors) != 0 {
		t.Errorf("report: sent %d, acked %d, delivered %d, missing %d, duplicates %d, errors %v",
			rep.Sent, rep.Acked, rep.Delivered, rep.Missing, rep.Duplicates, rep.Errors)
	}
	if rep.Delivery.Count != 50 || rep.Delivery.P50 <= 0 || rep.Delivery.P99 < rep.Delivery.P50 || rep.Delivery.Max < rep.Delivery.P99 {
		t.Errorf("delivery latency %+v", rep.Delivery)
	}
	if rep.Ack.Count != 50 {
		t.Errorf("ack latency %+v", rep.Ack)
	}
	if id := rep.Idle; id == nil || id.Connections != 20 || id.Failed != 0 || id.RSSBefore <= 0 || id.GoroutinesAf <= id.GoroutinesBf {
		t.Errorf("idle report %+v", rep.Idle)
	}
	if !strings.Contains(stderr.String(), "delivered") {
		t.Errorf("no progress line on stderr:\n%s", stderr)
	}
}

// By default every conversation, and every idle connection, is a visitor
// of its own, with its own session and conversation.
func TestBenchOwnVisitors(t *testing.T) {
	stdout, stderr := runAgainstServer(t, nil, "bench", "--conversations", "10",
		"--rate", "50", "--duration", "1s", "--warmup", "200ms", "--progress", "0", "--idle", "10", "--idle-subscribe")
	out := stdout.String()
	for _, want := range []string{"10 conversations (each its own visitor), 1 agent connections",
		"sent 60, acked 60, delivered 60, missing 0, duplicates 0, disconnects 0",
		"10 connections (authenticated, each following one conversation and its feed, each its own visitor; 0 failed)"} {
		if !strings.Contains(out, want) {
			t.Errorf("the report has no %q:\n%s\nstderr:\n%s", want, out, stderr)
		}
	}
}

// With --webhook, a local receiver subscribed to message.created gets an
// event for every message, once, and the report gives their rate and lag;
// the receiver is unsubscribed at the end.
func TestBenchWebhook(t *testing.T) {
	stdout, stderr := runAgainstServer(t, map[string]string{"PARLEY_OUTBOUND_ALLOW": "127.0.0.1/32"}, "bench",
		"--conversations", "10", "--rate", "50", "--duration", "1s", "--warmup", "200ms", "--progress", "0", "--webhook", "--json")
	var rep benchReport
	if err := json.Unmarshal([]byte(stdout.String()), &rep); err != nil {
		t.Fatalf("the report is not JSON: %v\n%s\nstderr:\n%s", err, stdout, stderr)
	}
	wh := rep.Webhook
	if wh == nil || wh.Received != 60 || wh.Missing != 0 || wh.Duplicates != 0 || wh.Rate <= 0 {
		t.Fatalf("webhook report %+v", wh)
	}
	if wh.Lag.Count != 50 || wh.Lag.P50 <= 0 || wh.Lag.P99 < wh.Lag.P50 {
		t.Errorf("webhook lag %+v", wh.Lag)
	}
}

func TestBenchFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{}, "--token"},
		{[]string{"--token", "x", "--rate", "0"}, "--rate"},
		{[]string{"--token", "x", "--rate", "1000000", "--duration", "1h"}, "messages"},
		{[]string{"--token", "x", "--conversations", "5000", "--agents", "2"}, "--agents"},
		{[]string{"--token", "x", "--size", "1"}, "--size"},
	} {
		stderr := &syncBuffer{}
		code := run(context.Background(), append([]string{"bench"}, tc.args...), env{stdout: &syncBuffer{}, stderr: stderr, getenv: mapEnv(nil)})
		if code == 0 || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("bench %v: exit %d, stderr %q; want a complaint about %s", tc.args, code, stderr, tc.want)
		}
	}
}

func TestHistogram(t *testing.T) {
	h := newHistogram()
	for i := 1; i <= 10_000; i++ {
		h.record(time.Duration(i) * time.Microsecond)
	}
	for _, q := range []float64{0.5, 0.95, 0.99, 0.999} {
		got, want := float64(h.quantile(q)), q*10_000*float64(time.Microsecond)
		if math.Abs(got-want)/want > 0.02 {
			t.Errorf("quantile %v = %v, want %v within 2%%", q, time.Duration(got), time.Duration(want))
		}
	}
	if h.max != 10*time.Millisecond || h.count != 10_000 {
		t.Errorf("max %v, count %d", h.max, h.count)
	}
	for _, v := range []uint64{0, 1, 63, 64, 127, 128, 1 << 40, math.MaxInt64} {
		if b := bucketOf(v); b < 0 || b >= len(h.counts) || (v >= 64 && math.Abs(bucketValue(b)-float64(v))/float64(v) > 0.016) {
			t.Errorf("value %d: bucket %d holds about %v", v, b, bucketValue(b))
		}
	}
}
