package httpapi_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
	"github.com/parleychat/parley/internal/browsertest"
	"github.com/parleychat/parley/internal/httpapi"
)

// An agent's presence decides whether the widget's inbox shows online.
func TestPresenceAndVisitorInbox(t *testing.T) {
	srv := browsertest.StartServer(t)
	inboxID := srv.DemoInboxID(t)
	srv.CreateAgent(t, "ann@example.com", "Ann", parley.RoleAgent)
	var cookie *http.Cookie
	var csrf string
	do := func(method, path, token string, body any, out any) int {
		t.Helper()
		var rd bytes.Buffer
		if body != nil {
			json.NewEncoder(&rd).Encode(body)
		}
		req, _ := http.NewRequest(method, srv.URL+path, &rd)
		req.Header.Set("Content-Type", "application/json")
		if token == "session" {
			req.AddCookie(cookie)
			req.Header.Set("X-CSRF-Token", csrf)
		} else if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if out != nil {
			json.NewDecoder(resp.Body).Decode(out)
		}
		for _, c := range resp.Cookies() {
			if c.Name == account.SessionCookie {
				cookie = c
			}
		}
		return resp.StatusCode
	}
	var inbox struct {
		ID     string `json:"id"`
		Online bool   `json:"online"`
		Widget struct {
			Title   string `json:"title"`
			Prechat struct {
				Enabled bool `json:"enabled"`
			} `json:"prechat"`
		} `json:"widget"`
	}
	if code := do("GET", "/api/v1/visitor/inbox?inbox_id="+inboxID, "", nil, &inbox); code != 200 || inbox.Online || inbox.Widget.Title == "" {
		t.Fatalf("visitor inbox: %d %+v", code, inbox)
	}
	if code := do("GET", "/api/v1/visitor/inbox?inbox_id=nope", "", nil, nil); code != 404 {
		t.Errorf("unknown inbox: %d, want 404", code)
	}
	if code := do("PUT", "/api/v1/me/presence", "", map[string]string{"status": "online"}, nil); code != 401 {
		t.Errorf("anonymous presence: %d, want 401", code)
	}
	// An API token is not an agent: it has no presence.
	if code := do("PUT", "/api/v1/me/presence", srv.Admin.Token(), map[string]string{"status": "online"}, nil); code != 403 {
		t.Errorf("API token presence: %d, want 403", code)
	}

	// Ann logs in to the console.
	var login struct {
		CSRF string `json:"csrf_token"`
	}
	if code := do("POST", "/api/v1/auth/login", "", map[string]string{"email": "ann@example.com", "password": "agent-password-for-tests"}, &login); code != 200 {
		t.Fatalf("login: %d", code)
	}
	csrf = login.CSRF
	admin := "session"
	if code := do("PUT", "/api/v1/me/presence", admin, map[string]string{"status": "busy"}, nil); code != 422 {
		t.Errorf("bad presence: %d, want 422", code)
	}
	var p struct{ Status string }
	if code := do("PUT", "/api/v1/me/presence", admin, map[string]string{"status": "online"}, &p); code != 200 || p.Status != "online" {
		t.Fatalf("set presence: %d %+v", code, p)
	}
	do("GET", "/api/v1/visitor/inbox?inbox_id="+inboxID, "", nil, &inbox)
	if !inbox.Online {
		t.Error("an agent is online, but the inbox says offline")
	}
	do("PUT", "/api/v1/me/presence", admin, map[string]string{"status": "away"}, nil)
	do("GET", "/api/v1/visitor/inbox?inbox_id="+inboxID, "", nil, &inbox)
	if inbox.Online {
		t.Error("no agent is online, but the inbox says online")
	}
}

// GET /api/v1/me tells an agent's console PARLEY_AWAY_AFTER in whole
// seconds, 0 when it is off; API tokens have no presence and get 0.
func TestMeAwayAfter(t *testing.T) {
	for _, tc := range []struct {
		name      string
		awayAfter time.Duration
		want      int
	}{
		{"Off", 0, 0},
		{"TenMinutes", 10 * time.Minute, 600},
		{"WholeSeconds", 2500 * time.Millisecond, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := newServer(t, func(c *httpapi.Config) { c.AwayAfter = tc.awayAfter })
			ann := ts.agent(t, "ann@example.com", parley.RoleAgent)
			var me struct {
				AwayAfterSeconds *int `json:"away_after_seconds"`
			}
			ts.do(t, "GET", "/api/v1/me", ts.login(t, ann.Email, "password-ann@example.com"), nil).want(t, 200).decode(t, &me)
			if me.AwayAfterSeconds == nil || *me.AwayAfterSeconds != tc.want {
				t.Errorf("agent: away_after_seconds = %v, want %d", me.AwayAfterSeconds, tc.want)
			}
			me.AwayAfterSeconds = nil
			ts.do(t, "GET", "/api/v1/me", ts.token(t, ts.ws.ID, parley.ScopeAgentsRead), nil).want(t, 200).decode(t, &me)
			if me.AwayAfterSeconds == nil || *me.AwayAfterSeconds != 0 {
				t.Errorf("token: away_after_seconds = %v, want 0", me.AwayAfterSeconds)
			}
		})
	}
}
