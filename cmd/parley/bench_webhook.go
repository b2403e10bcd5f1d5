package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// benchWebhook is the local receiver of --webhook: an HTTP server on
// 127.0.0.1 subscribed to message.created for the run, which counts the
// events of the bench's messages and their lag (received − the message's
// created_at, both on this machine's clock).
type benchWebhook struct {
	r          *benchRun
	srv        *http.Server
	url        string // the receiver's
	endpointID string

	seen                 []atomic.Uint64 // bitset of received message numbers
	received, duplicates atomic.Int64

	mu          sync.Mutex
	lag         *histogram
	measured    int64
	first, last time.Time // of the measured events
}

// webhookReport is the --webhook part of the report.
type webhookReport struct {
	Received   int64          `json:"received"`
	Duplicates int64          `json:"duplicates"`
	Missing    int64          `json:"missing"` // acked messages whose event never came
	Rate       float64        `json:"received_per_s"`
	Lag        latencySummary `json:"lag"` // received − the message's created_at
}

// startWebhook listens on 127.0.0.1 and subscribes the receiver to
// message.created. The server must be allowed to reach 127.0.0.1
// (PARLEY_OUTBOUND_ALLOW=127.0.0.1/32).
func (r *benchRun) startWebhook(ctx context.Context) (*benchWebhook, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	w := &benchWebhook{r: r, lag: newHistogram(), seen: make([]atomic.Uint64, len(r.seen)),
		url: "http://" + ln.Addr().String() + "/parley-bench"}
	w.srv = &http.Server{Handler: w, ReadHeaderTimeout: 10 * time.Second}
	go w.srv.Serve(ln)
	var created struct {
		ID string `json:"id"`
	}
	if err := r.api(ctx, http.MethodPost, "/api/v1/webhooks", map[string]any{
		"url": w.url, "event_types": []string{"message.created"}, "description": "parley bench --webhook",
	}, &created); err != nil {
		w.srv.Close()
		return nil, fmt.Errorf("bench: subscribe the webhook receiver: %w", err)
	}
	w.endpointID = created.ID
	return w, nil
}

// stop unsubscribes the receiver and closes it.
func (w *benchWebhook) stop(ctx context.Context) {
	if w.endpointID != "" {
		w.r.api(ctx, http.MethodDelete, "/api/v1/webhooks/"+w.endpointID, nil, nil)
	}
	w.srv.Close()
}

func (w *benchWebhook) ServeHTTP(rw http.ResponseWriter, req *http.Request) {
	now := time.Now()
	body, err := io.ReadAll(io.LimitReader(req.Body, 1<<20))
	rw.WriteHeader(http.StatusNoContent)
	if err != nil {
		return
	}
	var p struct {
		Data struct {
			Message struct {
				Body      string    `json:"body"`
				CreatedAt time.Time `json:"created_at"`
			} `json:"message"`
		} `json:"data"`
	}
	if json.Unmarshal(body, &p) != nil {
		return
	}
	n, _, ok := parseBenchBody(p.Data.Message.Body)
	if !ok || n < 0 || n/64 >= int64(len(w.seen)) {
		return
	}
	bit := uint64(1) << (n % 64)
	if w.seen[n/64].Or(bit)&bit != 0 {
		w.duplicates.Add(1)
		return
	}
	w.received.Add(1)
	if n < w.r.warmupN {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.lag.record(now.Sub(p.Data.Message.CreatedAt))
	if w.measured == 0 {
		w.first = now
	}
	w.measured++
	w.last = now
}

// drain waits, up to the run's --drain, until an event came for every
// acked message.
func (w *benchWebhook) drain(ctx context.Context) error {
	deadline := time.Now().Add(w.r.cfg.drain)
	for w.received.Load() < w.r.acked.Load() && time.Now().Before(deadline) {
		if err := sleepCtx(ctx, 10*time.Millisecond); err != nil {
			return err
		}
	}
	return nil
}

func (w *benchWebhook) report() *webhookReport {
	w.mu.Lock()
	defer w.mu.Unlock()
	rep := &webhookReport{
		Received: w.received.Load(), Duplicates: w.duplicates.Load(), Lag: w.lag.summary(),
		Missing: max(0, w.r.acked.Load()-w.received.Load()),
	}
	// The rate over the measured window, or over the span the measured
	// events took to arrive if that was longer (the receiver lagged).
	span := max(w.last.Sub(w.first), w.r.cfg.duration)
	rep.Rate = float64(w.measured) / span.Seconds()
	return rep
}

// api calls the server's REST API with the run's token.
func (r *benchRun) api(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, strings.TrimRight(r.cfg.url, "/")+path, body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+r.cfg.token)
	req.Header.Set("User-Agent", "parley-bench")
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode >= 300 {
		return errors.New(method + " " + path + ": " + resp.Status + ": " + strings.TrimSpace(string(b)))
	}
	if out != nil {
		return json.Unmarshal(b, out)
	}
	return nil
}
