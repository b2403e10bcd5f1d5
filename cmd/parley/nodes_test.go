package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parleychat/parley/internal/testenv"
)

// buildBinary compiles cmd/parley into the test's temp dir.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "parley")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// process is a "parley serve" process.
type process struct {
	cmd            *exec.Cmd
	stdout, stderr *syncBuffer
}

func startProcess(t *testing.T, bin string, vars map[string]string) *process {
	t.Helper()
	p := &process{cmd: exec.Command(bin, "serve"), stdout: &syncBuffer{}, stderr: &syncBuffer{}}
	p.cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}
	for k, v := range vars {
		p.cmd.Env = append(p.cmd.Env, k+"="+v)
	}
	p.cmd.Stdout, p.cmd.Stderr = p.stdout, p.stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.cmd.Process.Kill(); p.cmd.Wait() })
	return p
}

// stop sends SIGTERM and checks the process shuts down cleanly.
func (p *process) stop(t *testing.T) {
	t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("after SIGTERM: %v; stderr:\n%s", err, p.stderr)
		}
	case <-time.After(30 * time.Second):
		t.Errorf("no exit within 30s of SIGTERM")
	}
}

// TestTwoNodesStartTogether starts two server processes at the same moment
// against one fresh PostgreSQL database and one external NATS server: both
// must come up (no migration or first-start race) and serve the same data.
func TestTwoNodesStartTogether(t *testing.T) {
	dbURL := testenv.PostgresURL(t)
	natsURL := testenv.NATSURL(t)
	bin := buildBinary(t)

	const password = "two-nodes-password"
	nodes := make([]*process, 2)
	for i := range nodes {
		nodes[i] = startProcess(t, bin, map[string]string{
			"PARLEY_ADDR":           "127.0.0.1:0",
			"PARLEY_DATA_DIR":       t.TempDir(),
			"PARLEY_DATABASE_URL":   dbURL,
			"PARLEY_NATS_URL":       natsURL,
			"PARLEY_ADMIN_PASSWORD": password,
		})
	}
	urls := make([]string, len(nodes))
	for i, n := range nodes {
		urls[i] = waitForURL(t, n.stdout)
		if status, body := call(t, "GET", urls[i]+"/readyz", "", nil); status != http.StatusOK {
			t.Fatalf("node %d not ready: %d %v", i, status, body)
		}
	}
	created := 0
	for _, n := range nodes {
		created += strings.Count(n.stdout.String(), "Created the first administrator")
	}
	if created != 1 {
		t.Errorf("%d nodes created the first administrator, want exactly 1", created)
	}

	token := loginAndCreateToken(t, urls[0], password)
	status, agent := call(t, "POST", urls[0]+"/api/v1/agents", token, map[string]any{
		"email": "both@example.com", "name": "Both Nodes", "role": "agent", "password": "agent-password-1",
		"attributes": map[string]any{"external_id": "ext-7"},
	})
	if status != http.StatusCreated {
		t.Fatalf("create agent on node 0: %d %v", status, agent)
	}
	status, got := call(t, "GET", urls[1]+"/api/v1/agents?attribute.external_id=ext-7", token, nil)
	items, _ := got["items"].([]any)
	if status != http.StatusOK || len(items) != 1 || items[0].(map[string]any)["id"] != agent["id"] {
		t.Fatalf("node 1 does not serve node 0's agent: %d %v", status, got)
	}
	for _, n := range nodes {
		n.stop(t)
	}
}

// loginAndCreateToken logs in as the first admin with a console session and
// creates an API token through the API, as an operator would in the console.
func loginAndCreateToken(t *testing.T, url, password string) string {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	post := func(path, csrf string, body any) (*http.Response, map[string]any) {
		b, _ := json.Marshal(body)
		req, _ := http.NewRequest("POST", url+path, bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		if csrf != "" {
			req.Header.Set("X-CSRF-Token", csrf)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		json.NewDecoder(resp.Body).Decode(&out)
		return resp, out
	}
	resp, login := post("/api/v1/auth/login", "", map[string]any{"email": "admin@example.com", "password": password})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("login: %d %v", resp.StatusCode, login)
	}
	csrf, _ := login["csrf_token"].(string)
	resp, tok := post("/api/v1/tokens", csrf, map[string]any{"name": "e2e", "scopes": []string{"all"}})
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("create token: %d %v", resp.StatusCode, tok)
	}
	secret, _ := tok["token"].(string)
	return secret
}
