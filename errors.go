package parley

import (
	"errors"
	"fmt"
	"time"
)

// Error codes. Each maps to one HTTP status (and later one WebSocket error
// code) in exactly one place, internal/httpapi.
const (
	EINVALID      = "invalid"      // the input is malformed or breaks a rule (422)
	ENOTFOUND     = "not_found"    // no such object in the caller's workspace (404)
	ECONFLICT     = "conflict"     // the object exists or changed concurrently (409)
	EUNAUTHORIZED = "unauthorized" // no valid credentials (401)
	EFORBIDDEN    = "forbidden"    // valid credentials without the needed permission (403)
	ERATELIMITED  = "rate_limited" // too many attempts; retry later (429)
	EUNAVAILABLE  = "unavailable"  // a dependency is down (503)
	EINTERNAL     = "internal"     // anything else; details are logged, never shown (500)
)

// FieldError names one invalid input field.
type FieldError struct {
	Field   string // snake_case path of the field, e.g. "email" or "allowed_origins[2]"
	Message string
}

// Error is Parley's error type. Code is one of the E* constants; Message is
// safe to show to the caller. Fields lists per-field problems for EINVALID.
// Reason, when set, is a finer cause within Code that programs may match,
// stable and documented (e.g. "token_expired" within EUNAUTHORIZED).
type Error struct {
	Code    string
	Reason  string
	Message string
	Fields  []FieldError
	// RetryAfter, for ERATELIMITED, is how long to wait before trying
	// again; 0 when not known.
	RetryAfter time.Duration
}

func (e *Error) Error() string {
	return fmt.Sprintf("parley: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err if it is (or wraps) an *Error, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorReason returns the Reason of err if it is (or wraps) an *Error, else "".
func ErrorReason(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Reason
	}
	return ""
}

// ErrorMessage returns the caller-safe message of err. Errors that are not
// *Error become "Internal error" so that no internal detail leaks.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}

// Validation accumulates field errors; Err returns nil when there are none.
type Validation struct {
	Fields []FieldError
}

// Add records a problem with field.
func (v *Validation) Add(field, format string, args ...any) {
	v.Fields = append(v.Fields, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// Err returns an EINVALID *Error listing every recorded field, or nil.
func (v *Validation) Err() error {
	if len(v.Fields) == 0 {
		return nil
	}
	return &Error{Code: EINVALID, Message: "The input is invalid.", Fields: v.Fields}
}
