package enrich

import (
	"math"
	"net/url"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestParseAnswer(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		kinds    []string
	}{
		{"Empty", ``, []string{}},
		{"EmptyArray", `[]`, []string{}},
		{"ChimpAssistContactInfo", `[{"label":"name","value":"John User"},{"label":"phone1","value":"+1 222 999 999 999"}]`, []string{KindText, KindText}},
		{"NumberBoolNull", `[{"label":"a","value":7},{"label":"b","value":true},{"label":"c","value":null},{"label":"d"}]`, []string{KindText, KindText, KindText, KindText}},
		{"MultilineText", `[{"label":"note","value":"line 1\nline 2\ttabbed"}]`, []string{KindText}},
		{"Links", `[{"label":"t","value":[{"url":"https://a.example/1","label":"one"},{"url":"http://a.example/2"}]}]`, []string{KindLinks}},
		{"EmptyList", `[{"label":"t","value":[]}]`, []string{KindLinks}},
		{"Series", `[{"label":"s","value":[{"x":"15/12/2018-10:00:00","y":3},{"x":2,"y":-1.5}]}]`, []string{KindSeries}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseAnswer([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			kinds := []string{}
			for _, e := range got {
				kinds = append(kinds, e.Kind)
			}
			if strings.Join(kinds, ",") != strings.Join(tc.kinds, ",") {
				t.Errorf("kinds = %v, want %v", kinds, tc.kinds)
			}
		})
	}
	// A lone surrogate escape decodes to U+FFFD: valid text.
	got, _ := parseAnswer([]byte(`[{"label":"t","value":[{"url":"HTTPS://a.example/x"}]},{"label":"n","value":1e3},{"label":"s","value":"\ud800"}]`))
	if got[0].Links[0].URL != "https://a.example/x" || got[0].Links[0].Label != "https://a.example/x" || got[1].Text != "1e3" || got[2].Text != "\ufffd" {
		t.Errorf("got %+v", got)
	}
}

func TestParseAnswerRefuses(t *testing.T) {
	for name, in := range map[string]string{
		"NotJSON":      `<html>`,
		"Object":       `{"label":"x","value":"y"}`,
		"Trailing":     `[] []`,
		"NoLabel":      `[{"value":"y"}]`,
		"BlankLabel":   `[{"label":"  ","value":"y"}]`,
		"LabelNumber":  `[{"label":1,"value":"y"}]`,
		"NUL":          `[{"label":"x","value":"a\u0000"}]`,
		"BadUTF8":      "[{\"label\":\"x\",\"value\":\"\xc3\x28\"}]",
		"BellInLabel":  `[{"label":"a\u0007","value":"y"}]`,
		"EscInText":    `[{"label":"x","value":"\u001b[31m"}]`,
		"NewlineLabel": `[{"label":"a\nb","value":"y"}]`,
		"ValueObject":  `[{"label":"x","value":{"a":1}}]`,
		"Strings":      `[{"label":"x","value":["a"]}]`,
		"Javascript":   `[{"label":"x","value":[{"url":"javascript:alert(1)"}]}]`,
		"JavascriptUC": `[{"label":"x","value":[{"url":"JavaScript:alert(1)"}]}]`,
		"Data":         `[{"label":"x","value":[{"url":"data:text/html,x"}]}]`,
		"Relative":     `[{"label":"x","value":[{"url":"//evil.example/x"}]}]`,
		"Credentials":  `[{"label":"x","value":[{"url":"https://u:p@a.example/"}]}]`,
		"SpaceURL":     `[{"label":"x","value":[{"url":" https://a.example/"}]}]`,
		"URLNotText":   `[{"label":"x","value":[{"url":1}]}]`,
		"MixedList":    `[{"label":"x","value":[{"url":"https://a.example"},{"x":"1","y":2}]}]`,
		"YString":      `[{"label":"x","value":[{"x":"1","y":"2"}]}]`,
		"NoY":          `[{"label":"x","value":[{"x":"1"}]}]`,
		"XObject":      `[{"label":"x","value":[{"x":{},"y":1}]}]`,
		"EmptyX":       `[{"label":"x","value":[{"x":"","y":1}]}]`,
		"HugeY":        `[{"label":"x","value":[{"x":"1","y":1e400}]}]`,
		"LongText":     `[{"label":"x","value":"` + strings.Repeat("a", MaxTextBytes+1) + `"}]`,
		"LongX":        `[{"label":"x","value":[{"x":"` + strings.Repeat("a", MaxXBytes+1) + `","y":1}]}]`,
		"LongURL":      `[{"label":"x","value":[{"url":"https://a.example/` + strings.Repeat("a", MaxURLBytes) + `"}]}]`,
		"ManyLinks":    `[{"label":"x","value":[` + strings.Repeat(`{"url":"https://a.example"},`, MaxLinks) + `{"url":"https://a.example"}]}]`,
	} {
		t.Run(name, func(t *testing.T) {
			got, err := parseAnswer([]byte(in))
			if err == nil {
				t.Fatalf("accepted: %+v", got)
			}
			if !utf8.ValidString(err.Error()) || len(err.Error()) > 300 {
				t.Errorf("error %q is not short valid text", err)
			}
		})
	}
}

// FuzzParseAnswer: whatever an endpoint answers, parseAnswer never panics
// and what it accepts follows the rules the console relies on.
func FuzzParseAnswer(f *testing.F) {
	for _, s := range []string{
		`[{"label":"name","value":"John User"}]`,
		`[{"label":"t","value":[{"url":"https://a.example/1","label":"one"}]}]`,
		`[{"label":"s","value":[{"x":"a","y":3},{"x":2,"y":-1.5}]}]`,
		`[{"label":"x","value":[{"url":"javascript:alert(1)"}]}]`,
		`[{"label":"x","value":"\u0000"}]`, `[]`, `{}`, `null`, `[null]`, `[1]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := parseAnswer(data)
		if err != nil {
			return
		}
		if len(entries) > MaxEntries {
			t.Fatalf("%d entries", len(entries))
		}
		line := func(s string, max int) {
			if len(s) > max || !utf8.ValidString(s) || strings.IndexFunc(s, unicode.IsControl) >= 0 {
				t.Fatalf("accepted %q", s)
			}
		}
		for _, e := range entries {
			line(e.Label, MaxLabelBytes)
			if len(e.Text) > MaxTextBytes || !utf8.ValidString(e.Text) || strings.IndexByte(e.Text, 0) >= 0 {
				t.Fatalf("accepted text %q", e.Text)
			}
			if len(e.Links) > MaxLinks || len(e.Points) > MaxPoints {
				t.Fatalf("accepted %d links, %d points", len(e.Links), len(e.Points))
			}
			for _, l := range e.Links {
				line(l.Label, MaxURLBytes)
				u, err := url.Parse(l.URL)
				if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
					t.Fatalf("accepted link %q", l.URL)
				}
			}
			for _, p := range e.Points {
				line(p.X, MaxXBytes)
				if math.IsNaN(p.Y) || math.IsInf(p.Y, 0) {
					t.Fatalf("accepted y %v", p.Y)
				}
			}
		}
	})
}
