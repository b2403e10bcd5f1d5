package parley_test

import (
	"testing"

	"github.com/parleychat/parley"
)

func TestOriginAllowed(t *testing.T) {
	shop := []string{"https://shop.example", "http://localhost:8080"}
	tests := []struct {
		origin  string
		allowed []string
		want    bool
	}{
		{"", nil, true}, // not a browser page
		{"https://shop.example", shop, true},
		{"HTTPS://SHOP.example:443", shop, true},
		{"https://shop.example/", shop, true},
		{"http://localhost:8080", shop, true},
		{"http://localhost", shop, false},
		{"http://shop.example", shop, false},
		{"https://shop.example.evil", shop, false},
		{"https://evil.example", shop, false},
		{"null", shop, false},
		{"https://shop.example/path", shop, false},
		{"https://anything.example", []string{"*"}, true},
		{"null", []string{"*"}, true},
		{"https://shop.example", nil, false},
	}
	for _, tt := range tests {
		if got := parley.OriginAllowed(tt.origin, tt.allowed); got != tt.want {
			t.Errorf("OriginAllowed(%q, %q) = %v, want %v", tt.origin, tt.allowed, got, tt.want)
		}
	}
}

func TestNormalizeOrigin(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"https://Example.COM":      "https://example.com",
		"https://example.com:443":  "https://example.com",
		"http://example.com:80":    "http://example.com",
		"http://example.com:8080":  "http://example.com:8080",
		"https://example.com/":     "https://example.com",
		"https://example.com/path": "",
		"null":                     "",
		"ftp://example.com":        "",
		"":                         "",
	} {
		if got := parley.NormalizeOrigin(in); got != want {
			t.Errorf("parley.NormalizeOrigin(%q) = %q, want %q", in, got, want)
		}
	}
}
