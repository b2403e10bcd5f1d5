package web_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parleychat/parley/internal/browsertest"
	"github.com/parleychat/parley/internal/config"
)

// widgetBudget is the most a page may download, gzipped, for the widget
// before the visitor opens the chat (DESIGN.md §7).
const widgetBudget = 20 * 1024

// TestWidgetSizeBeforeOpen measures what a customer page loads for the
// widget before the chat is opened: widget.js, and anything it loads
// eagerly (nothing: the chat UI, assets/widget/chat-*.js, loads on open).
// docs/performance.md reports the figure.
func TestWidgetSizeBeforeOpen(t *testing.T) {
	loader, err := os.ReadFile(filepath.Join("dist", "widget.js"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(loader)
	zw.Close()
	t.Logf("widget.js: %d bytes, %d bytes gzipped (budget %d)", len(loader), buf.Len(), widgetBudget)
	if buf.Len() > widgetBudget {
		t.Errorf("widget.js is %d bytes gzipped, over the %d-byte budget", buf.Len(), widgetBudget)
	}
	// The loader fetches nothing else from /assets up front but the chat UI,
	// and only from its open() path.
	if n := len(regexp.MustCompile(`assets/`).FindAll(loader, -1)); n != 1 {
		t.Errorf("widget.js names %d assets, want only the lazily loaded chat UI", n)
	}
}

// The assets are served with the headers that make them cacheable and safe.
func TestAssetHeaders(t *testing.T) {
	srv := browsertest.StartServer(t)
	get := func(path string, hdr map[string]string) *http.Response {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		for k, v := range hdr {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { resp.Body.Close() })
		return resp
	}

	w := get("/widget.js", map[string]string{"Accept-Encoding": "gzip"})
	if w.StatusCode != 200 || w.Header.Get("Cache-Control") != "public, max-age=300" || w.Header.Get("ETag") == "" ||
		w.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(w.Header.Get("Content-Type"), "javascript") ||
		w.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("/widget.js: %d %v", w.StatusCode, w.Header)
	}
	if r := get("/widget.js", map[string]string{"If-None-Match": w.Header.Get("ETag")}); r.StatusCode != http.StatusNotModified {
		t.Errorf("/widget.js with its ETag: %d, want 304", r.StatusCode)
	}
	body, _ := io.ReadAll(get("/widget.js", nil).Body)
	chat := regexp.MustCompile(`assets/widget/chat-[A-Z0-9]+\.js`).Find(body)
	if chat == nil {
		t.Fatalf("widget.js does not name the chat UI")
	}
	a := get("/"+string(chat), nil)
	if a.StatusCode != 200 || a.Header.Get("Cache-Control") != "public, max-age=31536000, immutable" {
		t.Errorf("/%s: %d %v", chat, a.StatusCode, a.Header)
	}
	for _, path := range []string{"/assets/nope.js", "/assets/manifest.json", "/assets/"} {
		if r := get(path, nil); r.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, r.StatusCode)
		}
	}
	for _, path := range []string{"/", "/console", "/console/conversations/x"} {
		r := get(path, nil)
		csp := r.Header.Get("Content-Security-Policy")
		if r.StatusCode != 200 || !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") ||
			!strings.Contains(csp, "frame-ancestors 'none'") || r.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: %d, CSP %q", path, r.StatusCode, csp)
		}
	}
	page, _ := io.ReadAll(get("/", nil).Body)
	if !strings.Contains(string(page), `src="/widget.js" data-inbox="`+srv.DemoInboxID(t)+`"`) {
		t.Errorf("the demo page does not embed the widget of the demo inbox:\n%s", page)
	}
	if bytes.Contains(page, []byte("<script>")) {
		t.Error("the demo page has an inline script")
	}
}

// The SDK is served at a stable URL with CORS, so that pages of other
// origins import it as an ES module, with its TypeScript types beside it;
// the example built on it is served in demo mode only.
func TestSDKServed(t *testing.T) {
	srv := browsertest.StartServer(t)
	for _, name := range []string{"parley-client.js", "parley-client.d.ts"} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/sdk/"+name, nil)
		req.Header.Set("Origin", "https://shop.example")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Access-Control-Allow-Origin") != "*" ||
			resp.Header.Get("Cache-Control") != "public, max-age=300" || !strings.Contains(string(body), "ParleyClient") {
			t.Errorf("/sdk/%s: %d %v", name, resp.StatusCode, resp.Header)
		}
	}
	for path, want := range map[string]int{"/sdk/nothing.js": 404, "/examples/custom-chat/": 200, "/examples/custom-chat/chat.js": 200} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET %s: %d, want %d", path, resp.StatusCode, want)
		}
	}
	off := browsertest.StartServer(t, func(c *config.Config) { c.Demo = "false" })
	resp, err := http.Get(off.URL + "/examples/custom-chat/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("the example without demo mode: %d, want 404", resp.StatusCode)
	}
}
