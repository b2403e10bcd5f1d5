package client_test

// Staff and bots outside a browser (docs/protocol.md): the bot examples of
// the protocol guide, in Go and in Node, run against a server; bearer
// credentials need no Origin, while the console cookie still does.

import (
	"bufio"
	"context"
	"errors"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/parleychat/parley/client"
)

const protocolDoc = "../docs/protocol.md"

// docBlock returns the fenced block of doc in lang whose first line starts
// with first.
func docBlock(t *testing.T, doc, lang, first string) string {
	t.Helper()
	md, err := os.ReadFile(doc)
	must(t, err)
	for _, m := range regexp.MustCompile("(?s)```([a-z]+)\n(.*?)```").FindAllStringSubmatch(string(md), -1) {
		if m[1] == lang && strings.HasPrefix(m[2], first) {
			return m[2]
		}
	}
	t.Fatalf("%s has no %s block starting with %q", doc, lang, first)
	return ""
}

// botModule writes the Go bot of the guide into dir as a module requiring
// github.com/coder/websocket at the version (and checksums) of Parley's
// own go.mod, so that it builds from the module cache.
func botModule(t *testing.T, dir string) {
	t.Helper()
	mod, err := os.ReadFile("../go.mod")
	must(t, err)
	version := regexp.MustCompile(`(?m)^\s*github\.com/coder/websocket (v\S+)`).FindSubmatch(mod)
	if version == nil {
		t.Fatal("go.mod does not require github.com/coder/websocket")
	}
	sums, err := os.ReadFile("../go.sum")
	must(t, err)
	var sum strings.Builder
	for line := range strings.SplitSeq(string(sums), "\n") {
		if strings.HasPrefix(line, "github.com/coder/websocket ") {
			sum.WriteString(line + "\n")
		}
	}
	goVersion := regexp.MustCompile(`(?m)^go (\S+)`).FindSubmatch(mod)
	files := map[string]string{
		"main.go": docBlock(t, protocolDoc, "go", "// bot.go:"),
		"go.mod":  "module bot\n\ngo " + string(goVersion[1]) + "\n\nrequire github.com/coder/websocket " + string(version[1]) + "\n",
		"go.sum":  sum.String(),
	}
	for name, content := range files {
		must(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644))
	}
}

// TestBotExamples runs the guide's bot, in Go with an API token and in
// Node with a bot agent's bearer session, on the node a visitor is not
// on when there are two: it follows the feed and answers the visitor.
func TestBotExamples(t *testing.T) {
	tests := []struct {
		name string
		tool string
		// start prepares dir and returns the command's arguments and the
		// credential to run it with.
		start func(t *testing.T, e *env, dir string) (args []string, token, sender string)
	}{
		{"Go", "go", func(t *testing.T, e *env, dir string) ([]string, string, string) {
			botModule(t, dir)
			tok, err := e.admin(t, 0).CreateToken(t.Context(), "answering bot", "conversations:read", "conversations:write")
			must(t, err)
			return []string{"run", "."}, tok.Token, client.ParticipantSystem
		}},
		{"Node", "node", func(t *testing.T, e *env, dir string) ([]string, string, string) {
			must(t, os.WriteFile(filepath.Join(dir, "bot.mjs"), []byte(docBlock(t, protocolDoc, "js", "// bot.mjs:")), 0o644))
			_, err := e.admin(t, 0).CreateAgent(t.Context(), client.CreateAgentInput{
				Email: "answer-bot@example.com", Name: "Answer bot", Role: "agent", Bot: true, Password: "bot password 12",
			})
			must(t, err)
			login, err := e.client(t, e.nodes[0].url).LoginBearer(t.Context(), client.LoginInput{Email: "answer-bot@example.com", Password: "bot password 12"})
			must(t, err)
			return []string{"--experimental-websocket", "bot.mjs"}, login.Token, client.ParticipantBot
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bin, err := exec.LookPath(tt.tool)
			if err != nil {
				t.Skipf("SKIPPED: %s is not installed, so the %s bot of %s is not run", tt.tool, tt.name, protocolDoc)
			}
			topologies(t, func(t *testing.T, e *env) {
				dir := t.TempDir()
				args, token, sender := tt.start(t, e, dir)
				ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
				defer cancel()
				cmd := exec.CommandContext(ctx, bin, args...)
				cmd.Dir = dir
				cmd.Env = append(os.Environ(), "PARLEY_URL="+e.nodes[e.last()].url, "PARLEY_TOKEN="+token,
					"GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
				logs, err := cmd.StderrPipe()
				must(t, err)
				must(t, cmd.Start())
				t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
				following := make(chan struct{})
				var output strings.Builder
				go func() {
					sc := bufio.NewScanner(logs)
					for sc.Scan() {
						output.WriteString(sc.Text() + "\n")
						if strings.Contains(sc.Text(), "following the feed") {
							close(following)
						}
					}
				}()
				select {
				case <-following:
				case <-ctx.Done():
					t.Fatalf("the bot did not follow the feed")
				}

				visitor, _ := e.visitor(t, 0)
				conv, err := visitor.CreateConversation(t.Context(), client.CreateConversationInput{})
				must(t, err)
				conn := connect(t, visitor)
				_, err = conn.Subscribe(t.Context(), conv.ID, 0)
				must(t, err)
				_, err = conn.Send(t.Context(), conv.ID, client.SendInput{Body: "Where is my parcel?"})
				must(t, err)
				for {
					m := nextMessage(t, conn)
					if m.Sender.Type == client.ParticipantContact {
						continue
					}
					if m.Sender.Type != sender || m.Body != "Thanks, we got your message: Where is my parcel?" {
						t.Fatalf("the bot answered %+v, want a %s's thanks", m, sender)
					}
					break
				}
			})
		})
	}
}

// TestStaffOutsideBrowser: bearer credentials — an API token, an agent's
// bearer session — authenticate a socket with no Origin header, with the
// rights they hold; the console's cookie is still refused from any origin
// but the console's.
func TestStaffOutsideBrowser(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	ws := func(t *testing.T, header http.Header, auth map[string]any) *websocket.Conn {
		t.Helper()
		c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(e.nodes[0].url, "http")+"/api/v1/realtime",
			&websocket.DialOptions{HTTPHeader: header})
		must(t, err)
		t.Cleanup(func() { c.CloseNow() })
		must(t, wsjson.Write(ctx, c, auth))
		return c
	}
	wantClose := func(t *testing.T, c *websocket.Conn, code websocket.StatusCode, reason string) {
		t.Helper()
		var f map[string]any
		err := wsjson.Read(ctx, c, &f)
		if websocket.CloseStatus(err) != code {
			t.Fatalf("got %v %v, want close %d", f, err, code)
		}
		var ce websocket.CloseError
		if errors.As(err, &ce) && ce.Reason != reason {
			t.Errorf("close reason %q, want %q", ce.Reason, reason)
		}
	}
	ready := func(t *testing.T, c *websocket.Conn) map[string]any {
		t.Helper()
		var f map[string]any
		must(t, wsjson.Read(ctx, c, &f))
		if f["type"] != "ready" {
			t.Fatalf("got %v, want ready", f)
		}
		return f
	}

	_, err := e.admin(t, 0).CreateAgent(ctx, client.CreateAgentInput{Email: "ann@example.com", Name: "Ann", Role: "agent", Password: "ann password 12"})
	must(t, err)
	anon := e.client(t, e.nodes[0].url)
	bearerLogin, err := anon.LoginBearer(ctx, client.LoginInput{Email: "ann@example.com", Password: "ann password 12"})
	must(t, err)
	cookieLogin, err := anon.Login(ctx, client.LoginInput{Email: "ann@example.com", Password: "ann password 12"})
	must(t, err)

	t.Run("BearerSessionNoOrigin", func(t *testing.T) {
		f := ready(t, ws(t, nil, map[string]any{"type": "auth", "token": bearerLogin.Token}))
		if p := f["participant"].(map[string]any); p["type"] != "agent" || p["id"] != bearerLogin.Agent.ID {
			t.Errorf("ready = %v", f)
		}
	})
	t.Run("APITokenScopes", func(t *testing.T) {
		tok, err := e.admin(t, 0).CreateToken(ctx, "writer", "conversations:write")
		must(t, err)
		conn := connect(t, e.client(t, e.nodes[0].url, client.WithToken(tok.Token)))
		if err := conn.SubscribeFeed(ctx); client.ErrorCode(err) != client.CodeForbidden {
			t.Errorf("subscribe_feed without conversations:read: %v, want forbidden", err)
		}
	})
	t.Run("CookieFromAnotherOrigin", func(t *testing.T) {
		cookie := (&http.Cookie{Name: "parley_session", Value: cookieLogin.Session}).String()
		for _, origin := range []string{"https://evil.example", ""} {
			h := http.Header{"Cookie": {cookie}}
			if origin != "" {
				h.Set("Origin", origin)
			}
			wantClose(t, ws(t, h, map[string]any{"type": "auth"}), websocket.StatusPolicyViolation, "origin not allowed")
		}
		// The console's own origin may use it.
		ready(t, ws(t, http.Header{"Cookie": {cookie}, "Origin": {e.nodes[0].url}}, map[string]any{"type": "auth"}))
	})
	t.Run("BadBearer", func(t *testing.T) {
		for _, token := range []string{"prlys_" + strings.Repeat("x", 40), "prlys_\x00", strings.Repeat("prlys_", 100)} {
			wantClose(t, ws(t, nil, map[string]any{"type": "auth", "token": token}), websocket.StatusPolicyViolation, "authentication failed")
		}
	})
}
