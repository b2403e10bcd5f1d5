package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/parleychat/parley/internal/testenv"
)

// TestWebhooksTwoNodes runs two server processes on one PostgreSQL
// database and one NATS server, both dispatching webhooks, while clients
// write messages through both: every message.created event reaches the
// receiver, each conversation's in the order its messages were written,
// and none twice (the nodes share the work by leases; in normal operation
// no event is sent twice). PARLEY_TEST_WEBHOOK_EVENTS raises the number
// of events (the figure is 10,000).
func TestWebhooksTwoNodes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs server processes")
	}
	dbURL := testenv.PostgresURL(t)
	natsURL := testenv.NATSURL(t)
	total := webhookEvents()
	const convs = 50
	per := max(total/convs, 1)
	total = convs * per
	bin := buildBinary(t)

	var (
		mu       sync.Mutex
		secret   string
		seqs     = map[string][]int64{} // conversation ID → seqs of its messages as received
		received = map[string]int{}     // webhook-id → requests
		bad      []string
	)
	rcv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		defer mu.Unlock()
		wh, err := standardwebhooks.NewWebhook(secret)
		if err == nil {
			err = wh.Verify(body, r.Header)
		}
		var p struct {
			ID   string `json:"id"`
			Type string `json:"type"`
			Data struct {
				Message struct {
					ConversationID string `json:"conversation_id"`
					Seq            int64  `json:"seq"`
				} `json:"message"`
			} `json:"data"`
		}
		if err == nil {
			err = json.Unmarshal(body, &p)
		}
		id := r.Header.Get("webhook-id")
		if err != nil || p.ID != id || p.Type != "message.created" || p.Data.Message.ConversationID == "" {
			bad = append(bad, fmt.Sprintf("%s %s: %v", id, p.Type, err))
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		received[id]++
		c := p.Data.Message.ConversationID
		seqs[c] = append(seqs[c], p.Data.Message.Seq)
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(rcv.Close)

	const password = "two-nodes-webhooks"
	urls := make([]string, 2)
	nodes := make([]*process, 2)
	for i := range nodes {
		nodes[i] = startProcess(t, bin, map[string]string{
			"PARLEY_ADDR": "127.0.0.1:0", "PARLEY_DATA_DIR": t.TempDir(), "PARLEY_DATABASE_URL": dbURL,
			"PARLEY_NATS_URL": natsURL, "PARLEY_ADMIN_PASSWORD": password, "PARLEY_LOG_LEVEL": "warn",
			"PARLEY_OUTBOUND_ALLOW": "127.0.0.1/32", "PARLEY_WEBHOOK_TIMEOUT": "5s",
			"PARLEY_WEBHOOK_SCHEDULE": "0s,100ms,200ms,400ms,800ms,1s,1s,1s,1s,1s",
		})
	}
	for i, n := range nodes {
		urls[i] = waitForURL(t, n.stdout)
	}
	token := loginAndCreateToken(t, urls[0], password)
	clients := []*apiClient{{t: t, base: urls[0], token: token}, {t: t, base: urls[1], token: token}}
	c := clients[0]
	inbox := c.call("POST", "/api/v1/inboxes", map[string]any{"name": "Two nodes", "allowed_origins": []string{"*"}})["id"].(string)
	ep := c.call("POST", "/api/v1/webhooks", map[string]any{"url": rcv.URL + "/hook", "event_types": []string{"message.created"}})
	mu.Lock()
	secret = ep["secret"].(string)
	mu.Unlock()

	// Each conversation is written by one client, alternately through
	// either node, so that its order is the order of its seqs.
	start := time.Now()
	var writers sync.WaitGroup
	for i := range convs {
		contact := c.call("POST", "/api/v1/contacts/identify", map[string]any{"inbox_id": inbox, "external_id": fmt.Sprint("two-", i)})
		conv := c.call("POST", "/api/v1/conversations", map[string]any{
			"inbox_id": inbox, "contact_id": contact["contact"].(map[string]any)["id"],
		})["id"].(string)
		writers.Go(func() {
			for j := range per {
				clients[j%2].call("POST", "/api/v1/conversations/"+conv+"/messages", map[string]any{"body": fmt.Sprint(j)})
			}
		})
	}
	writers.Wait()
	wrote := time.Since(start)
	// Wait while deliveries keep coming (a loaded machine is slow, not
	// wrong); fail once none came for a minute.
	for last, lastAt := -1, time.Now(); ; time.Sleep(50 * time.Millisecond) {
		mu.Lock()
		n := len(received)
		mu.Unlock()
		if n >= total {
			break
		}
		if n > last {
			last, lastAt = n, time.Now()
		} else if time.Since(lastAt) > time.Minute {
			mu.Lock()
			defer mu.Unlock()
			retried, why := retries(c, ep["id"].(string))
			t.Fatalf("%d of %d events received, none for a minute; %d retries (%v); bad requests: %v",
				n, total, retried, why, bad[:min(len(bad), 10)])
		}
	}
	delivered := time.Since(start)
	// Anything sent twice would come within a lease; wait until both
	// nodes have recorded every delivery instead of guessing a time.
	for _, cl := range clients {
		waitFor(t, 30*time.Second, func() string {
			res, err := cl.try("GET", "/api/v1/webhooks/"+ep["id"].(string)+"/deliveries?status=pending", nil)
			if err != nil {
				return err.Error()
			}
			if items, _ := res["items"].([]any); len(items) > 0 {
				return fmt.Sprintf("%d deliveries pending", len(items))
			}
			return ""
		})
	}

	mu.Lock()
	defer mu.Unlock()
	if len(bad) > 0 {
		t.Fatalf("bad requests: %v", bad[:min(len(bad), 10)])
	}
	requests, dups := 0, 0
	for _, n := range received {
		requests += n
		dups += n - 1
	}
	retried, why := retries(c, ep["id"].(string))
	t.Logf("%d events of %d conversations written through two nodes in %v, delivered in %v: %d requests, %d duplicates, %d retries %v",
		len(received), convs, wrote.Round(time.Millisecond), delivered.Round(time.Millisecond), requests, dups, retried, why)
	// No event is sent twice, unless an attempt failed on Parley's side
	// (a timeout) after the receiver had taken it: then the retry is a
	// duplicate, with the same webhook-id.
	if len(received) != total || dups > retried {
		t.Fatalf("%d events received, %d duplicates, %d retries; want %d and no duplicate beyond a retry", len(received), dups, retried, total)
	}
	for conv, got := range seqs {
		for i := 1; i < len(got); i++ {
			if got[i] <= got[i-1] {
				t.Fatalf("conversation %s: seq %d arrived after %d (order %v)", conv, got[i], got[i-1], got[max(0, i-5):i+1])
			}
		}
		if len(got) != per {
			t.Errorf("conversation %s: %d events, want %d", conv, len(got), per)
		}
	}
	for _, n := range nodes {
		n.stop(t)
	}
}

// retries reads an endpoint's delivery log through the API and returns
// how many attempts were retries, with the errors that caused them.
func retries(c *apiClient, endpointID string) (int, map[string]int) {
	c.t.Helper()
	n, why := 0, map[string]int{}
	for cursor := ""; ; {
		res := c.call("GET", "/api/v1/webhooks/"+endpointID+"/deliveries?limit=200&cursor="+cursor, nil)
		items, _ := res["items"].([]any)
		for _, it := range items {
			d := it.(map[string]any)
			if a, _ := d["attempts"].(float64); a > 1 {
				n += int(a) - 1
				e, _ := d["last_error"].(string)
				why[e]++
			}
		}
		cursor, _ = res["next_cursor"].(string)
		if cursor == "" || len(items) == 0 {
			return n, why
		}
	}
}
