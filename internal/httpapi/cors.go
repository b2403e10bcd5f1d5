package httpapi

import (
	"net/http"
	"strings"
)

// crossOriginPrefixes are the paths that a visitor's page — the widget or
// a custom chat UI on the customer's own site — calls from another origin.
// Answering them with "Access-Control-Allow-Origin: *" and never with
// Allow-Credentials is safe: a browser then lets a page read the answers
// of requests made without cookies only, that is with a bearer token the
// page holds itself, and the origins allowed to use an inbox are checked
// per request (POST /visitor/sessions, and every request of a visitor
// token). An app's context panel, framed by the console on the app's own
// origin, reads its conversation and contact with a panel token (bearer)
// the same way. The rest of the API stays same-origin.
var crossOriginPrefixes = []string{
	"/api/v1/visitor/",
	"/api/v1/conversations",
	"/api/v1/contacts/", // an app's context panel reads its contact with a panel token
	"/api/v1/messages/",
	"/api/v1/attachments/",
}

// Preflight answers, for the cross-origin paths.
const (
	corsAllowMethods  = "GET, POST, PATCH, DELETE"
	corsAllowHeaders  = "Authorization, Content-Type, Content-Disposition, X-Request-ID"
	corsExposeHeaders = "Content-Disposition, Retry-After, X-Request-ID"
	corsMaxAge        = "600"
)

// allowCrossOrigin answers CORS preflight requests to the cross-origin
// paths and marks their responses readable by any origin, without
// credentials (Access-Control-Allow-Origin: *, never
// Access-Control-Allow-Credentials).
func allowCrossOrigin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Origin") == "" || !crossOrigin(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
		h := w.Header()
		h.Set("Access-Control-Allow-Origin", "*")
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			h.Set("Access-Control-Allow-Methods", corsAllowMethods)
			h.Set("Access-Control-Allow-Headers", corsAllowHeaders)
			h.Set("Access-Control-Max-Age", corsMaxAge)
			w.WriteHeader(http.StatusNoContent)
			return
		}
		h.Set("Access-Control-Expose-Headers", corsExposeHeaders)
		next.ServeHTTP(w, r)
	})
}

func crossOrigin(path string) bool {
	for _, p := range crossOriginPrefixes {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}
