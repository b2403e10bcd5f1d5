package web

import "testing"

// TestConsoleCSP: the console's frame-src lists exactly the well-formed
// origins given, once each, and is absent without any.
func TestConsoleCSP(t *testing.T) {
	for _, tt := range []struct {
		name    string
		origins []string
		want    string
	}{
		{"none", nil, pageCSP},
		{"one", []string{"https://crm.example.com"}, pageCSP + "; frame-src https://crm.example.com"},
		{"port and duplicate", []string{"http://127.0.0.1:9", "http://127.0.0.1:9", "https://[::1]:8443"},
			pageCSP + "; frame-src http://127.0.0.1:9 https://[::1]:8443"},
		{"malformed left out", []string{"https://crm.example.com/path", "javascript:alert(1)", "https://a.example; script-src *",
			"https://A.example", "*", "'self'", ""}, pageCSP},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := consoleCSP(tt.origins); got != tt.want {
				t.Errorf("consoleCSP(%q) = %q, want %q", tt.origins, got, tt.want)
			}
		})
	}
}
