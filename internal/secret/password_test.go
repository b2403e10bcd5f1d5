package secret

import (
	"errors"
	"strings"
	"testing"
)

func TestHashPassword(t *testing.T) {
	hash := HashPassword("correct horse battery")
	if !strings.HasPrefix(hash, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("HashPassword = %q, want argon2id PHC string with default parameters", hash)
	}
	h, err := parsePHC(hash)
	if err != nil {
		t.Fatalf("parsePHC(HashPassword) = %v", err)
	}
	if len(h.salt) != saltLength || len(h.key) != keyLength {
		t.Errorf("salt %d bytes, key %d bytes; want %d and %d", len(h.salt), len(h.key), saltLength, keyLength)
	}
	if again := HashPassword("correct horse battery"); again == hash {
		t.Error("two hashes of one password are equal; the salt is not random")
	}
}

func TestVerifyPassword(t *testing.T) {
	hash := HashPassword("correct horse battery")
	tests := []struct {
		name     string
		hash     string
		password string
		want     bool
	}{
		{"OK", hash, "correct horse battery", true},
		{"WrongPassword", hash, "correct horse battery!", false},
		{"EmptyPassword", hash, "", false},
		{"TamperedSalt", tamper(t, hash, 4), "correct horse battery", false},
		{"TamperedKey", tamper(t, hash, 5), "correct horse battery", false},
		// Parameters are read from the hash: a hash made with other
		// parameters still verifies.
		{"OtherParameters", phcWith(t, "correct horse battery", 64, 1, 2), "correct horse battery", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := VerifyPassword(tt.hash, tt.password)
			if err != nil {
				t.Fatalf("VerifyPassword: %v", err)
			}
			if got != tt.want {
				t.Errorf("VerifyPassword = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestVerifyPasswordMalformed(t *testing.T) {
	good := HashPassword("pw")
	parts := strings.Split(good, "$")
	salt, key := parts[4], parts[5]
	for name, hash := range map[string]string{
		"Empty":            "",
		"Dollars":          "$$$$$",
		"Bcrypt":           "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
		"Argon2i":          "$argon2i$v=19$m=19456,t=2,p=1$" + salt + "$" + key,
		"OldVersion":       "$argon2id$v=16$m=19456,t=2,p=1$" + salt + "$" + key,
		"MissingKey":       "$argon2id$v=19$m=19456,t=2,p=1$" + salt,
		"ExtraPart":        good + "$",
		"ParamOrder":       "$argon2id$v=19$t=2,m=19456,p=1$" + salt + "$" + key,
		"ZeroTime":         "$argon2id$v=19$m=19456,t=0,p=1$" + salt + "$" + key,
		"ZeroThreads":      "$argon2id$v=19$m=19456,t=2,p=0$" + salt + "$" + key,
		"HugeMemory":       "$argon2id$v=19$m=4294967295,t=2,p=1$" + salt + "$" + key,
		"MemoryBelowLanes": "$argon2id$v=19$m=7,t=2,p=1$" + salt + "$" + key,
		"TooManyThreads":   "$argon2id$v=19$m=19456,t=2,p=256$" + salt + "$" + key,
		"LeadingZero":      "$argon2id$v=19$m=019456,t=2,p=1$" + salt + "$" + key,
		"Sign":             "$argon2id$v=19$m=+19456,t=2,p=1$" + salt + "$" + key,
		"NotANumber":       "$argon2id$v=19$m=lots,t=2,p=1$" + salt + "$" + key,
		"SaltNotBase64":    "$argon2id$v=19$m=19456,t=2,p=1$!!!!$" + key,
		"SaltPadded":       "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "==$" + key,
		"ShortSalt":        "$argon2id$v=19$m=19456,t=2,p=1$AAAA$" + key,
		"ShortKey":         "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$AAAA",
	} {
		t.Run(name, func(t *testing.T) {
			ok, err := VerifyPassword(hash, "pw")
			if !errors.Is(err, ErrMalformedHash) || ok {
				t.Errorf("VerifyPassword(%q) = %v, %v; want false, ErrMalformedHash", hash, ok, err)
			}
		})
	}
}

// FuzzParsePHC checks that the parser never panics, that whatever it
// accepts is within bounds, and that it accepts only the canonical spelling.
func FuzzParsePHC(f *testing.F) {
	f.Add(HashPassword("pw"))
	f.Add("$argon2id$v=19$m=64,t=1,p=2$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5aw")
	f.Add("$argon2id$v=19$m=,t=,p=$$")
	f.Add("$argon2id$v=19$m=4294967296,t=2,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA")
	f.Fuzz(func(t *testing.T, s string) {
		h, err := parsePHC(s)
		if err != nil {
			return
		}
		if h.memory > maxMemory || h.time < 1 || h.time > maxTime || h.threads < 1 || h.memory < 8*uint32(h.threads) {
			t.Fatalf("parsePHC(%q) accepted out-of-bounds parameters %+v", s, h)
		}
		if len(h.salt) < minSaltBytes || len(h.key) < minKeyBytes {
			t.Fatalf("parsePHC(%q) accepted a short salt or key", s)
		}
		if got := h.String(); got != s {
			t.Fatalf("parsePHC(%q) round-trips to %q", s, got)
		}
	})
}

// tamper flips one character of the given $-separated part of hash.
func tamper(t *testing.T, hash string, part int) string {
	t.Helper()
	parts := strings.Split(hash, "$")
	b := []byte(parts[part])
	if b[0] == 'A' {
		b[0] = 'B'
	} else {
		b[0] = 'A'
	}
	parts[part] = string(b)
	return strings.Join(parts, "$")
}

// phcWith hashes password with the given argon2id parameters.
func phcWith(t *testing.T, password string, memory, time uint32, threads uint8) string {
	t.Helper()
	h := phc{memory: memory, time: time, threads: threads, salt: []byte("0123456789abcdef")}
	h.key = h.derive(password, keyLength)
	return h.String()
}
