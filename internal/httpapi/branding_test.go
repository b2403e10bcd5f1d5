package httpapi_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"strings"
	"testing"

	"github.com/parleychat/parley"
)

// pngImage returns a w×h PNG.
func pngImage(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		img.Set(x, 0, color.RGBA{R: 200, A: 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// putImage PUTs raw bytes with a claimed content type.
func (ts *testServer) putImage(t *testing.T, path string, c creds, contentType string, data []byte) *result {
	t.Helper()
	req, err := http.NewRequest("PUT", ts.URL+path, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	c.apply(req)
	return ts.send(t, req)
}

type brandingBody struct {
	ProductName string `json:"product_name"`
	SignInTitle string `json:"sign_in_title"`
	Color       string `json:"color"`
	LogoURL     string `json:"logo_url"`
	AvatarURL   string `json:"avatar_url"`
}

func TestBranding(t *testing.T) {
	ts := newServer(t)
	admin := ts.login(t, "admin@example.com", adminPassword)
	ts.agent(t, "bob@example.com", parley.RoleAgent)
	bob := ts.login(t, "bob@example.com", "password-bob@example.com")

	var b brandingBody
	ts.do(t, "PATCH", "/api/v1/branding", admin, map[string]any{
		"product_name": "Acme Help", "sign_in_title": "Acme agents, sign in", "color": "#0a7c59",
	}).want(t, 200).decode(t, &b)
	if b.ProductName != "Acme Help" || b.SignInTitle != "Acme agents, sign in" || b.Color != "#0a7c59" || b.LogoURL != "" {
		t.Errorf("branding = %+v", b)
	}
	ts.do(t, "PATCH", "/api/v1/branding", bob, map[string]any{"product_name": "Bob's"}).problem(t, 403, "forbidden")
	ts.do(t, "GET", "/api/v1/branding", bob, nil).want(t, 200)

	logo := pngImage(t, 64, 32)
	// The type is read from the bytes, not from what the upload claims.
	ts.putImage(t, "/api/v1/branding/logo", admin, "image/gif", logo).want(t, 200).decode(t, &b)
	if !strings.HasPrefix(b.LogoURL, "/branding/"+ts.ws.ID+"/logo?v=") {
		t.Fatalf("logo_url = %q", b.LogoURL)
	}
	r := ts.do(t, "GET", b.LogoURL, nil, nil).want(t, 200)
	if !bytes.Equal(r.body, logo) || r.header.Get("Content-Type") != "image/png" || r.header.Get("X-Content-Type-Options") != "nosniff" ||
		!strings.Contains(r.header.Get("Content-Security-Policy"), "sandbox") {
		t.Errorf("served logo: %d bytes, headers %v", len(r.body), r.header)
	}
	// The sign-in page sees it without credentials.
	var opts struct {
		Branding brandingBody `json:"branding"`
	}
	ts.do(t, "GET", "/api/v1/auth/options", nil, nil).want(t, 200).decode(t, &opts)
	if opts.Branding.LogoURL != b.LogoURL || opts.Branding.ProductName != "Acme Help" {
		t.Errorf("options branding = %+v", opts.Branding)
	}

	bad := []struct {
		name string
		data []byte
	}{
		{"Text", []byte("this is not an image, whatever the name says")},
		{"SVG", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)},
		{"HTML", []byte("<!doctype html><script>alert(1)</script>")},
		{"Empty", []byte{}},
		{"TruncatedPNG", logo[:40]},
		{"TooLarge", append(pngImage(t, 8, 8), make([]byte, 300<<10)...)},
		{"HugeDimensions", pngImage(t, 3000, 1)},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			p := ts.putImage(t, "/api/v1/branding/avatar", admin, "image/png", tt.data).problem(t, 422, "invalid")
			if strings.Join(p.locations(), ",") != "body.file" {
				t.Errorf("locations = %v", p.locations())
			}
		})
	}
	ts.putImage(t, "/api/v1/branding/banner", admin, "image/png", logo).problem(t, 422, "invalid")
	ts.putImage(t, "/api/v1/branding/avatar", bob, "image/png", logo).problem(t, 403, "forbidden")
	ts.do(t, "DELETE", "/api/v1/branding/avatar", admin, nil).want(t, 200)
	ts.do(t, "GET", "/branding/"+ts.ws.ID+"/avatar", nil, nil).problem(t, 404, "not_found")
	ts.do(t, "GET", "/branding/not-a-workspace/logo", nil, nil).problem(t, 404, "not_found")

	for _, tt := range []struct {
		name string
		body map[string]any
		loc  string
	}{
		{"Color", map[string]any{"color": "red"}, "body.color"},
		{"NULInName", map[string]any{"product_name": "Ac\x00me"}, "body.product_name"},
		{"LongTitle", map[string]any{"sign_in_title": strings.Repeat("x", 121)}, "body.sign_in_title"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := ts.do(t, "PATCH", "/api/v1/branding", admin, tt.body).problem(t, 422, "invalid")
			if strings.Join(p.locations(), ",") != tt.loc {
				t.Errorf("locations = %v, want %s", p.locations(), tt.loc)
			}
		})
	}

	ts.do(t, "DELETE", "/api/v1/branding/logo", admin, nil).want(t, 200).decode(t, &b)
	if b.LogoURL != "" {
		t.Errorf("after delete: %+v", b)
	}
	if strings.Contains(ts.logs.String(), "level=ERROR") {
		t.Errorf("bad input logged errors:\n%s", ts.logs)
	}
}

// TestWidgetBranding: the widget's settings take the workspace's colour
// when the inbox sets none, and carry the default agent picture.
func TestWidgetBranding(t *testing.T) {
	ts := newServer(t)
	admin := ts.token(t, ts.ws.ID, parley.ScopeAll)
	var plain, colored struct{ ID string }
	ts.do(t, "POST", "/api/v1/inboxes", admin, map[string]any{"name": "Plain"}).want(t, 201).decode(t, &plain)
	ts.do(t, "POST", "/api/v1/inboxes", admin, map[string]any{"name": "Colored", "widget": map[string]any{"color": "#112233"}}).want(t, 201).decode(t, &colored)
	ts.do(t, "PATCH", "/api/v1/branding", admin, map[string]any{"color": "#0a7c59"}).want(t, 200)
	ts.putImage(t, "/api/v1/branding/avatar", admin, "image/png", pngImage(t, 16, 16)).want(t, 200)

	type view struct {
		Widget struct {
			Color string `json:"color"`
		} `json:"widget"`
		Branding struct {
			AgentAvatarURL string `json:"agent_avatar_url"`
		} `json:"branding"`
	}
	for _, tt := range []struct{ inbox, color string }{{plain.ID, "#0a7c59"}, {colored.ID, "#112233"}} {
		var v view
		ts.do(t, "GET", "/api/v1/visitor/inbox?inbox_id="+tt.inbox, nil, nil).want(t, 200).decode(t, &v)
		if v.Widget.Color != tt.color || !strings.HasPrefix(v.Branding.AgentAvatarURL, ts.URL+"/branding/"+ts.ws.ID+"/avatar?v=") {
			t.Errorf("inbox %s: %+v, want colour %s and an absolute avatar URL", tt.inbox, v, tt.color)
		}
		ts.do(t, "GET", strings.TrimPrefix(v.Branding.AgentAvatarURL, ts.URL), nil, nil).want(t, 200)
	}
}
