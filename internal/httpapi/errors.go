package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

// problem is an RFC 9457 problem details body: the shape of every error
// response. Code is the parley error code, stable for programs to match.
type problem struct {
	Title     string              `json:"title" doc:"Short summary of the problem type (the HTTP status text)."`
	Status    int                 `json:"status" doc:"HTTP status code."`
	Detail    string              `json:"detail,omitempty" doc:"Explanation of this occurrence, safe to show to a person."`
	Code      string              `json:"code" enum:"invalid,not_found,conflict,unauthorized,forbidden,rate_limited,unavailable,internal" doc:"Parley error code."`
	Reason    string              `json:"reason,omitempty" doc:"Finer cause within code, stable for programs to match (e.g. token_expired); see docs/identity.md."`
	RequestID string              `json:"request_id,omitempty" doc:"The request's X-Request-ID, for matching server logs."`
	Errors    []*huma.ErrorDetail `json:"errors,omitempty" doc:"Per-field problems of invalid input."`

	headers http.Header
}

func (p *problem) Error() string             { return p.Detail }
func (p *problem) GetStatus() int            { return p.Status }
func (p *problem) GetHeaders() http.Header   { return p.headers }
func (p *problem) ContentType(string) string { return "application/problem+json" }

// statuses is the one mapping from parley error codes to HTTP statuses.
var statuses = map[string]int{
	parley.EINVALID:      http.StatusUnprocessableEntity,
	parley.ENOTFOUND:     http.StatusNotFound,
	parley.ECONFLICT:     http.StatusConflict,
	parley.EUNAUTHORIZED: http.StatusUnauthorized,
	parley.EFORBIDDEN:    http.StatusForbidden,
	parley.ERATELIMITED:  http.StatusTooManyRequests,
	parley.EUNAVAILABLE:  http.StatusServiceUnavailable,
	parley.EINTERNAL:     http.StatusInternalServerError,
}

// statusOf returns the HTTP status of a parley error code.
func statusOf(code string) int {
	if status, ok := statuses[code]; ok {
		return status
	}
	return http.StatusInternalServerError
}

// codeOf is the reverse mapping, for errors huma raises itself (malformed
// or invalid input, oversized bodies, …): other 4xx statuses are EINVALID.
func codeOf(status int) string {
	for code, st := range statuses {
		if st == status {
			return code
		}
	}
	if status >= 400 && status < 500 {
		return parley.EINVALID
	}
	return parley.EINTERNAL
}

// problem turns any error into a problem. The caller sees the message of a
// *parley.Error; any other error is logged with the request id and shown
// only as "Internal error.".
func (s *server) problem(ctx context.Context, err error) *problem {
	var p *problem
	if errors.As(err, &p) {
		return p
	}
	code := parley.ErrorCode(err)
	status := statusOf(code)
	p = &problem{
		Title:     http.StatusText(status),
		Status:    status,
		Detail:    parley.ErrorMessage(err),
		Code:      code,
		Reason:    parley.ErrorReason(err),
		RequestID: requestFrom(ctx).id,
		headers:   http.Header{},
	}
	var pe *parley.Error
	switch {
	case status == http.StatusInternalServerError:
		s.log(ctx).ErrorContext(ctx, "internal error", "err", err)
		p.Code, p.Detail = parley.EINTERNAL, "Internal error."
	case code == parley.EUNAVAILABLE:
		s.log(ctx).WarnContext(ctx, "dependency unavailable", "err", err)
	case code == parley.EUNAUTHORIZED:
		p.headers.Set("WWW-Authenticate", `Bearer realm="parley"`)
	case code == parley.ERATELIMITED:
		p.headers.Set("Retry-After", retryAfter(err))
	case code == parley.EINVALID && errors.As(err, &pe):
		for _, f := range pe.Fields {
			p.Errors = append(p.Errors, &huma.ErrorDetail{Location: fieldLocation(f.Field), Message: f.Message})
		}
	}
	return p
}

// fieldLocation returns where an invalid field is in the request: a field
// already placed in the query, the path or a header (or that is the whole
// path or query) keeps its place, any other is a field of the JSON body.
func fieldLocation(field string) string {
	for _, loc := range []string{"query", "path", "header"} {
		if field == loc || strings.HasPrefix(field, loc+".") {
			return field
		}
	}
	return "body." + field
}

// retryAfter returns the Retry-After seconds of a rate-limited error: what
// it says (rounded up), or a minute.
func retryAfter(err error) string {
	var ra interface{ RetryAfter() time.Duration }
	var pe *parley.Error
	wait := time.Minute
	if errors.As(err, &ra) {
		wait = ra.RetryAfter()
	} else if errors.As(err, &pe) && pe.RetryAfter > 0 {
		wait = pe.RetryAfter
	}
	return strconv.Itoa(max(1, int(math.Ceil(wait.Seconds()))))
}

// transformError is a huma transformer that turns the error bodies huma
// produces itself (huma.ErrorModel: validation failures, malformed JSON,
// bodies too large) into problems, so every error has the same shape.
func (s *server) transformError(ctx huma.Context, _ string, v any) (any, error) {
	em, ok := v.(*huma.ErrorModel)
	if !ok {
		return v, nil
	}
	p := &problem{
		Title:     em.Title,
		Status:    em.Status,
		Detail:    em.Detail,
		Code:      codeOf(em.Status),
		RequestID: requestFrom(ctx.Context()).id,
		Errors:    em.Errors,
	}
	if p.Code == parley.EINTERNAL {
		s.log(ctx.Context()).ErrorContext(ctx.Context(), "internal error", "err", em.Error(), "errors", em.Errors)
		p.Detail, p.Errors = "Internal error.", nil
	}
	return p, nil
}

// writeProblem writes p as the response, outside huma's handler chain
// (middleware, panics).
func writeProblem(w http.ResponseWriter, p *problem) {
	for k, vs := range p.headers {
		w.Header()[k] = vs
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(p.Status)
	json.NewEncoder(w).Encode(p)
}
