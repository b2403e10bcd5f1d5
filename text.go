package parley

import (
	"cmp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The rule for text at the edge. Every string a stranger sends — in a JSON
// body, a query parameter, a path, a WebSocket frame — must be valid UTF-8
// and hold no NUL (U+0000); a JSON string must not escape a lone UTF-16
// surrogate ("\ud800" without its pair), which decoders would otherwise
// turn silently into U+FFFD. Anything else is refused with EINVALID naming
// the field, before it reaches a service or a store, so that both database
// engines see the same text: PostgreSQL cannot store NUL, SQLite could.
//
// Each field keeps its own, stricter rules on top (lengths, patterns).

// Messages of the text rule, as field problems.
const (
	textNULMessage       = "must not contain NUL (U+0000)"
	textUTF8Message      = "must be valid UTF-8"
	textSurrogateMessage = "must not contain a lone UTF-16 surrogate (\\ud800–\\udfff)"
)

// ValidText reports whether s follows the text rule: valid UTF-8 without
// NUL.
func ValidText(s string) bool {
	return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0
}

// Text records a problem with field unless s follows the text rule.
func (v *Validation) Text(field, s string) {
	switch {
	case strings.IndexByte(s, 0) >= 0:
		v.Add(field, textNULMessage)
	case !utf8.ValidString(s):
		v.Add(field, textUTF8Message)
	}
}

// maxTextProblems bounds the problems CheckJSONText reports, and
// maxJSONDepth the nesting it follows (encoding/json refuses deeper
// documents anyway).
const (
	maxTextProblems = 10
	maxJSONDepth    = 10000
	maxFieldKey     = 64 // longer keys are cut in field names
)

// CheckJSONText checks every string of the JSON document raw, keys and
// values, as sent — before a decoder replaces invalid UTF-8 and lone
// surrogates with U+FFFD — against the text rule. It returns an EINVALID
// *Error naming each bad field (a dotted path: "attributes.plan",
// "items[2].name"; "" for the document itself; a bad key is reported on
// the object holding it), or nil. It leaves syntax errors to the decoder:
// what follows one is not checked.
func CheckJSONText(raw []byte) error {
	c := jsonTextChecker{raw: raw}
	c.value("", 0)
	return c.v.Err()
}

type jsonTextChecker struct {
	raw []byte
	pos int
	bad bool // a syntax error was met: stop
	v   Validation
}

func (c *jsonTextChecker) problem(field, msg string) {
	if len(c.v.Fields) < maxTextProblems {
		c.v.Add(field, "%s", msg)
	}
}

func (c *jsonTextChecker) space() {
	for c.pos < len(c.raw) {
		switch c.raw[c.pos] {
		case ' ', '\t', '\n', '\r':
			c.pos++
		default:
			return
		}
	}
}

// value checks the value at c.pos, found at field.
func (c *jsonTextChecker) value(field string, depth int) {
	c.space()
	if c.pos >= len(c.raw) || depth > maxJSONDepth {
		c.bad = true
		return
	}
	switch c.raw[c.pos] {
	case '"':
		if msg, _ := c.str(); msg != "" {
			c.problem(field, msg)
		}
	case '{':
		c.object(field, depth)
	case '[':
		c.array(field, depth)
	default:
		// A number, true, false or null: skip to the next delimiter. A
		// delimiter here is a syntax error.
		start := c.pos
		for c.pos < len(c.raw) && !strings.ContainsRune(",]} \t\n\r", rune(c.raw[c.pos])) {
			c.pos++
		}
		c.bad = c.pos == start
	}
}

func (c *jsonTextChecker) object(field string, depth int) {
	c.pos++ // {
	for !c.bad {
		c.space()
		if c.pos < len(c.raw) && c.raw[c.pos] == '}' {
			c.pos++
			return
		}
		if c.pos >= len(c.raw) || c.raw[c.pos] != '"' {
			c.bad = true
			return
		}
		start := c.pos
		msg, escaped := c.str()
		if c.bad {
			return // the key is not closed
		}
		key := ""
		if msg != "" {
			c.problem(field, "has a key that "+msg)
		} else {
			key = string(c.raw[start+1 : c.pos-1])
			if escaped {
				key, _ = strconv.Unquote(string(c.raw[start:c.pos]))
			}
			if len(key) > maxFieldKey {
				key = key[:maxFieldKey] + "…"
			}
		}
		c.space()
		if c.pos >= len(c.raw) || c.raw[c.pos] != ':' {
			c.bad = true
			return
		}
		c.pos++
		sub := key
		if field != "" {
			sub = field + "." + key
		}
		c.value(sub, depth+1)
		c.space()
		if c.pos < len(c.raw) && c.raw[c.pos] == ',' {
			c.pos++
		}
	}
}

func (c *jsonTextChecker) array(field string, depth int) {
	c.pos++ // [
	for i := 0; !c.bad; i++ {
		c.space()
		if c.pos < len(c.raw) && c.raw[c.pos] == ']' {
			c.pos++
			return
		}
		c.value(field+"["+strconv.Itoa(i)+"]", depth+1)
		c.space()
		if c.pos < len(c.raw) && c.raw[c.pos] == ',' {
			c.pos++
		}
	}
}

// str reads the string literal at c.pos and returns the text rule's
// message for its first problem ("" if none) and whether it holds escapes.
func (c *jsonTextChecker) str() (msg string, escaped bool) {
	c.pos++ // "
	for c.pos < len(c.raw) {
		b := c.raw[c.pos]
		switch {
		case b == '"':
			c.pos++
			return msg, escaped
		case b == 0:
			msg = cmp.Or(msg, textNULMessage)
			c.pos++
		case b == '\\':
			escaped = true
			if m := c.escape(); m != "" {
				msg = cmp.Or(msg, m)
			}
		case b < utf8.RuneSelf:
			c.pos++
		default:
			r, size := utf8.DecodeRune(c.raw[c.pos:])
			if r == utf8.RuneError && size == 1 {
				msg = cmp.Or(msg, textUTF8Message)
			}
			c.pos += size
		}
	}
	c.bad = true
	return msg, escaped
}

// escape reads the escape sequence at c.pos (a backslash) and returns the
// text rule's message if it escapes NUL or a lone surrogate.
func (c *jsonTextChecker) escape() string {
	if c.pos+1 >= len(c.raw) || c.raw[c.pos+1] != 'u' {
		c.pos += 2
		return ""
	}
	r, ok := c.hex4(c.pos + 2)
	if !ok {
		c.bad = true
		c.pos = len(c.raw)
		return ""
	}
	c.pos += 6
	switch {
	case r == 0:
		return textNULMessage
	case r >= 0xDC00 && r <= 0xDFFF:
		return textSurrogateMessage
	case r >= 0xD800 && r <= 0xDBFF:
		if c.pos+1 < len(c.raw) && c.raw[c.pos] == '\\' && c.raw[c.pos+1] == 'u' {
			if low, ok := c.hex4(c.pos + 2); ok && low >= 0xDC00 && low <= 0xDFFF {
				c.pos += 6
				return ""
			}
		}
		return textSurrogateMessage
	}
	return ""
}

// hex4 decodes the four hex digits at i.
func (c *jsonTextChecker) hex4(i int) (rune, bool) {
	if i+4 > len(c.raw) {
		return 0, false
	}
	n, err := strconv.ParseUint(string(c.raw[i:i+4]), 16, 32)
	return rune(n), err == nil
}
