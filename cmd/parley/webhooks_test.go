package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"
)

// webhookEvents is how many events TestWebhooksSurviveKill dispatches;
// PARLEY_TEST_WEBHOOK_EVENTS raises it (the figure is 10,000).
func webhookEvents() int {
	if n, err := strconv.Atoi(os.Getenv("PARLEY_TEST_WEBHOOK_EVENTS")); err == nil && n > 0 {
		return n
	}
	return 1500
}

// TestWebhooksSurviveKill kills a server process with SIGKILL while it
// dispatches many webhook events, starts it again on the same data, and
// checks that every event reached the receiver at least once, every
// request verified by the Standard Webhooks library, and duplicates only
// with the same webhook-id (a duplicate is the same event: same id, same
// contact; no contact's event arrives under two webhook-ids). The
// duplicates are counted and reported. PARLEY_TEST_WEBHOOK_EVENTS=10000
// runs it with the figure.
func TestWebhooksSurviveKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs server processes")
	}
	total := webhookEvents()
	bin := buildBinary(t)
	dataDir := t.TempDir()
	const password = "kill-test-password"
	vars := map[string]string{
		"PARLEY_DATA_DIR": dataDir, "PARLEY_ADDR": "127.0.0.1:0", "PARLEY_ADMIN_PASSWORD": password,
		"PARLEY_OUTBOUND_ALLOW": "127.0.0.1/32", "PARLEY_WEBHOOK_TIMEOUT": "1s",
		"PARLEY_WEBHOOK_SCHEDULE": "0s,100ms,200ms,400ms,800ms,1s,1s,1s,1s,1s", "PARLEY_LOG_LEVEL": "warn",
	}

	var (
		mu       sync.Mutex
		secret   string
		received = map[string]string{} // webhook-id → contact ID
		ids      = map[string]string{} // contact ID → webhook-id
		requests int
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
				Contact struct {
					ID string `json:"id"`
				} `json:"contact"`
			} `json:"data"`
		}
		if err == nil {
			err = json.Unmarshal(body, &p)
		}
		id := r.Header.Get("webhook-id")
		if err != nil || p.ID != id || p.Type != "contact.created" {
			bad = append(bad, fmt.Sprintf("%s %s: %v", id, p.Type, err))
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		if prev, ok := received[id]; ok && prev != p.Data.Contact.ID {
			bad = append(bad, fmt.Sprintf("webhook-id %s carried contacts %s and %s", id, prev, p.Data.Contact.ID))
		}
		if prev, ok := ids[p.Data.Contact.ID]; ok && prev != id {
			bad = append(bad, fmt.Sprintf("contact %s came with webhook-ids %s and %s", p.Data.Contact.ID, prev, id))
		}
		received[id], ids[p.Data.Contact.ID] = p.Data.Contact.ID, id
		requests++
		time.Sleep(2 * time.Millisecond) // one at a time, slower than the writers: a backlog builds
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(rcv.Close)

	p := startProcess(t, bin, vars)
	url := waitForURL(t, p.stdout)
	c := &apiClient{t: t, base: url}
	c.login(password)
	token := c.call("POST", "/api/v1/tokens", map[string]any{"name": "kill", "scopes": []string{"all"}})["token"].(string)
	c.token = token
	inbox := c.call("POST", "/api/v1/inboxes", map[string]any{"name": "Kill", "allowed_origins": []string{"*"}})["id"].(string)
	ep := c.call("POST", "/api/v1/webhooks", map[string]any{"url": rcv.URL + "/hook", "event_types": []string{"contact.created"}})
	mu.Lock()
	secret = ep["secret"].(string)
	mu.Unlock()

	// Write the events from 4 clients through identify, which is
	// idempotent by external_id: a write the kill cut off is written
	// again after the restart, and answers with the same contact if it
	// had committed. Kill the node once a third of the events have been
	// received, while the writers still write and the node dispatches.
	var (
		wmu       sync.Mutex
		contactOf = map[int]string{} // external_id's number → contact ID, once identify answered
	)
	write := func(c *apiClient) {
		var writers sync.WaitGroup
		for w := range 4 {
			writers.Go(func() {
				for i := w; i < total; i += 4 {
					wmu.Lock()
					done := contactOf[i] != ""
					wmu.Unlock()
					if done {
						continue
					}
					res, err := c.try("POST", "/api/v1/contacts/identify", map[string]any{"inbox_id": inbox, "external_id": fmt.Sprint("user-", i)})
					if err != nil {
						return // the node is gone
					}
					wmu.Lock()
					contactOf[i] = res["contact"].(map[string]any)["id"].(string)
					wmu.Unlock()
				}
			})
		}
		writers.Wait()
	}
	writing := make(chan struct{})
	go func() { write(c); close(writing) }()
	waitFor(t, 120*time.Second, func() string {
		mu.Lock()
		defer mu.Unlock()
		select {
		case <-writing:
			return ""
		default:
		}
		if len(received) >= total/3 {
			return ""
		}
		return fmt.Sprintf("%d of %d events received", len(received), total)
	})
	if err := p.cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	p.cmd.Wait()
	<-writing
	mu.Lock()
	atKill := len(received)
	mu.Unlock()
	wmu.Lock()
	answered := len(contactOf)
	wmu.Unlock()
	t.Logf("killed with %d events received, %d writes answered, of %d", atKill, answered, total)
	if atKill >= total {
		t.Fatalf("every event was received before the kill: nothing was killed mid-dispatch")
	}

	// Restart on the same data, write the rest: every event arrives.
	p2 := startProcess(t, bin, vars)
	c2 := &apiClient{t: t, base: waitForURL(t, p2.stdout), token: token}
	write(c2)
	if len(contactOf) != total {
		t.Fatalf("%d of %d writes answered after the restart", len(contactOf), total)
	}
	written := map[string]bool{}
	for _, id := range contactOf {
		written[id] = true
	}
	waitFor(t, 120*time.Second, func() string {
		mu.Lock()
		defer mu.Unlock()
		got := map[string]bool{}
		for _, contact := range received {
			got[contact] = true
		}
		missing := 0
		for id := range written {
			if !got[id] {
				missing++
			}
		}
		if missing == 0 {
			return ""
		}
		return fmt.Sprintf("%d of %d written events not received", missing, len(written))
	})
	mu.Lock()
	defer mu.Unlock()
	if len(bad) > 0 {
		t.Fatalf("bad requests: %v", bad[:min(len(bad), 10)])
	}
	if len(received) < len(written) {
		t.Fatalf("%d events received, %d written", len(received), len(written))
	}
	t.Logf("%d events received in %d requests (%d duplicates, each with its webhook-id)", len(received), requests, requests-len(received))
	p2.stop(t)
}

// apiClient calls the API of a server process.
type apiClient struct {
	t      *testing.T
	base   string
	cookie string
	csrf   string
	token  string
}

func (c *apiClient) login(password string) {
	body, _ := json.Marshal(map[string]string{"email": "admin@example.com", "password": password})
	resp, err := http.Post(c.base+"/api/v1/auth/login", "application/json", bytes.NewReader(body))
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		CSRFToken string `json:"csrf_token"`
	}
	json.NewDecoder(resp.Body).Decode(&out)
	for _, ck := range resp.Cookies() {
		if ck.Name == "parley_session" {
			c.cookie = ck.Value
		}
	}
	if c.cookie == "" || out.CSRFToken == "" {
		c.t.Fatalf("login failed: %d", resp.StatusCode)
	}
	c.csrf = out.CSRFToken
}

func (c *apiClient) call(method, path string, body any) map[string]any {
	c.t.Helper()
	res, err := c.try(method, path, body)
	if err != nil {
		c.t.Fatal(err)
	}
	return res
}

func (c *apiClient) try(method, path string, body any) (map[string]any, error) {
	b, _ := json.Marshal(body)
	req, err := http.NewRequest(method, c.base+path, bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	} else {
		req.AddCookie(&http.Cookie{Name: "parley_session", Value: c.cookie})
		req.Header.Set("X-CSRF-Token", c.csrf)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode >= 300 {
		return nil, fmt.Errorf("%s %s: %d %v", method, path, resp.StatusCode, out)
	}
	return out, nil
}
