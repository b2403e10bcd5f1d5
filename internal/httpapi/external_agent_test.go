package httpapi_test

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/parleychat/parley"
)

// pictureServer serves a small PNG at /maria.png (counting its fetches)
// and, for the refusals, text, a 404, a redirect and an image too large.
type pictureServer struct {
	*httptest.Server
	png     []byte
	fetches atomic.Int32
}

func newPictureServer(t *testing.T) *pictureServer {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for i := range 8 {
		img.Set(i, i, color.RGBA{R: 200, A: 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	ps := &pictureServer{png: buf.Bytes()}
	mux := http.NewServeMux()
	mux.HandleFunc("/maria.png", func(w http.ResponseWriter, _ *http.Request) {
		ps.fetches.Add(1)
		w.Header().Set("Content-Type", "image/png")
		w.Write(ps.png)
	})
	mux.HandleFunc("/page.html", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "image/png") // the content decides, not the header
		w.Write([]byte("<html><script>alert(1)</script></html>"))
	})
	mux.HandleFunc("/moved.png", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/maria.png", http.StatusFound)
	})
	mux.HandleFunc("/huge.png", func(w http.ResponseWriter, _ *http.Request) {
		w.Write(append(bytes.Clone(ps.png), make([]byte, parley.MaxImageSize)...))
	})
	ps.Server = httptest.NewServer(mux)
	t.Cleanup(ps.Close)
	return ps
}

// externalMessage is a message as the API returns it, with what tells of
// an external agent: the name and avatar shown, and the app.
type externalMessage struct {
	Body   string `json:"body"`
	Sender struct {
		Type        string `json:"type"`
		DisplayName string `json:"display_name"`
		AvatarURL   string `json:"avatar_url"`
	} `json:"sender"`
	AppID string `json:"app_id"`
}

// TestAppExternalAgent: an app sends as an external agent (display_name
// and avatar_url); staff are shown the person and the app, in the
// messages, the export and the events; the visitor the person only. The
// picture is Parley's copy, fetched once and served from its own origin.
func TestAppExternalAgent(t *testing.T) {
	ts := newServer(t)
	in := ts.inbox(t)
	v := ts.guest(t, in)
	conv := ts.start(t, v)
	ts.say(t, v.bearer, conv.ID, "Hello?")
	a := ts.install(t, manifest("Salesforce bridge", parley.ScopeConversationsRead, parley.ScopeConversationsWrite))
	tok := ts.appToken(t, a)
	pics := newPictureServer(t)
	source := pics.URL + "/maria.png"
	send := map[string]any{"body": "Hi, Maria here.", "display_name": "Maria (Salesforce)", "avatar_url": source}

	var sent externalMessage
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/messages", tok, send).want(t, 201).decode(t, &sent)
	avatar := sent.Sender.AvatarURL
	if sent.Sender.DisplayName != "Maria (Salesforce)" || !strings.HasPrefix(avatar, "/avatars/"+ts.ws.ID+"/") || sent.AppID != a.ID {
		t.Fatalf("sent = %+v, want Maria, a copy of her picture on this server and the app", sent)
	}

	t.Run("Copy", func(t *testing.T) {
		r := ts.do(t, "GET", avatar, nil, nil).want(t, 200)
		if !bytes.Equal(r.body, pics.png) {
			t.Errorf("served %d bytes, not the picture's %d", len(r.body), len(pics.png))
		}
		for h, want := range map[string]string{"Content-Type": "image/png", "X-Content-Type-Options": "nosniff",
			"Content-Security-Policy": "default-src 'none'; sandbox", "Cache-Control": "public, max-age=31536000, immutable"} {
			if got := r.header.Get(h); got != want {
				t.Errorf("%s: %q, want %q", h, got, want)
			}
		}
		// The same URL again: the same copy, not fetched again.
		var again externalMessage
		ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/messages", tok,
			map[string]any{"body": "Still here.", "display_name": "Maria (Salesforce)", "avatar_url": source}).want(t, 201).decode(t, &again)
		if again.Sender.AvatarURL != avatar || pics.fetches.Load() != 1 {
			t.Errorf("second message's picture %q after %d fetches; want %q after 1", again.Sender.AvatarURL, pics.fetches.Load(), avatar)
		}
		// Another workspace's path, a hash not stored, a malformed one.
		otherWS, _ := ts.otherWorkspace(t, parley.ScopeConversationsRead)
		other := strings.Replace(avatar, ts.ws.ID, otherWS.ID, 1)
		ts.do(t, "GET", other, nil, nil).problem(t, 404, parley.ENOTFOUND)
		ts.do(t, "GET", "/avatars/"+ts.ws.ID+"/"+strings.Repeat("0", 64), nil, nil).problem(t, 404, parley.ENOTFOUND)
		ts.do(t, "GET", "/avatars/"+ts.ws.ID+"/..%2F..", nil, nil).problem(t, 422, parley.EINVALID)
	})

	admin := ts.token(t, ts.ws.ID, parley.ScopeAll)
	find := func(t *testing.T, items []externalMessage) externalMessage {
		t.Helper()
		for _, m := range items {
			if m.Body == "Hi, Maria here." {
				return m
			}
		}
		t.Fatalf("the app's message is missing from %+v", items)
		return externalMessage{}
	}
	t.Run("Staff", func(t *testing.T) {
		var list struct {
			Items []externalMessage `json:"items"`
		}
		ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/messages", admin, nil).want(t, 200).decode(t, &list)
		if m := find(t, list.Items); m != sent {
			t.Errorf("listed = %+v, want %+v", m, sent)
		}
	})
	t.Run("Export", func(t *testing.T) {
		var x struct {
			Conversations []struct {
				Messages []externalMessage `json:"messages"`
			} `json:"conversations"`
		}
		ts.do(t, "GET", "/api/v1/contacts/"+conv.ContactID+"/export", admin, nil).want(t, 200).decode(t, &x)
		if len(x.Conversations) != 1 {
			t.Fatalf("exported %d conversations", len(x.Conversations))
		}
		if m := find(t, x.Conversations[0].Messages); m != sent {
			t.Errorf("exported = %+v, want %+v", m, sent)
		}
	})
	t.Run("Event", func(t *testing.T) {
		for _, e := range ts.conversationEvents(t, conv.ID, parley.EventMessageCreated) {
			var d parley.MessageEventData
			if err := json.Unmarshal(e.Payload, &d); err != nil {
				t.Fatal(err)
			}
			if d.Message.Body == "Hi, Maria here." {
				if d.Message.Sender.AvatarURL != avatar || d.Message.Sender.DisplayName != "Maria (Salesforce)" || d.Message.AppID != a.ID {
					t.Errorf("message.created = %+v", d.Message)
				}
				return
			}
		}
		t.Error("no message.created for the app's message")
	})
	t.Run("Visitor", func(t *testing.T) {
		var list struct {
			Items []externalMessage `json:"items"`
		}
		r := ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/messages", v.bearer, nil).want(t, 200)
		r.decode(t, &list)
		m := find(t, list.Items)
		if m.Sender.DisplayName != "Maria (Salesforce)" || m.Sender.AvatarURL != avatar {
			t.Errorf("the visitor is shown %+v", m)
		}
		if strings.Contains(string(r.body), "app_id") {
			t.Errorf("the visitor was shown the provenance: %s", r.body)
		}
	})

	t.Run("OnlyApps", func(t *testing.T) {
		plain := ts.token(t, ts.ws.ID, parley.ScopeConversationsWrite)
		agent := ts.member(t, parley.RoleAdmin)
		for name, c := range map[string]creds{"visitor": v.bearer, "token": plain, "agent": agent} {
			t.Run(name, func(t *testing.T) {
				ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/messages", c,
					map[string]any{"body": "Me", "display_name": "Maria (Salesforce)", "avatar_url": source}).problem(t, 403, parley.EFORBIDDEN)
			})
		}
	})

	t.Run("BadInput", func(t *testing.T) {
		long := "https://cdn.example.com/" + strings.Repeat("a", parley.MaxAvatarURLLength)
		for _, tc := range []struct {
			name string
			body map[string]any
			loc  string
		}{
			{"HTTP", map[string]any{"display_name": "Maria", "avatar_url": "http://cdn.example.com/m.png"}, "body.avatar_url"},
			{"Script", map[string]any{"display_name": "Maria", "avatar_url": "javascript:alert(1)"}, "body.avatar_url"},
			{"Data", map[string]any{"display_name": "Maria", "avatar_url": "data:image/png;base64,AAAA"}, "body.avatar_url"},
			{"Relative", map[string]any{"display_name": "Maria", "avatar_url": "/m.png"}, "body.avatar_url"},
			{"UserInfo", map[string]any{"display_name": "Maria", "avatar_url": "https://u:p@cdn.example.com/m.png"}, "body.avatar_url"},
			{"Space", map[string]any{"display_name": "Maria", "avatar_url": "https://cdn.example.com/a b.png"}, "body.avatar_url"},
			{"TooLong", map[string]any{"display_name": "Maria", "avatar_url": long}, "body.avatar_url"},
			{"NoName", map[string]any{"avatar_url": source}, "body.display_name"},
			{"NameTooLong", map[string]any{"display_name": strings.Repeat("M", parley.MaxNameLength+1), "avatar_url": source}, "body.display_name"},
			{"NameControl", map[string]any{"display_name": "Maria\x00", "avatar_url": source}, "body.display_name"},
			// What the server will not fetch, or not keep.
			{"PrivateAddress", map[string]any{"display_name": "Maria", "avatar_url": "http://169.254.169.254/latest/meta-data"}, "body.avatar_url"},
			{"NotAnImage", map[string]any{"display_name": "Maria", "avatar_url": pics.URL + "/page.html"}, "body.avatar_url"},
			{"Missing", map[string]any{"display_name": "Maria", "avatar_url": pics.URL + "/gone.png"}, "body.avatar_url"},
			{"Redirect", map[string]any{"display_name": "Maria", "avatar_url": pics.URL + "/moved.png"}, "body.avatar_url"},
			{"TooLarge", map[string]any{"display_name": "Maria", "avatar_url": pics.URL + "/huge.png"}, "body.avatar_url"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				tc.body["body"] = "Hi"
				p := ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/messages", tok, tc.body).problem(t, 422, parley.EINVALID)
				if locs := p.locations(); len(locs) != 1 || locs[0] != tc.loc {
					t.Errorf("locations = %v, want [%s]", locs, tc.loc)
				}
			})
		}
	})
}
