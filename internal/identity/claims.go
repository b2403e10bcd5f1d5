package identity

import (
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/parleychat/parley"
)

// ReasonClaims refuses a visitor JWT whose email, phone, name or
// attributes claim has the wrong type or breaks a contact field's rule.
const ReasonClaims = "token_claims"

// Claims are what a verified visitor JWT says about the visitor.
type Claims struct {
	// Subject is the sub claim: the customer's own user ID, which becomes
	// the contact's external_id.
	Subject string
	// Email (lower-cased), Phone and Name are the claims of those names;
	// "" when absent.
	Email, Phone, Name string
	// Attributes is the "attributes" claim, a JSON object of custom
	// attributes; nil when absent. Other claims are ignored.
	Attributes map[string]any
	// IssuedAt is the iat claim (zero when absent); ExpiresAt the exp claim.
	IssuedAt, ExpiresAt time.Time
}

// IsJWT reports whether tok looks like a compact JWS (three base64url
// parts, the last empty for an unsigned token), to tell it from a
// "prlyv_" visitor token. It does not verify anything.
func IsJWT(tok string) bool {
	dots := 0
	for i := 0; i < len(tok); i++ {
		switch c := tok[i]; {
		case c == '.':
			if i == 0 || tok[i-1] == '.' {
				return false // an empty header or payload
			}
			dots++
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-', c == '_':
		default:
			return false
		}
	}
	return dots == 2
}

// visitorClaims is the JSON payload of a visitor JWT. The profile claims
// are decoded as any so that a wrong type is reported as such.
type visitorClaims struct {
	jwt.RegisteredClaims
	Email      any `json:"email,omitempty"`
	Phone      any `json:"phone,omitempty"`
	Name       any `json:"name,omitempty"`
	Attributes any `json:"attributes,omitempty"`
}

// claims checks the profile claims and returns the Claims.
func (c *visitorClaims) claims() (*Claims, error) {
	out := &Claims{Subject: c.Subject, ExpiresAt: c.ExpiresAt.Time}
	if c.IssuedAt != nil {
		out.IssuedAt = c.IssuedAt.Time
	}
	if len(c.Subject) > parley.MaxIdentifierLength {
		return nil, tokenError(ReasonClaims, "The token's sub must be at most %d bytes.", parley.MaxIdentifierLength)
	}
	var ok bool
	if out.Email, ok = stringClaim(c.Email); !ok {
		return nil, tokenError(ReasonClaims, "The token's email must be a string.")
	}
	out.Email = parley.NormalizeEmail(out.Email)
	if out.Email != "" && !parley.ValidEmail(out.Email) {
		return nil, tokenError(ReasonClaims, "The token's email is not an email address.")
	}
	if out.Phone, ok = stringClaim(c.Phone); !ok || len(out.Phone) > parley.MaxIdentifierLength {
		return nil, tokenError(ReasonClaims, "The token's phone must be a string of at most %d bytes.", parley.MaxIdentifierLength)
	}
	if out.Name, ok = stringClaim(c.Name); !ok || len(out.Name) > parley.MaxNameLength {
		return nil, tokenError(ReasonClaims, "The token's name must be a string of at most %d bytes.", parley.MaxNameLength)
	}
	if c.Attributes != nil {
		attrs, ok := c.Attributes.(map[string]any)
		if !ok {
			return nil, tokenError(ReasonClaims, "The token's attributes must be a JSON object.")
		}
		var v parley.Validation
		v.Attributes("attributes", attrs)
		if len(v.Fields) > 0 {
			return nil, tokenError(ReasonClaims, "The token's %s: %s.", strings.ReplaceAll(v.Fields[0].Field, "attributes.", "attribute "), v.Fields[0].Message)
		}
		out.Attributes = attrs
	}
	return out, nil
}

// stringClaim returns a string claim ("" when absent) and whether it was
// a string or absent.
func stringClaim(v any) (string, bool) {
	if v == nil {
		return "", true
	}
	s, ok := v.(string)
	return strings.TrimSpace(s), ok
}
