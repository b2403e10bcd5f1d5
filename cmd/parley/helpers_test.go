package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for one writer and concurrent readers.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitFor polls cond until it returns "" or the deadline passes, then fails
// the test with cond's last complaint.
func waitFor(t *testing.T, timeout time.Duration, cond func() string) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		msg := cond()
		if msg == "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %v: %s", timeout, msg)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

var runningAt = regexp.MustCompile(`is running at (\S+)`)

// waitForURL waits until out announces the server's URL and returns it.
func waitForURL(t *testing.T, out *syncBuffer) string {
	t.Helper()
	var url string
	waitFor(t, 60*time.Second, func() string {
		if m := runningAt.FindStringSubmatch(out.String()); m != nil {
			url = m[1]
			return ""
		}
		return "the server did not announce its URL; output so far:\n" + out.String()
	})
	return url
}

// mapEnv returns a getenv over vars only, so tests never see the developer's
// PARLEY_* settings.
func mapEnv(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// call sends a JSON request with an optional bearer token and returns the
// status and decoded JSON body (nil when the body is not JSON).
func call(t *testing.T, method, url, token string, body any) (int, map[string]any) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if strings.Contains(resp.Header.Get("Content-Type"), "json") && len(raw) > 0 {
		if err := json.Unmarshal(raw, &out); err != nil {
			t.Fatalf("%s %s: decode %q: %v", method, url, raw, err)
		}
	}
	return resp.StatusCode, out
}

// runAgainstServer starts a server with the environment vars (nil for
// none) besides its data directory and admin password, creates an API
// token on it, runs the command line args (a load tool, given --url and
// the token in PARLEY_BENCH_TOKEN) against it, fails the test if it does
// not exit with 0, and returns what it printed.
func runAgainstServer(t *testing.T, vars map[string]string, args ...string) (stdout, stderr *syncBuffer) {
	t.Helper()
	const password = "bench-admin-password"
	serverEnv := map[string]string{"PARLEY_DATA_DIR": t.TempDir(), "PARLEY_ADMIN_PASSWORD": password}
	for k, v := range vars {
		serverEnv[k] = v
	}
	url, _, _ := serveInProcess(t, serverEnv)
	token := loginAndCreateToken(t, url, password)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	stdout, stderr = &syncBuffer{}, &syncBuffer{}
	args = append([]string{args[0], "--url", url}, args[1:]...)
	if code := run(ctx, args, env{stdout: stdout, stderr: stderr, getenv: mapEnv(map[string]string{"PARLEY_BENCH_TOKEN": token})}); code != 0 {
		t.Fatalf("%s exited with %d; stderr:\n%s", args[0], code, stderr)
	}
	return stdout, stderr
}
