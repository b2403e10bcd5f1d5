package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/browsertest"
	"github.com/parleychat/parley/internal/config"
)

// apiJSON makes one API request with a bearer token, decodes the answer
// into out (unless nil) and returns the status.
func apiJSON(t *testing.T, base, token, method, path, body string, out any) int {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, base+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if out != nil {
		if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
			t.Fatalf("%s %s: %d, %v", method, path, resp.StatusCode, err)
		}
	}
	return resp.StatusCode
}

// wsFrames records the WebSocket frames a tab receives.
type wsFrames struct {
	mu     sync.Mutex
	frames []string
}

// record starts recording the frames of tab.
func (w *wsFrames) record(t *testing.T, tab context.Context) {
	t.Helper()
	err := chromedp.Listen(tab, func(ev any) {
		if e, ok := ev.(*network.EventWebSocketFrameReceived); ok && e.Response != nil {
			w.mu.Lock()
			w.frames = append(w.frames, string(e.Response.PayloadData))
			w.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
}

// all returns the frames received so far.
func (w *wsFrames) all() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.frames...)
}

// TestProxyAgent: an app sends as an external agent, "Maria (Salesforce)"
// with an avatar and her ID in the app's system; the widget shows her name
// and picture (with alt text, sending no referrer) — Parley's copy, from
// Parley's origin: the browsers never ask the app's picture server — and
// never receives her ID or the app; the console shows Maria, the app and
// her ID; the contact's export carries them.
func TestProxyAgent(t *testing.T) {
	png := pngFile(t)
	var fetches atomic.Int32
	pics := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		fetches.Add(1)
		w.Write(png)
	}))
	t.Cleanup(pics.Close)
	c := startChat(t, "Where is my order?", func(cfg *config.Config) { cfg.OutboundAllow = "127.0.0.1/32" })
	ctx := t.Context()
	source := pics.URL + "/maria.png"
	const mariaID = "0058d000001MaRiA" // her user ID in the app's Salesforce org
	var widgetFrames wsFrames
	widgetFrames.record(t, c.tab)

	admin, err := c.srv.Admin.CreateToken(ctx, "apps", "all")
	if err != nil {
		t.Fatal(err)
	}
	var app struct {
		ClientID     string `json:"client_id"`
		ClientSecret string `json:"client_secret"`
	}
	if s := apiJSON(t, c.srv.URL, admin.Token, "POST", "/api/v1/apps",
		`{"name": "Salesforce bridge", "scopes": ["conversations:read", "conversations:write"]}`, &app); s != http.StatusCreated {
		t.Fatalf("install: %d", s)
	}
	tok := appToken(t, c.srv.URL, app.ClientID, app.ClientSecret)
	body, _ := json.Marshal(map[string]string{"body": "Hi, Maria here: it ships today.", "display_name": "Maria (Salesforce)",
		"avatar_url": source, "external_id": mariaID})
	var sent struct {
		Sender struct {
			AvatarURL  string `json:"avatar_url"`
			ExternalID string `json:"external_id"`
		} `json:"sender"`
	}
	if s := apiJSON(t, c.srv.URL, tok, "POST", "/api/v1/conversations/"+c.conv.ID+"/messages", string(body), &sent); s != http.StatusCreated {
		t.Fatalf("the app sends as Maria: %d", s)
	}
	avatar := sent.Sender.AvatarURL // the copy's path
	if !strings.HasPrefix(avatar, "/avatars/") || sent.Sender.ExternalID != mariaID {
		t.Fatalf("sender = %+v, want the path of Parley's copy and Maria's ID", sent.Sender)
	}

	// Over the WebSocket too (the Go client, with the app's token).
	conn, err := c.srv.Client(t).WithToken(tok).Connect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	res, err := conn.Send(ctx, c.conv.ID, client.SendInput{Body: "Maria again: tracking follows.", DisplayName: "Maria (Salesforce)",
		AvatarURL: source, ExternalID: mariaID})
	if err != nil {
		t.Fatalf("the app sends as Maria over the WebSocket: %v", err)
	}
	if s := res.Message.Sender; s.DisplayName != "Maria (Salesforce)" || s.AvatarURL != avatar || s.ExternalID != mariaID ||
		res.Message.AppID != app.ClientID {
		t.Errorf("WebSocket ack = %+v, want Maria, her avatar, her ID and the app", res.Message)
	}

	t.Run("Widget", func(t *testing.T) {
		waitText(t, c.tab, "Hi, Maria here")
		waitText(t, c.tab, "Maria again: tracking follows.")
		browsertest.WaitFor(t, func() string {
			got := browsertest.Eval[string](t, c.tab, `(() => {
				const m = [...`+shadow+`.querySelectorAll('.msg.them')].find(e => e.textContent.includes('Maria here'));
				if (!m) return 'no message';
				const img = m.querySelector('.meta img.avatar');
				return m.querySelector('.meta .who').textContent + (img ? ' ' + img.getAttribute('src') + ' alt=' + img.alt +
					' referrer=' + img.referrerPolicy + (img.complete && img.naturalWidth > 0 ? ' loaded' : '') : '');
			})()`)
			want := "Maria (Salesforce) " + c.srv.URL + avatar + " alt=Maria (Salesforce) referrer=no-referrer loaded"
			if got != want {
				return "the widget shows " + got + ", want " + want
			}
			return ""
		})
		if got := logText(t, c.tab); strings.Contains(got, "Salesforce bridge") || strings.Contains(got, mariaID) {
			t.Errorf("the visitor is shown the app or Maria's ID: %q", got)
		}
		// What reached the widget over its WebSocket: both of Maria's
		// messages, without her ID or the app.
		frames, maria := widgetFrames.all(), 0
		for _, f := range frames {
			if strings.Contains(f, "Maria") {
				maria++
			}
			for _, staffOnly := range []string{"external_id", mariaID, "app_id", app.ClientID} {
				if strings.Contains(f, staffOnly) {
					t.Errorf("the widget received %s: %s", staffOnly, f)
				}
			}
		}
		if maria < 2 {
			t.Errorf("the widget received %d frames with Maria's messages, want 2 at least; frames: %q", maria, frames)
		}
		browsertest.RequireAccessible(t, c.tab, "the widget with an external agent")
	})

	t.Run("Console", func(t *testing.T) {
		con := openConsole(t, c.b, c.srv, c.srv.AdminEmail, browsertest.AdminPassword)
		con.do(chromedp.Navigate(c.srv.URL + "/console/open/" + c.conv.ID))
		msg := `[...document.querySelectorAll('article.msg')].find(e => e.textContent.includes('Maria here'))`
		con.js(msg + `?.querySelector('.msg-name')?.textContent === 'Maria (Salesforce)'`)
		con.js(msg + `?.querySelector('.msg-via')?.textContent === 'via Salesforce bridge'`)
		con.js(msg + `?.querySelector('.msg-external-id')?.textContent === ` + jsString("ID "+mariaID))
		con.js(msg + `?.querySelector('img.msg-avatar')?.getAttribute('src') === ` + jsString(avatar))
		con.js(`(img => img.complete && img.naturalWidth > 0)(` + msg + `.querySelector('img.msg-avatar'))`)
		browsertest.RequireAccessible(t, con.tab, "the console with an external agent's message")
		browsertest.Screenshot(t, con.tab, "console-proxy-agent")

		// An agent, who may not list the apps, is told an app sent it.
		ann := openConsole(t, c.b, c.srv, "ann@example.com", "agent-password-for-tests")
		ann.do(chromedp.Navigate(c.srv.URL + "/console/mine/" + c.conv.ID))
		ann.js(msg + `?.querySelector('.msg-name')?.textContent === 'Maria (Salesforce)'`)
		ann.js(msg + `?.querySelector('.msg-via')?.textContent === 'via an app'`)
		ann.js(msg + `?.querySelector('.msg-external-id')?.textContent === ` + jsString("ID "+mariaID))
	})

	t.Run("Export", func(t *testing.T) {
		var x struct {
			Conversations []struct {
				Messages []struct {
					Body   string `json:"body"`
					AppID  string `json:"app_id"`
					Sender struct {
						DisplayName string `json:"display_name"`
						AvatarURL   string `json:"avatar_url"`
						ExternalID  string `json:"external_id"`
					} `json:"sender"`
				} `json:"messages"`
			} `json:"conversations"`
		}
		if s := apiJSON(t, c.srv.URL, admin.Token, "GET", "/api/v1/contacts/"+c.conv.ContactID+"/export", "", &x); s != http.StatusOK {
			t.Fatalf("export: %d", s)
		}
		found := false
		for _, cv := range x.Conversations {
			for _, m := range cv.Messages {
				if strings.Contains(m.Body, "Maria here") {
					found = true
					if m.Sender.DisplayName != "Maria (Salesforce)" || m.Sender.AvatarURL != avatar || m.Sender.ExternalID != mariaID ||
						m.AppID != app.ClientID {
						t.Errorf("exported = %+v, want Maria, her avatar, her ID and the app %s", m, app.ClientID)
					}
				}
			}
		}
		if !found {
			t.Error("the export misses the app's message")
		}
	})
	if n := fetches.Load(); n != 1 {
		t.Errorf("the picture server was asked %d times; want once, by Parley", n)
	}
	noBrowserErrors(t, c.b)
}
