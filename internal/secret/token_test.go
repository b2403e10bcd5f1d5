package secret

import (
	"bytes"
	"encoding/base64"
	"strings"
	"testing"
)

func TestNewToken(t *testing.T) {
	tok := NewToken("prly_")
	rest, ok := strings.CutPrefix(tok, "prly_")
	if !ok {
		t.Fatalf("NewToken = %q, want prefix prly_", tok)
	}
	raw, err := base64.RawURLEncoding.DecodeString(rest)
	if err != nil || len(raw) != tokenBytes {
		t.Fatalf("NewToken body %q: %d bytes, err %v; want %d bytes of base64url", rest, len(raw), err, tokenBytes)
	}
	if NewToken("prly_") == tok {
		t.Error("two tokens are equal")
	}
}

func TestHashAndEqual(t *testing.T) {
	a, b := Hash("one"), Hash("two")
	if len(a) != 32 {
		t.Fatalf("Hash length = %d, want 32", len(a))
	}
	if !bytes.Equal(a, Hash("one")) {
		t.Error("Hash is not deterministic")
	}
	if !Equal(a, Hash("one")) || Equal(a, b) || Equal(a, a[:31]) || Equal(nil, a) {
		t.Error("Equal gave a wrong answer")
	}
}
