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
