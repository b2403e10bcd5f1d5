package parley_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/parleychat/parley"
)

func TestCheckJSONText(t *testing.T) {
	tests := []struct {
		name, doc string
		fields    []string // the fields named, nil for none
	}{
		{"Good", `{"a":"héllo 🚀","b":["x",{"c":"\u00e9\ud83d\ude80"}],"n":1,"t":true,"z":null}`, nil},
		{"EscapedNUL", `{"name":"a\u0000"}`, []string{"name"}},
		{"RawNUL", "{\"name\":\"a\x00\"}", []string{"name"}},
		{"InvalidUTF8", "{\"a\":{\"b\":\"\xff\"}}", []string{"a.b"}},
		{"LoneHighSurrogate", `{"s":"\ud800x"}`, []string{"s"}},
		{"LoneLowSurrogate", `{"s":"\udc00"}`, []string{"s"}},
		{"SurrogateAtEnd", `{"s":"\ud800"}`, []string{"s"}},
		{"InArray", `{"items":["ok","\u0000"]}`, []string{"items[1]"}},
		{"BadKey", `{"attrs":{"k\u0000":1}}`, []string{"attrs"}},
		{"TopLevelString", `"\u0000"`, []string{""}},
		{"Several", `{"a":"\u0000","b":"\ud800"}`, []string{"a", "b"}},
		{"EscapedQuoteKey", `{"a\"b":"\u0000"}`, []string{`a"b`}},
		{"SyntaxErrorLeftToDecoder", `{"a":`, nil},
		{"UnclosedKey", `{"`, nil},
		{"UnclosedKeyAfterOne", `{"a":"b","c`, nil},
		{"UnclosedString", `["ab`, nil},
		{"UnclosedEscape", `["\u00`, nil},
		{"ArrayClosedByBrace", `{"a":{"b":[1,"x","\uFFFD"}}`, nil},
		{"ObjectValueMissing", `{"a":}`, nil},
		{"BadAfterSyntaxError", `{"a":[}],"b":"\u0000"}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := parley.CheckJSONText([]byte(tt.doc))
			var got []string
			if pe, ok := err.(*parley.Error); ok {
				for _, f := range pe.Fields {
					got = append(got, f.Field)
				}
			} else if err != nil {
				t.Fatalf("error %T %v, want *parley.Error", err, err)
			}
			if !slices.Equal(got, tt.fields) {
				t.Errorf("fields %q, want %q", got, tt.fields)
			}
			if err != nil && parley.ErrorCode(err) != parley.EINVALID {
				t.Errorf("code %s, want invalid", parley.ErrorCode(err))
			}
		})
	}
}

// FuzzCheckJSONText: a JSON document CheckJSONText passes decodes to
// strings that all follow the text rule, with no U+FFFD but those the
// document holds (so no invalid UTF-8 or lone surrogate was replaced). It
// never panics on any input.
func FuzzCheckJSONText(f *testing.F) {
	for _, seed := range []string{`{"a":"b"}`, `{"a":"\u0000"}`, "\"\xff\"", `["\ud800\udc00","\udc00"]`, `{"a":{"b":[1,"\u00e9","\uFFFD"]}}`, `[1E1000]`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		if parley.CheckJSONText(doc) != nil || !json.Valid(doc) {
			return
		}
		var v any
		dec := json.NewDecoder(bytes.NewReader(doc))
		dec.UseNumber() // 1E1000 is valid JSON but no float64
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("valid JSON did not decode: %v", err)
		}
		sent := strings.Count(string(doc), "\uFFFD") + strings.Count(strings.ToLower(string(doc)), `\ufffd`)
		decoded := 0
		var walk func(any)
		walk = func(v any) {
			switch x := v.(type) {
			case string:
				if !parley.ValidText(x) {
					t.Fatalf("%q passed the check but decodes to %q", doc, x)
				}
				decoded += strings.Count(x, "\uFFFD")
			case []any:
				for _, e := range x {
					walk(e)
				}
			case map[string]any:
				for k, e := range x {
					walk(k)
					walk(e)
				}
			}
		}
		walk(v)
		if decoded > sent {
			t.Fatalf("%q passed the check but decoding replaced %d characters with U+FFFD", doc, decoded-sent)
		}
	})
}
