package web

import (
	"encoding/json"
	"net/http"
)

// serveDemoToken answers POST /demo/visitor-token with a visitor JWT for
// the demo user, signed with the demo inbox's secret — in demo mode only;
// otherwise it is 404. It stands in for a customer's back-end, so that the
// demo page shows identity ("log in as a demo user") as a real site does. The request must come from this server's own pages
// (same origin), so that other sites cannot collect demo tokens through a
// visitor's browser.
func (s *Site) serveDemoToken(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Demo == nil {
		http.NotFound(w, r)
		return
	}
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" {
		http.Error(w, "Cross-origin requests are not allowed.", http.StatusForbidden)
		return
	}
	tok, err := s.cfg.Demo.VisitorToken(r.Context())
	if err != nil {
		s.cfg.Logger.ErrorContext(r.Context(), "demo visitor token", "err", err)
		http.Error(w, "Internal error.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(tok)
}
