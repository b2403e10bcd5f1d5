package stdwebhook_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/parleychat/parley/internal/stdwebhook"
)

// The specification's fixed test vector (also in its libraries' tests).
const (
	vectorSecret    = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	vectorID        = "msg_p5jXN8AQM9LWM0D4loKWxJek"
	vectorUnix      = 1614265330
	vectorBody      = `{"test": 2432232314}`
	vectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
)

func TestSignFixedVector(t *testing.T) {
	key, err := stdwebhook.ParseSecret(vectorSecret)
	if err != nil {
		t.Fatal(err)
	}
	got := stdwebhook.Sign(key, vectorID, time.Unix(vectorUnix, 0), []byte(vectorBody))
	if got != vectorSignature {
		t.Fatalf("Sign = %q, want %q", got, vectorSignature)
	}
	h := http.Header{}
	stdwebhook.SetHeaders(h, [][]byte{key}, vectorID, time.Unix(vectorUnix, 0), []byte(vectorBody))
	if err := stdwebhook.Verify(key, h, []byte(vectorBody), time.Unix(vectorUnix+10, 0), stdwebhook.DefaultTolerance); err != nil {
		t.Fatal(err)
	}
}

// The specification's own library accepts what we sign, with every key of
// a rotation, and refuses a tampered body, a wrong key and an old timestamp.
func TestVerifiedByTheSpecificationsLibrary(t *testing.T) {
	oldSecret, newSecret := stdwebhook.NewSecret(), stdwebhook.NewSecret()
	oldKey, _ := stdwebhook.ParseSecret(oldSecret)
	newKey, _ := stdwebhook.ParseSecret(newSecret)
	body := []byte(`{"type":"ping","data":{}}`)
	h := http.Header{}
	stdwebhook.SetHeaders(h, [][]byte{oldKey, newKey}, "evt_1", time.Now(), body)
	if n := len(strings.Fields(h.Get("webhook-signature"))); n != 2 {
		t.Fatalf("%d signatures, want 2", n)
	}
	for _, s := range []string{oldSecret, newSecret} {
		wh, err := standardwebhooks.NewWebhook(s)
		if err != nil {
			t.Fatal(err)
		}
		if err := wh.Verify(body, h); err != nil {
			t.Errorf("verify with %s: %v", s[:10], err)
		}
		if err := wh.Verify([]byte(`{"type":"ping","data":{"x":1}}`), h); err == nil {
			t.Error("tampered body verified")
		}
	}
	other, _ := standardwebhooks.NewWebhook(stdwebhook.NewSecret())
	if err := other.Verify(body, h); err == nil {
		t.Error("verified with a key that did not sign")
	}

	old := http.Header{}
	stdwebhook.SetHeaders(old, [][]byte{newKey}, "evt_1", time.Now().Add(-10*time.Minute), body)
	wh, _ := standardwebhooks.NewWebhook(newSecret)
	if err := wh.Verify(body, old); !errors.Is(err, standardwebhooks.ErrMessageTooOld) {
		t.Errorf("old timestamp: %v, want ErrMessageTooOld", err)
	}
}

func TestVerify(t *testing.T) {
	key, _ := stdwebhook.ParseSecret(vectorSecret)
	now := time.Unix(vectorUnix, 0)
	body := []byte(vectorBody)
	good := func() http.Header {
		h := http.Header{}
		stdwebhook.SetHeaders(h, [][]byte{key}, vectorID, now, body)
		return h
	}
	for _, tc := range []struct {
		name string
		edit func(http.Header)
		body string
		now  time.Time
		want error
	}{
		{"OK", func(http.Header) {}, vectorBody, now, nil},
		{"OKAmongOthers", func(h http.Header) { h.Set("webhook-signature", "v2,abc v1,AAAA "+h.Get("webhook-signature")) }, vectorBody, now, nil},
		{"Tampered", func(http.Header) {}, `{"test": 2432232315}`, now, stdwebhook.ErrNoMatch},
		{"OtherID", func(h http.Header) { h.Set("webhook-id", "msg_other") }, vectorBody, now, stdwebhook.ErrNoMatch},
		{"TooOld", func(http.Header) {}, vectorBody, now.Add(6 * time.Minute), stdwebhook.ErrTimestampTooOld},
		{"TooNew", func(http.Header) {}, vectorBody, now.Add(-6 * time.Minute), stdwebhook.ErrTimestampTooNew},
		{"NoSignature", func(h http.Header) { h.Del("webhook-signature") }, vectorBody, now, stdwebhook.ErrMissingHeaders},
		{"BadTimestamp", func(h http.Header) { h.Set("webhook-timestamp", "12a") }, vectorBody, now, stdwebhook.ErrBadTimestamp},
		{"Garbage", func(h http.Header) { h.Set("webhook-signature", "v1,\x00\xff v1 ,,,") }, vectorBody, now, stdwebhook.ErrNoMatch},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := good()
			tc.edit(h)
			err := stdwebhook.Verify(key, h, []byte(tc.body), tc.now, stdwebhook.DefaultTolerance)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Verify = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestParseSecret(t *testing.T) {
	s := stdwebhook.NewSecret()
	key, err := stdwebhook.ParseSecret(s)
	if err != nil || len(key) != stdwebhook.NewSecretBytes || stdwebhook.FormatSecret(key) != s {
		t.Fatalf("round trip of %q: %x, %v", s, key, err)
	}
	for _, bad := range []string{
		"", "whsec_", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_!!!!", "whsec_AAAA",
		"whsec_" + strings.Repeat("A", 200), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\x00",
	} {
		if _, err := stdwebhook.ParseSecret(bad); !errors.Is(err, stdwebhook.ErrBadSecret) {
			t.Errorf("ParseSecret(%q) = %v, want ErrBadSecret", bad, err)
		}
	}
}

func FuzzVerify(f *testing.F) {
	f.Add("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "1614265330", vectorBody)
	key, _ := stdwebhook.ParseSecret(vectorSecret)
	f.Fuzz(func(t *testing.T, sig, ts, body string) {
		h := http.Header{}
		h.Set("webhook-id", vectorID)
		h.Set("webhook-timestamp", ts)
		h.Set("webhook-signature", sig)
		_ = stdwebhook.Verify(key, h, []byte(body), time.Unix(vectorUnix, 0), stdwebhook.DefaultTolerance)
	})
}
