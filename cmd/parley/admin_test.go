package main

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// admin runs "parley admin args..." in-process and returns the exit code,
// standard output and standard error.
func runAdmin(t *testing.T, vars map[string]string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr syncBuffer
	code := run(context.Background(), append([]string{"admin"}, args...),
		env{stdin: strings.NewReader(stdin), stdout: &stdout, stderr: &stderr, getenv: mapEnv(vars)})
	return code, stdout.String(), stderr.String()
}

func TestAdminCommands(t *testing.T) {
	vars := map[string]string{"PARLEY_DATA_DIR": t.TempDir(), "PARLEY_ADMIN_PASSWORD": "admin-password-1"}

	// Before the first serve: the default workspace is created on demand.
	code, token, stderr := runAdmin(t, vars, "", "create-token", "--name", "ci", "--scopes", "agents:read,agents:write")
	if code != 0 {
		t.Fatalf("create-token: exit %d: %s", code, stderr)
	}
	token = strings.TrimSpace(token)
	if strings.Contains(token, "\n") || !strings.HasPrefix(token, "prly_") {
		t.Fatalf("create-token must print only the token; got %q", token)
	}

	code, agentID, stderr := runAdmin(t, vars, "s3cret-password\n",
		"create-agent", "--email", "Ann@Example.com", "--role", "supervisor", "--password-stdin")
	if code != 0 {
		t.Fatalf("create-agent: exit %d: %s", code, stderr)
	}
	agentID = strings.TrimSpace(agentID)

	code, wsID, stderr := runAdmin(t, vars, "", "create-workspace", "--slug", "acme", "--name", "Acme Inc")
	if code != 0 || strings.TrimSpace(wsID) == "" {
		t.Fatalf("create-workspace: exit %d: %s", code, stderr)
	}
	code, acmeToken, stderr := runAdmin(t, vars, "", "create-token", "--workspace", "acme", "--name", "acme", "--scopes", "all")
	if code != 0 {
		t.Fatalf("create-token in acme: exit %d: %s", code, stderr)
	}
	acmeToken = strings.TrimSpace(acmeToken)

	if code, _, stderr := runAdmin(t, vars, "", "reset-password", "--email", "ann@example.com", "--password", "another-password"); code != 0 {
		t.Fatalf("reset-password: exit %d: %s", code, stderr)
	}

	t.Run("bad input", func(t *testing.T) {
		for _, tc := range []struct {
			name  string
			args  []string
			code  int
			inErr string
		}{
			{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
			{"unknown flag", []string{"create-agent", "--colour", "red"}, 2, "colour"},
			{"unknown role", []string{"create-agent", "--email", "b@example.com", "--password", "long-enough-pw", "--role", "boss"}, 1, "--role"},
			{"bad email", []string{"create-agent", "--email", "not-an-email", "--password", "long-enough-pw"}, 1, "--email"},
			{"short password", []string{"create-agent", "--email", "c@example.com", "--password", "short"}, 1, "--password"},
			{"duplicate email", []string{"create-agent", "--email", "ANN@example.com", "--password", "long-enough-pw"}, 1, "already"},
			{"unknown scope", []string{"create-token", "--name", "x", "--scopes", "agents:read,root"}, 1, "root"},
			{"no scopes", []string{"create-token", "--name", "x"}, 1, "scope"},
			{"unknown workspace", []string{"create-token", "--workspace", "nope", "--name", "x", "--scopes", "all"}, 1, "nope"},
			{"bad slug", []string{"create-workspace", "--slug", "Not A Slug"}, 1, "--slug"},
			{"duplicate slug", []string{"create-workspace", "--slug", "acme"}, 1, "already"},
			{"unknown agent", []string{"reset-password", "--email", "ghost@example.com", "--password", "long-enough-pw"}, 1, "not"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				code, stdout, stderr := runAdmin(t, vars, "", tc.args...)
				if code != tc.code {
					t.Errorf("exit %d, want %d; stderr: %s", code, tc.code, stderr)
				}
				if !strings.Contains(strings.ToLower(stderr), strings.ToLower(tc.inErr)) {
					t.Errorf("stderr does not mention %q:\n%s", tc.inErr, stderr)
				}
				if stdout != "" {
					t.Errorf("a failed command printed on stdout: %q", stdout)
				}
			})
		}
	})

	url, _, _ := serveInProcess(t, vars)

	t.Run("the CLI token works and is scoped", func(t *testing.T) {
		status, body := call(t, "GET", url+"/api/v1/agents/"+agentID, token, nil)
		if status != http.StatusOK || body["email"] != "ann@example.com" || body["role"] != "supervisor" {
			t.Fatalf("GET agent: %d %v", status, body)
		}
		if status, _ := call(t, "GET", url+"/api/v1/inboxes", token, nil); status != http.StatusForbidden {
			t.Errorf("token without inboxes:read listed inboxes: %d", status)
		}
	})
	t.Run("another workspace's token cannot see the agent", func(t *testing.T) {
		if status, _ := call(t, "GET", url+"/api/v1/agents/"+agentID, acmeToken, nil); status != http.StatusNotFound {
			t.Errorf("acme token read a default-workspace agent: %d", status)
		}
	})
	t.Run("the reset password logs in", func(t *testing.T) {
		status, body := call(t, "POST", url+"/api/v1/auth/login", "",
			map[string]any{"email": "ann@example.com", "password": "another-password"})
		if status != http.StatusOK {
			t.Fatalf("login: %d %v", status, body)
		}
	})
}
