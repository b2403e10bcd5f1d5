package identity

import (
	"strings"
	"unicode"

	"github.com/parleychat/parley"
)

// contactFields are the fields of a contact a caller may set.
type contactFields struct {
	ExternalID, Email, Phone, Name, AvatarURL string
	Attributes                                map[string]any
}

// validate records problems with f; prefix ("" or "token.") starts each
// field name. Empty fields are valid: callers decide what is required.
func (f contactFields) validate(v *parley.Validation, prefix string) {
	identifier(v, prefix+"external_id", f.ExternalID)
	identifier(v, prefix+"phone", f.Phone)
	if e := parley.NormalizeEmail(f.Email); e != "" && !parley.ValidEmail(e) {
		v.Add(prefix+"email", "must be an email address")
	}
	if len(f.Name) > parley.MaxNameLength {
		v.Add(prefix+"name", "must be at most %d bytes", parley.MaxNameLength)
	}
	if len(f.AvatarURL) > parley.MaxAvatarURLLength || (f.AvatarURL != "" && !strings.HasPrefix(f.AvatarURL, "https://")) {
		v.Add(prefix+"avatar_url", "must be an https URL of at most %d bytes", parley.MaxAvatarURLLength)
	}
	v.Attributes(prefix+"attributes", f.Attributes)
}

// hasIdentifier reports whether f names the contact.
func (f contactFields) hasIdentifier() bool {
	return strings.TrimSpace(f.ExternalID) != "" || parley.NormalizeEmail(f.Email) != "" || strings.TrimSpace(f.Phone) != ""
}

// identifier checks an external ID or phone: at most MaxIdentifierLength
// bytes of printable characters.
func identifier(v *parley.Validation, field, s string) {
	switch {
	case len(s) > parley.MaxIdentifierLength:
		v.Add(field, "must be at most %d bytes", parley.MaxIdentifierLength)
	case strings.IndexFunc(s, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0:
		v.Add(field, "must hold printable characters only")
	}
}

// inboxIDValid records a problem with an inbox ID.
func inboxIDValid(v *parley.Validation, inboxID string) {
	switch {
	case strings.TrimSpace(inboxID) == "":
		v.Add("inbox_id", "must not be empty")
	case len(inboxID) > maxInboxIDLength:
		v.Add("inbox_id", "must be at most %d bytes", maxInboxIDLength)
	}
}
