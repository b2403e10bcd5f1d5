package main

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"runtime"
	"slices"
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
	s := startServe(t, vars, args...)
	return s.url, s.stdout, s.stop
}

// served is a "parley serve" run in-process by startServe.
type served struct {
	url            string
	stdout, stderr *syncBuffer
	stop           func()
}

// startServe is serveInProcess, also returning the log (standard error).
func startServe(t *testing.T, vars map[string]string, args ...string) *served {
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
	return &served{url: url, stdout: stdout, stderr: stderr, stop: stop}
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

var resetHint = regexp.MustCompile(`change it with: (.+)\)`)

// The first start's hint to change the generated password works as
// printed: on a terminal it asks for the new password; in a script it
// says to use --password-stdin, which works too. Shutting down logs, last,
// that the server stopped.
func TestServeFirstStartPasswordHint(t *testing.T) {
	dir := t.TempDir()
	s := startServe(t, nil, "--data-dir", dir)
	m := resetHint.FindStringSubmatch(s.stdout.String())
	if m == nil {
		t.Fatalf("the first start printed no hint to change the password:\n%s", s.stdout)
	}
	// The test binary, like go run's, is built in a go-build directory.
	cmdline, ok := strings.CutPrefix(m[1], "go run ./cmd/parley ")
	if !ok {
		t.Fatalf("the hint %q does not run this program as go run does", m[1])
	}
	args := strings.Fields(cmdline)
	if want := []string{"admin", "reset-password", "--email", "admin@example.com", "--data-dir", dir}; !slices.Equal(args, want) {
		t.Fatalf("the hint runs %q, want %q", args, want)
	}
	runHint := func(stdin io.Reader) (int, string) {
		var stdout, stderr syncBuffer
		code := run(context.Background(), args, env{stdin: stdin, stdout: &stdout, stderr: &stderr, getenv: mapEnv(nil)})
		return code, stdout.String() + stderr.String()
	}
	login := func(password string) int {
		status, _ := call(t, "POST", s.url+"/api/v1/auth/login", "", map[string]any{"email": "admin@example.com", "password": password})
		return status
	}

	t.Run("OnATerminal", func(t *testing.T) {
		ptmx, tty := openPTY(t)
		if _, err := ptmx.WriteString("typed-password-1\ntyped-password-1\n"); err != nil {
			t.Fatal(err)
		}
		code, out := runHint(tty)
		if code != 0 {
			t.Fatalf("exit %d:\n%s", code, out)
		}
		if !strings.Contains(out, "New password for admin@example.com") || strings.Contains(out, "typed-password-1") {
			t.Errorf("the prompt printed:\n%s", out)
		}
		if got := login("typed-password-1"); got != http.StatusOK {
			t.Errorf("login with the typed password: %d", got)
		}
	})
	t.Run("TwoDifferentPasswords", func(t *testing.T) {
		ptmx, tty := openPTY(t)
		ptmx.WriteString("typed-password-2\ntyped-password-3\n")
		if code, out := runHint(tty); code == 0 || !strings.Contains(out, "differ") {
			t.Errorf("exit %d:\n%s", code, out)
		}
		if got := login("typed-password-1"); got != http.StatusOK {
			t.Errorf("the password changed after a mismatch: login %d", got)
		}
	})
	t.Run("InAScript", func(t *testing.T) {
		code, out := runHint(strings.NewReader("piped-password-1\n"))
		if code == 0 || !strings.Contains(out, "--password-stdin") {
			t.Errorf("without a terminal: exit %d, want a hint at --password-stdin:\n%s", code, out)
		}
		args = append(args, "--password-stdin")
		if code, out := runHint(strings.NewReader("piped-password-1\n")); code != 0 {
			t.Fatalf("with --password-stdin: exit %d:\n%s", code, out)
		}
		if got := login("piped-password-1"); got != http.StatusOK {
			t.Errorf("login with the piped password: %d", got)
		}
	})

	s.stop()
	lines := strings.Split(strings.TrimSpace(s.stderr.String()), "\n")
	if last := lines[len(lines)-1]; !strings.Contains(last, "parley stopped") {
		t.Errorf("the last log line is %q, want one saying parley stopped; log:\n%s", last, s.stderr)
	}
}

// On one core the server still runs two Ps, unless GOMAXPROCS says
// otherwise.
func TestEnsureProcs(t *testing.T) {
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	ensureProcs(mapEnv(map[string]string{"GOMAXPROCS": "1"}))
	if got := runtime.GOMAXPROCS(0); got != 1 {
		t.Errorf("GOMAXPROCS=1 set: %d Ps", got)
	}
	ensureProcs(mapEnv(nil))
	if got := runtime.GOMAXPROCS(0); got != minProcs {
		t.Errorf("one core: %d Ps, want %d", got, minProcs)
	}
	runtime.GOMAXPROCS(4)
	ensureProcs(mapEnv(nil))
	if got := runtime.GOMAXPROCS(0); got != 4 {
		t.Errorf("4 cores: %d Ps, want 4", got)
	}
}
