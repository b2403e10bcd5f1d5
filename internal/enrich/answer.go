package enrich

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleychat/parley"
)

// parseAnswer checks an endpoint's answer against the contract and returns
// its entries. The error names the first problem, for the agent and the
// endpoint's author, without quoting the answer.
func parseAnswer(data []byte) ([]Entry, error) {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return []Entry{}, nil
	}
	if !parley.ValidText(string(data)) {
		return nil, errors.New("it is not UTF-8 text without NUL bytes")
	}
	var raw []struct {
		Label json.RawMessage `json:"label"`
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, errors.New(`it must be a JSON array of {"label", "value"} objects`)
	}
	if len(raw) > MaxEntries {
		return nil, fmt.Errorf("it has more than %d entries", MaxEntries)
	}
	entries := make([]Entry, 0, len(raw))
	for i, r := range raw {
		at := fmt.Sprintf("entry %d", i+1)
		var label string
		if err := json.Unmarshal(r.Label, &label); err != nil || strings.TrimSpace(label) == "" {
			return nil, fmt.Errorf("%s has no label text", at)
		}
		if err := checkLine(label, MaxLabelBytes); err != nil {
			return nil, fmt.Errorf("%s: label %w", at, err)
		}
		e, err := parseValue(r.Value)
		if err != nil {
			return nil, fmt.Errorf("%s (%q): %w", at, clip(label), err)
		}
		e.Label = label
		entries = append(entries, e)
	}
	return entries, nil
}

// parseValue reads a text (a string, number or boolean), a list of links
// or a series.
func parseValue(v json.RawMessage) (Entry, error) {
	v = bytes.TrimSpace(v)
	if len(v) == 0 || string(v) == "null" {
		return Entry{Kind: KindText}, nil
	}
	switch v[0] {
	case '"':
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return Entry{}, errors.New("value is not a valid string")
		}
		if err := checkText(s, MaxTextBytes); err != nil {
			return Entry{}, fmt.Errorf("value %w", err)
		}
		return Entry{Kind: KindText, Text: s}, nil
	case 't', 'f':
		return Entry{Kind: KindText, Text: string(v)}, nil
	case '[':
		var items []map[string]json.RawMessage
		if err := json.Unmarshal(v, &items); err != nil {
			return Entry{}, errors.New("value is a list of something other than objects")
		}
		if len(items) == 0 {
			return Entry{Kind: KindLinks, Links: []Link{}}, nil
		}
		if _, ok := items[0]["url"]; ok {
			return parseLinks(items)
		}
		if _, ok := items[0]["x"]; ok {
			return parseSeries(items)
		}
		return Entry{}, errors.New(`value is a list of neither links ({"url", "label"}) nor points ({"x", "y"})`)
	case '{':
		return Entry{}, errors.New("value is an object; it must be a text, a list of links or a list of points")
	}
	var n json.Number
	if err := json.Unmarshal(v, &n); err != nil {
		return Entry{}, errors.New("value is not a text, a number, a list of links or a list of points")
	}
	return Entry{Kind: KindText, Text: n.String()}, nil
}

func parseLinks(items []map[string]json.RawMessage) (Entry, error) {
	if len(items) > MaxLinks {
		return Entry{}, fmt.Errorf("more than %d links", MaxLinks)
	}
	links := make([]Link, 0, len(items))
	for i, it := range items {
		var l Link
		if err := json.Unmarshal(it["url"], &l.URL); err != nil {
			return Entry{}, fmt.Errorf("link %d has no url text", i+1)
		}
		u, err := checkURL(l.URL)
		if err != nil {
			return Entry{}, fmt.Errorf("link %d: url %w", i+1, err)
		}
		l.URL = u
		if raw, ok := it["label"]; ok {
			if err := json.Unmarshal(raw, &l.Label); err != nil {
				return Entry{}, fmt.Errorf("link %d has a label that is not text", i+1)
			}
		}
		if err := checkLine(l.Label, MaxLabelBytes); err != nil {
			return Entry{}, fmt.Errorf("link %d: label %w", i+1, err)
		}
		if strings.TrimSpace(l.Label) == "" {
			l.Label = l.URL
		}
		links = append(links, l)
	}
	return Entry{Kind: KindLinks, Links: links}, nil
}

func parseSeries(items []map[string]json.RawMessage) (Entry, error) {
	if len(items) > MaxPoints {
		return Entry{}, fmt.Errorf("more than %d points", MaxPoints)
	}
	points := make([]Point, 0, len(items))
	for i, it := range items {
		var p Point
		x := bytes.TrimSpace(it["x"])
		switch {
		case len(x) > 0 && x[0] == '"':
			if err := json.Unmarshal(x, &p.X); err != nil {
				return Entry{}, fmt.Errorf("point %d has an x that is not text", i+1)
			}
		default:
			var n json.Number
			if err := json.Unmarshal(x, &n); err != nil || len(x) == 0 {
				return Entry{}, fmt.Errorf("point %d has an x that is neither text nor a number", i+1)
			}
			p.X = n.String()
		}
		if err := checkLine(p.X, MaxXBytes); err != nil || p.X == "" {
			if err == nil {
				err = errors.New("must not be empty")
			}
			return Entry{}, fmt.Errorf("point %d: x %w", i+1, err)
		}
		if err := json.Unmarshal(it["y"], &p.Y); err != nil || math.IsNaN(p.Y) || math.IsInf(p.Y, 0) {
			return Entry{}, fmt.Errorf("point %d has a y that is not a number", i+1)
		}
		points = append(points, p)
	}
	return Entry{Kind: KindSeries, Points: points}, nil
}

// checkLine checks a label: the text rule, no control characters, at most
// max bytes.
func checkLine(s string, max int) error {
	if err := checkText(s, max); err != nil {
		return err
	}
	if strings.IndexFunc(s, unicode.IsControl) >= 0 {
		return errors.New("contains control characters")
	}
	return nil
}

// checkText checks a text value: the text rule, no control characters but
// line breaks and tabs, at most max bytes.
func checkText(s string, max int) error {
	switch {
	case len(s) > max:
		return fmt.Errorf("is longer than %d bytes", max)
	case !parley.ValidText(s):
		return errors.New("is not UTF-8 text without NUL bytes")
	case strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }) >= 0:
		return errors.New("contains control characters")
	}
	return nil
}

// checkURL accepts absolute http and https URLs with a host and without
// credentials: never javascript:, data: or other schemes a browser would
// run. It returns the URL in its canonical form (the scheme lower case).
func checkURL(s string) (string, error) {
	if err := checkLine(s, MaxURLBytes); err != nil {
		return "", err
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return "", errors.New("must be an absolute http or https URL without credentials")
	}
	return u.String(), nil
}

// clip shortens a label quoted in an error.
func clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	for i := 40; i > 0; i-- {
		if utf8.RuneStart(s[i]) {
			return s[:i] + "…"
		}
	}
	return ""
}
