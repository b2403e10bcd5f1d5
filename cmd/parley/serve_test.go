package main

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// serveInProcess runs "parley serve" through run() and returns the base URL,
// the command's standard output, and a function that stops the server the
// way SIGTERM does and checks it exited cleanly (called at the latest when
// the test ends).
func serveInProcess(t *testing.T, vars map[string]string, args ...string) (string, *syncBuffer, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...),
			env{stdout: stdout, stderr: stderr, getenv: mapEnv(vars)})
	}()
	stop := sync.OnceFunc(func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("serve exited with %d after shutdown; stderr:\n%s", code, stderr.String())
			}
		case <-time.After(30 * time.Second):
			t.Errorf("serve did not shut down within 30s")
		}
	})
	t.Cleanup(stop)
	var url string
	waitFor(t, 60*time.Second, func() string {
		select {
		case code := <-done:
			t.Fatalf("serve exited early with %d; stderr:\n%s", code, stderr.String())
		default:
		}
		if m := runningAt.FindStringSubmatch(stdout.String()); m != nil {
			url = m[1]
			return ""
		}
		return "no URL announced yet"
	})
	return url, stdout, stop
}

var generatedPassword = regexp.MustCompile(`password: (\S+)`)

func TestServeFirstStart(t *testing.T) {
	url, stdout, _ := serveInProcess(t, nil, "--data-dir", t.TempDir())

	m := generatedPassword.FindStringSubmatch(stdout.String())
	if m == nil {
		t.Fatalf("first start printed no admin password:\n%s", stdout)
	}
	if !strings.Contains(stdout.String(), "admin@example.com") {
		t.Errorf("first start did not print the admin email:\n%s", stdout)
	}

	for _, path := range []string{"/healthz", "/readyz", "/metrics", "/openapi.json", "/"} {
		t.Run("GET "+path, func(t *testing.T) {
			resp, err := http.Get(url + path)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			if path == "/openapi.json" && !strings.Contains(string(body), `"openapi":"3.1`) {
				t.Errorf("not an OpenAPI 3.1 document: %.200s", body)
			}
		})
	}

	t.Run("the printed password logs in", func(t *testing.T) {
		status, body := call(t, "POST", url+"/api/v1/auth/login", "",
			map[string]any{"email": "admin@example.com", "password": m[1]})
		if status != http.StatusOK {
			t.Fatalf("login: %d %v", status, body)
		}
	})
}

func TestServeSecondStartKeepsAdmin(t *testing.T) {
	const password = "first-password-123"
	vars := map[string]string{"PARLEY_DATA_DIR": t.TempDir(), "PARLEY_ADMIN_PASSWORD": password}

	_, first, stop := serveInProcess(t, vars)
	stop()
	if !strings.Contains(first.String(), "Created the first administrator") {
		t.Fatalf("first start created no admin:\n%s", first)
	}
	if strings.Contains(first.String(), password) {
		t.Errorf("a password given in the environment was echoed:\n%s", first)
	}

	url, second, _ := serveInProcess(t, vars)
	if strings.Contains(second.String(), "Created the first administrator") {
		t.Errorf("second start created another admin:\n%s", second)
	}
	status, body := call(t, "POST", url+"/api/v1/auth/login", "",
		map[string]any{"email": "admin@example.com", "password": password})
	if status != http.StatusOK {
		t.Fatalf("login after restart: %d %v", status, body)
	}
}
