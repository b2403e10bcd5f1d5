// Package web serves Parley's browser-facing files, built from web/ by
// web/build.sh into dist/ and embedded in the binary: the website widget
// (/widget.js and the chat UI it loads on open), the demo page at /, the
// agent console at /console, and their hashed assets under /assets/.
//
// Hashed assets never change under their name and are cached for a year;
// /widget.js keeps a stable URL (customer sites embed it), so it is served
// with an ETag and a short max-age. Every HTML page carries a
// Content-Security-Policy that allows scripts and styles from this origin
// only (no inline script).
package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"
)

// Config holds what the pages need.
type Config struct {
	Logger *slog.Logger // default slog.Default()
	// Demo turns on demo mode when non-nil: the demo page at / embeds the
	// widget of the demo inbox, and POST /demo/visitor-token answers.
	// When nil, / is a plain landing page and /demo/* is 404.
	Demo *Demo
	// FrameOrigins, when set, returns the origins the console page of
	// request r may frame (the context panels of the apps of the signed-in
	// agent's workspace): its Content-Security-Policy's frame-src. None
	// when nil or empty: the console frames nothing.
	FrameOrigins func(r *http.Request) []string
}

// Demo is what demo mode needs from the rest of the server.
type Demo struct {
	// InboxID returns the demo inbox, "" while it is not set up yet.
	InboxID func() string
	// VisitorToken signs a visitor JWT for the demo user in the demo inbox,
	// as a customer's back-end would; the demo page hands it to
	// Parley.identify.
	VisitorToken func(ctx context.Context) (DemoToken, error)
}

// DemoToken is the answer of POST /demo/visitor-token.
type DemoToken struct {
	Token      string    `json:"token"`
	ExternalID string    `json:"external_id"`
	Name       string    `json:"name"`
	ExpiresAt  time.Time `json:"expires_at"`
}

// Site serves the pages and assets.
type Site struct {
	cfg    Config
	assets *assets
	pages  *pages
}

// New loads the embedded build. It fails only if the build is corrupt.
func New(cfg Config) (*Site, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	a, err := loadAssets(dist)
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	p, err := loadPages(dist, a)
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	return &Site{cfg: cfg, assets: a, pages: p}, nil
}

// Home serves GET / exactly: the demo page in demo mode, else a landing page.
func (s *Site) Home() http.Handler { return http.HandlerFunc(s.serveHome) }

// Routes returns the site's other handlers by ServeMux pattern.
func (s *Site) Routes() map[string]http.Handler {
	return map[string]http.Handler{
		"GET /widget.js":                      http.HandlerFunc(s.serveWidget),
		"GET /assets/{path...}":               http.HandlerFunc(s.serveAsset),
		"GET /sdk/{name}":                     http.HandlerFunc(s.serveSDK),
		"GET /examples/custom-chat/{name...}": http.HandlerFunc(s.serveExample),
		"GET /console":                        http.HandlerFunc(s.serveConsole),
		"GET /console/{path...}":              http.HandlerFunc(s.serveConsole),
		"POST /demo/visitor-token":            http.HandlerFunc(s.serveDemoToken),
	}
}

// Asset returns the URL path (/assets/…) of a built file by its source
// name ("console/main.js", "widget/chat.js"), and whether it exists.
func (s *Site) Asset(name string) (string, bool) {
	p, ok := s.assets.manifest[name]
	if !ok {
		return "", false
	}
	return "/" + p, true
}
