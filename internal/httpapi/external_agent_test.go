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
// an external agent: the name and avatar shown, her ID in the app's
// system, and the app.
type externalMessage struct {
	Body   string `json:"body"`
	Sender struct {
		Type        string `json:"type"`
		DisplayName string `json:"display_name"`
		AvatarURL   string `json:"avatar_url"`
		ExternalID  string `json:"external_id"`
	} `json:"sender"`
	AppID string `json:"app_id"`
}

// mariaID is Maria's ID in the app's system (a Salesforce user ID).
const mariaID = "0058d000001MaRiA"

// TestAppExternalAgent: an app sends as an external agent (display_name,
// avatar_url and external_id); staff are shown the person, her ID in the
// app's system and the app, in the messages, the export and the events;
// the visitor the person only. The picture is Parley's copy, fetched once
// and served from its own origin.
func TestAppExternalAgent(t *testing.T) { onBothEngines(t, testAppExternalAgent) }

func testAppExternalAgent(t *testing.T, ts *testServer) {
	in := ts.inbox(t)
	v := ts.guest(t, in)
	conv := ts.start(t, v)
	ts.say(t, v.bearer, conv.ID, "Hello?")
	a := ts.install(t, manifest("Salesforce bridge", parley.ScopeConversationsRead, parley.ScopeConversationsWrite))
	tok := ts.appToken(t, a)
	pics := newPictureServer(t)
	source := pics.URL + "/maria.png"
	send := map[string]any{"body": "Hi, Maria here.", "display_name": "Maria (Salesforce)", "avatar_url": source, "external_id": mariaID}

	var sent externalMessage
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/messages", tok, send).want(t, 201).decode(t, &sent)
	avatar := sent.Sender.AvatarURL
	if sent.Sender.DisplayName != "Maria (Salesforce)" || !strings.HasPrefix(avatar, "/avatars/"+ts.ws.ID+"/") ||
		sent.Sender.ExternalID != mariaID || sent.AppID != a.ID {
		t.Fatalf("sent = %+v, want Maria, a copy of her picture on this server, her ID and the app", sent)
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
				if s := d.Message.Sender; s.AvatarURL != avatar || s.DisplayName != "Maria (Salesforce)" || s.ExternalID != mariaID ||
					d.Message.AppID != a.ID {
					t.Errorf("message.created = %+v", d.Message)
				}
				return
			}
		}
		t.Error("no message.created for the app's message")
	})
	t.Run("Visitor", func(t *testing.T) {
		// Neither the app nor Maria's ID in its system, in any of the
		// visitor's ways to read the message: the list, one message by ID,
		// a search.
		var list struct {
			Items []externalMessage `json:"items"`
		}
		r := ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/messages", v.bearer, nil).want(t, 200)
		r.decode(t, &list)
		m := find(t, list.Items)
		if m.Sender.DisplayName != "Maria (Salesforce)" || m.Sender.AvatarURL != avatar || m.Sender.ExternalID != "" {
			t.Errorf("the visitor is shown %+v", m)
		}
		var id struct {
			Items []struct {
				ID   string `json:"id"`
				Body string `json:"body"`
			} `json:"items"`
		}
		r.decode(t, &id)
		bodies := []string{string(r.body)}
		for _, it := range id.Items {
			if it.Body == "Hi, Maria here." {
				bodies = append(bodies, string(ts.do(t, "GET", "/api/v1/messages/"+it.ID, v.bearer, nil).want(t, 200).body))
			}
		}
		bodies = append(bodies, string(ts.do(t, "GET", "/api/v1/search?q=Maria", v.bearer, nil).want(t, 200).body))
		if len(bodies) != 3 || !strings.Contains(bodies[2], "Maria here") {
			t.Fatalf("the visitor's reads: %q", bodies)
		}
		for _, b := range bodies {
			for _, staffOnly := range []string{"app_id", "external_id", mariaID} {
				if strings.Contains(b, staffOnly) {
					t.Errorf("the visitor was shown %s: %s", staffOnly, b)
				}
			}
		}
	})

	t.Run("OnlyApps", func(t *testing.T) {
		plain := ts.token(t, ts.ws.ID, parley.ScopeConversationsWrite)
		agent := ts.member(t, parley.RoleAdmin)
		for name, c := range map[string]creds{"visitor": v.bearer, "token": plain, "agent": agent} {
			for field, value := range map[string]string{"avatar_url": source, "external_id": mariaID} {
				t.Run(name+"/"+field, func(t *testing.T) {
					ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/messages", c,
						map[string]any{"body": "Me", "display_name": "Maria (Salesforce)", field: value}).problem(t, 403, parley.EFORBIDDEN)
				})
			}
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
			{"IDTooLong", map[string]any{"display_name": "Maria", "external_id": strings.Repeat("7", parley.MaxIdentifierLength+1)}, "body.external_id"},
			{"IDNewline", map[string]any{"display_name": "Maria", "external_id": "005\n8d"}, "body.external_id"},
			{"IDTab", map[string]any{"display_name": "Maria", "external_id": "005\t8d"}, "body.external_id"},
			{"IDEscape", map[string]any{"display_name": "Maria", "external_id": "005\x1b[31m"}, "body.external_id"},
			{"IDDelete", map[string]any{"display_name": "Maria", "external_id": "005\x7f"}, "body.external_id"},
			{"IDC1", map[string]any{"display_name": "Maria", "external_id": "005\u0085"}, "body.external_id"},
			{"IDNUL", map[string]any{"display_name": "Maria", "external_id": "005\x00"}, "body.external_id"},
			{"IDNoName", map[string]any{"external_id": mariaID}, "body.display_name"},
			{"IDBlankName", map[string]any{"display_name": "  ", "external_id": mariaID}, "body.display_name"},
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

	t.Run("IDOnly", func(t *testing.T) {
		// An ID without a picture, of the most bytes allowed, any text
		// but control characters: kept as sent.
		id := "Maria Ünal/" + strings.Repeat("7", parley.MaxIdentifierLength-len("Maria Ünal/"))
		var m externalMessage
		ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/messages", tok,
			map[string]any{"body": "Maria, no picture.", "display_name": "Maria (Salesforce)", "external_id": id}).want(t, 201).decode(t, &m)
		if m.Sender.ExternalID != id || m.Sender.AvatarURL != "" || m.Sender.DisplayName != "Maria (Salesforce)" {
			t.Errorf("sent = %+v", m)
		}
	})
}
