package parley

import (
	"net/mail"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"
)

var (
	// AttributeKeyPattern is the form of a custom attribute key.
	AttributeKeyPattern = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9_]{0,63}$`)
	slugPattern         = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$`)
	colorPattern        = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
)

// Limits on free-text fields.
const (
	MaxNameLength       = 200
	MaxEmailLength      = 254
	MaxAttributes       = 50
	MaxAllowedOrigins   = 50
	MinPasswordLength   = 10
	MaxPasswordLength   = 256
	MaxWidgetTextLength = 500
)

// NormalizeEmail trims and lower-cases an email address.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// ValidEmail reports whether s is a single bare address (no display name).
func ValidEmail(s string) bool {
	if s == "" || len(s) > MaxEmailLength {
		return false
	}
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && a.Name == ""
}

// ValidSlug reports whether s is a workspace slug.
func ValidSlug(s string) bool { return slugPattern.MatchString(s) }

// ValidColor reports whether s is a #rrggbb colour.
func ValidColor(s string) bool { return colorPattern.MatchString(s) }

// ValidOrigin reports whether s is "*" or a bare web origin: http or https,
// a host, an optional port, and nothing else.
func ValidOrigin(s string) bool {
	if s == "*" {
		return true
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return false
	}
	return u.Path == "" && u.RawQuery == "" && u.Fragment == "" && u.User == nil && s == u.Scheme+"://"+u.Host
}

// Name checks a required display name.
func (v *Validation) Name(field, s string) {
	switch {
	case strings.TrimSpace(s) == "":
		v.Add(field, "must not be empty")
	case len(s) > MaxNameLength:
		v.Add(field, "must be at most %d bytes", MaxNameLength)
	}
}

// Attributes checks custom attribute keys and count.
func (v *Validation) Attributes(field string, attrs map[string]any) {
	if len(attrs) > MaxAttributes {
		v.Add(field, "must hold at most %d attributes", MaxAttributes)
	}
	for k := range attrs {
		if !AttributeKeyPattern.MatchString(k) {
			v.Add(field+"."+k, "key must start with a letter and hold only letters, digits and _ (at most 64)")
		}
	}
}

// Password checks a new password's length.
func (v *Validation) Password(field, s string) {
	switch {
	case len(s) < MinPasswordLength:
		v.Add(field, "must be at least %d characters", MinPasswordLength)
	case len(s) > MaxPasswordLength:
		v.Add(field, "must be at most %d characters", MaxPasswordLength)
	}
}

// AvatarURL checks an optional picture URL: "" or an https URL with a
// host, of at most MaxAvatarURLLength bytes, without spaces or control
// characters.
func (v *Validation) AvatarURL(field, s string) {
	if s == "" {
		return
	}
	u, err := url.Parse(s)
	if len(s) > MaxAvatarURLLength || err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil ||
		strings.IndexFunc(s, func(r rune) bool { return r <= ' ' || r == 0x7f }) >= 0 || !utf8.ValidString(s) {
		v.Add(field, "must be an https URL of at most %d bytes", MaxAvatarURLLength)
	}
}
