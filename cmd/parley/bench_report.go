package main

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
)

// benchReport is the outcome of a run; its JSON form is printed by --json.
type benchReport struct {
	URL           string  `json:"url"`
	Conversations int     `json:"conversations"`
	Visitors      int     `json:"visitors"` // 0: each conversation its own visitor
	Agents        int     `json:"agent_connections"`
	Rate          float64 `json:"target_rate"`
	DurationSec   float64 `json:"duration_s"`
	WarmupSec     float64 `json:"warmup_s"`
	BodySize      int     `json:"body_size"`

	// Counts over the whole run (warm-up included).
	Sent       int64            `json:"sent"`
	Acked      int64            `json:"acked"`
	Delivered  int64            `json:"delivered"`
	Duplicates int64            `json:"duplicates"`
	Missing    int64            `json:"missing"` // acked but never delivered
	Errors     map[string]int64 `json:"errors"`  // failed sends by error code
	// Disconnects counts connections lost during the run (each resumed).
	Disconnects int64 `json:"disconnects"`

	// Over the measured window only.
	SentRate      float64         `json:"sent_per_s"`
	DeliveredRate float64         `json:"delivered_per_s"`
	Ack           latencySummary  `json:"ack_latency"`
	Delivery      latencySummary  `json:"delivery_latency"`
	Service       latencySummary  `json:"delivery_latency_from_actual_send"`
	Lag           latencySummary  `json:"send_lag"` // how late sends left the bench
	Idle          *idleReport     `json:"idle,omitempty"`
	Webhook       *webhookReport  `json:"webhook,omitempty"`
	Setup         benchSetupTimes `json:"setup"`
}

type benchSetupTimes struct {
	Sessions      float64 `json:"visitor_sessions_s"`
	Conversations float64 `json:"conversations_s"`
	Connections   float64 `json:"connections_s"`
}

// latencySummary holds percentiles in milliseconds.
type latencySummary struct {
	Count int64   `json:"count"`
	Mean  float64 `json:"mean_ms"`
	P50   float64 `json:"p50_ms"`
	P95   float64 `json:"p95_ms"`
	P99   float64 `json:"p99_ms"`
	P999  float64 `json:"p999_ms"`
	Max   float64 `json:"max_ms"`
}

func (l latencySummary) String() string {
	if l.Count == 0 {
		return "no samples"
	}
	return fmt.Sprintf("p50 %s  p95 %s  p99 %s  p99.9 %s  max %s  (mean %s, n=%d)",
		ms(l.P50), ms(l.P95), ms(l.P99), ms(l.P999), ms(l.Max), ms(l.Mean), l.Count)
}

func ms(v float64) string {
	switch {
	case v < 10:
		return strconv.FormatFloat(v, 'f', 2, 64) + "ms"
	case v < 100:
		return strconv.FormatFloat(v, 'f', 1, 64) + "ms"
	}
	return strconv.FormatFloat(v, 'f', 0, 64) + "ms"
}

// idleReport is the server's memory before and after opening the idle
// connections.
type idleReport struct {
	Connections int  `json:"connections"`
	Failed      int  `json:"failed"`
	Subscribed  bool `json:"subscribed"`
	// OwnVisitors: each connection is its own visitor's, with its own
	// session (and conversation, when Subscribed).
	OwnVisitors  bool    `json:"own_visitors"`
	RSSBefore    float64 `json:"rss_before_bytes"`
	RSSAfter     float64 `json:"rss_after_bytes"`
	HeapBefore   float64 `json:"heap_inuse_before_bytes"`
	HeapAfter    float64 `json:"heap_inuse_after_bytes"`
	StackBefore  float64 `json:"stack_inuse_before_bytes"`
	StackAfter   float64 `json:"stack_inuse_after_bytes"`
	GoroutinesBf float64 `json:"goroutines_before"`
	GoroutinesAf float64 `json:"goroutines_after"`
	// Per connection, in bytes.
	RSSPerConn        float64 `json:"rss_per_connection_bytes"`
	HeapStackPerConn  float64 `json:"heap_stack_per_connection_bytes"`
	GoroutinesPerConn float64 `json:"goroutines_per_connection"`
}

func (r *benchReport) print(w io.Writer) {
	visitors := "each its own visitor"
	if r.Visitors > 0 {
		visitors = fmt.Sprintf("%d guest visitors", r.Visitors)
	}
	fmt.Fprintf(w, "parley bench: %s — %d conversations (%s), %d agent connections, %.0f msg/s for %v after a %v warm-up, %d-byte bodies\n",
		r.URL, r.Conversations, visitors, r.Agents, r.Rate, time.Duration(r.DurationSec*float64(time.Second)),
		time.Duration(r.WarmupSec*float64(time.Second)), r.BodySize)
	fmt.Fprintf(w, "  setup:       %.1fs visitor sessions, %.1fs conversations, %.1fs connections\n",
		r.Setup.Sessions, r.Setup.Conversations, r.Setup.Connections)
	fmt.Fprintf(w, "  messages:    sent %d, acked %d, delivered %d, missing %d, duplicates %d, disconnects %d\n",
		r.Sent, r.Acked, r.Delivered, r.Missing, r.Duplicates, r.Disconnects)
	errs := "none"
	if len(r.Errors) > 0 {
		var parts []string
		for code, n := range r.Errors {
			parts = append(parts, fmt.Sprintf("%s %d", code, n))
		}
		sort.Strings(parts)
		errs = strings.Join(parts, ", ")
	}
	fmt.Fprintf(w, "  errors:      %s\n", errs)
	fmt.Fprintf(w, "  throughput:  %.0f msg/s sent, %.0f msg/s delivered (measured window)\n", r.SentRate, r.DeliveredRate)
	fmt.Fprintf(w, "  ack:         %s\n", r.Ack)
	fmt.Fprintf(w, "  delivery:    %s\n", r.Delivery)
	fmt.Fprintf(w, "  (from the actual send: %s; sends left the bench late by %s)\n", r.Service, r.Lag)
	if wh := r.Webhook; wh != nil {
		fmt.Fprintf(w, "  webhook:     received %d, missing %d, duplicates %d; %.0f events/s (measured window)\n",
			wh.Received, wh.Missing, wh.Duplicates, wh.Rate)
		fmt.Fprintf(w, "  webhook lag: %s\n", wh.Lag)
	}
	if id := r.Idle; id != nil {
		what := "authenticated"
		if id.Subscribed {
			what = "authenticated, each following one conversation and its feed"
		}
		if id.OwnVisitors {
			what += ", each its own visitor"
		}
		fmt.Fprintf(w, "  idle:        %d connections (%s; %d failed)\n", id.Connections, what, id.Failed)
		fmt.Fprintf(w, "               server RSS %.1f → %.1f MiB: %.1f KiB per connection\n",
			id.RSSBefore/(1<<20), id.RSSAfter/(1<<20), id.RSSPerConn/1024)
		fmt.Fprintf(w, "               heap+stack in use %.1f → %.1f MiB: %.1f KiB per connection; %.1f goroutines per connection\n",
			(id.HeapBefore+id.StackBefore)/(1<<20), (id.HeapAfter+id.StackAfter)/(1<<20), id.HeapStackPerConn/1024, id.GoroutinesPerConn)
	}
}

func (r *benchRun) report(rep *benchReport) {
	r.mu.Lock()
	defer r.mu.Unlock()
	rep.Sent, rep.Acked, rep.Delivered = r.sent.Load(), r.acked.Load(), r.delivered.Load()
	rep.Duplicates, rep.Disconnects = r.duplicates.Load(), r.disconnects.Load()
	rep.Missing = max(0, rep.Acked-rep.Delivered)
	rep.Errors = r.errors
	measured := r.cfg.duration.Seconds()
	rep.SentRate = float64(r.measuredSent.Load()) / measured
	rep.DeliveredRate = float64(r.delivery.count) / measured
	rep.Ack, rep.Delivery, rep.Service, rep.Lag = r.ack.summary(), r.delivery.summary(), r.service.summary(), r.lag.summary()
}
