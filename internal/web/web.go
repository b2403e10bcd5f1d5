// Package web serves Parley's pages: for now a landing page that says the
// server runs and where its API lives. The widget and the agent console will
// be embedded here from built files.
package web

import (
	_ "embed"
	"net/http"
)

//go:embed home.html
var homePage []byte

// Home serves the landing page.
func Home() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Write(homePage)
	})
}
