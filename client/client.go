// Package client is the Go SDK of Parley: typed methods for the REST API
// under /api/v1 and a real-time connection (Conn) speaking the WebSocket
// protocol of docs/protocol.md.
//
//	c, err := client.New("https://chat.example.com", client.WithToken(token))
//	conv, err := c.CreateConversation(ctx, client.CreateConversationInput{})
//	conn, err := c.Connect(ctx, client.WithAutoReconnect(time.Second, 30*time.Second))
//	_, err = conn.Subscribe(ctx, conv.ID, 0)
//	for {
//		f, err := conn.Next(ctx)
//		…
//	}
//
// # Errors
//
// Every error the server reports — an RFC 9457 problem document over REST,
// an error frame over WebSocket — is returned as an *Error carrying
// Parley's error code (CodeNotFound, CodeConflict, …). Use errors.As, or
// ErrorCode(err) == client.CodeConflict.
//
// # Guarantees of a Conn
//
// The server delivers each conversation's messages at least once and in
// sequence order (every message has a per-conversation seq), and on resume
// replays everything after the seq the client names. A Conn remembers, per
// conversation, the highest seq it has handed to the application through
// Next (LastSeq), resumes from it when it reconnects, and drops any message
// at or below it. Together: every message of a followed conversation reaches
// the application exactly once, in seq order, across reconnects — with no
// gap. Visitors never see notes: their seq is the visitor sequence, which
// counts only what a visitor may see, so it has no gap either.
//
// The workspace feed followed with SubscribeFeedAfter works the same way:
// every event carries its cursor (Frame.Cursor), the Conn remembers the
// cursor of the last event Next returned (FeedCursor), follows the feed
// again after it when it reconnects, and drops any event at or before it,
// so each conversation.* event reaches the application once, in feed
// order. SubscribeFeed, without a cursor, is live only.
//
// Sends are idempotent: Send always carries a client_id (one is generated if
// the input has none) and, on a Conn with automatic reconnection, is retried
// with the same client_id across reconnects until it is acknowledged, so a
// message is stored once however often the connection drops.
//
// Conversation state changes (Frame.Type "conversation"), typing and read
// frames are live notifications only: they are not replayed after a
// reconnect. After an automatic reconnection the Conn emits, for every
// conversation it follows again, a "subscribed" frame carrying the
// conversation's current state.
package client

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// maxResponseSize bounds the JSON responses the client reads (attachments,
// whose size the server bounds per inbox, are read apart).
const maxResponseSize = 32 << 20

// Client calls one Parley server. It is safe for concurrent use; derive a
// client with other credentials with WithToken.
type Client struct {
	base      *url.URL // scheme://host[/prefix], without a trailing slash
	token     string   // Authorization: Bearer, and the WebSocket auth frame
	session   string   // console session secret (cookie), with csrf
	csrf      string
	hc        *http.Client
	userAgent string
}

// Option configures a Client.
type Option func(*Client)

// WithToken authenticates as the holder of token: an API token (prly_…), a
// visitor session token, or an agent's bearer credential. REST calls send
// it as "Authorization: Bearer", real-time connections in their first frame;
// it never travels in a URL.
func WithToken(token string) Option {
	return func(c *Client) { c.token = token }
}

// WithSession authenticates REST calls with a console session, as the
// agent console does: the session cookie's secret and the login's CSRF
// token (see Login). A token set with WithToken takes precedence.
func WithSession(secret, csrfToken string) Option {
	return func(c *Client) { c.session, c.csrf = secret, csrfToken }
}

// WithHTTPClient makes the client use hc for REST calls and WebSocket
// handshakes. Timeouts are best set per call with the context.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) { c.hc = hc }
}

// WithUserAgent sets the User-Agent header of every request.
func WithUserAgent(ua string) Option {
	return func(c *Client) { c.userAgent = ua }
}

// defaultHTTPClient keeps more idle connections to the one host than
// http.DefaultTransport (2), as a client often runs many calls at once.
var defaultHTTPClient = func() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 64
	return &http.Client{Transport: t}
}()

// New returns a client of the server at baseURL ("http://127.0.0.1:8080",
// "https://chat.example.com"; a path prefix is kept, for a server behind a
// reverse proxy under one).
func New(baseURL string, opts ...Option) (*Client, error) {
	u, err := url.Parse(strings.TrimRight(baseURL, "/"))
	if err != nil {
		return nil, fmt.Errorf("client: base URL: %w", err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("client: base URL %q must be http(s)://host[:port][/path]", baseURL)
	}
	c := &Client{base: u, hc: defaultHTTPClient, userAgent: "parley-go-client"}
	for _, opt := range opts {
		opt(c)
	}
	if c.hc == nil {
		c.hc = defaultHTTPClient
	}
	return c, nil
}

// WithToken returns a copy of c that authenticates with token instead (and
// with no console session), sharing its HTTP client.
func (c *Client) WithToken(token string) *Client {
	d := *c
	d.token, d.session, d.csrf = token, "", ""
	return &d
}

// CloseIdleConnections closes the HTTP client's idle keep-alive
// connections (see http.Client.CloseIdleConnections).
func (c *Client) CloseIdleConnections() { c.hc.CloseIdleConnections() }

// BaseURL returns the server's base URL.
func (c *Client) BaseURL() string { return c.base.String() }

// Token returns the token the client authenticates with ("" if none).
func (c *Client) Token() string { return c.token }

// request is one REST call.
type request struct {
	method string
	path   string // under the base URL, starting with /
	query  url.Values
	body   any       // encoded as JSON unless nil
	raw    io.Reader // sent as is, with contentType, when body is nil
	ctype  string
}

// do sends r and decodes a 2xx response's JSON into out (if not nil). It
// returns the status; any other status is returned as an *Error.
func (c *Client) do(ctx context.Context, r request, out any) (int, error) {
	resp, err := c.send(ctx, r)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if out == nil || resp.StatusCode == http.StatusNoContent {
		io.Copy(io.Discard, io.LimitReader(resp.Body, maxResponseSize))
		return resp.StatusCode, nil
	}
	return resp.StatusCode, decodeJSON(resp, out)
}

// send sends r and returns a 2xx response, whose body the caller closes;
// any other status becomes an *Error.
func (c *Client) send(ctx context.Context, r request) (*http.Response, error) {
	u := *c.base
	u.Path = c.base.Path + r.path
	u.RawPath = ""
	if len(r.query) > 0 {
		u.RawQuery = r.query.Encode()
	}
	var body io.Reader
	ctype := r.ctype
	if r.body != nil {
		b, err := json.Marshal(r.body)
		if err != nil {
			return nil, fmt.Errorf("client: encode request: %w", err)
		}
		body, ctype = bytes.NewReader(b), "application/json"
	} else if r.raw != nil {
		body = r.raw
	}
	req, err := http.NewRequestWithContext(ctx, r.method, u.String(), body)
	if err != nil {
		return nil, fmt.Errorf("client: %w", err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	req.Header.Set("Accept", "application/json")
	if c.userAgent != "" {
		req.Header.Set("User-Agent", c.userAgent)
	}
	c.authorize(req.Header, r.method)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("client: %s %s: %w", r.method, r.path, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		defer resp.Body.Close()
		return nil, decodeProblem(resp)
	}
	return resp, nil
}

// authorize adds the client's credentials to h.
func (c *Client) authorize(h http.Header, method string) {
	switch {
	case c.token != "":
		h.Set("Authorization", "Bearer "+c.token)
	case c.session != "":
		h.Set("Cookie", (&http.Cookie{Name: sessionCookie, Value: c.session}).String())
		if method != http.MethodGet && method != http.MethodHead {
			h.Set("X-CSRF-Token", c.csrf)
		}
	}
}

// sessionCookie is the name of the console's session cookie.
const sessionCookie = "parley_session"

// Error codes: Error.Code is one of these, the same over REST and WebSocket.
const (
	CodeInvalid      = "invalid"      // malformed input or a broken rule (422)
	CodeNotFound     = "not_found"    // no such object for the caller (404)
	CodeConflict     = "conflict"     // the state changed concurrently (409)
	CodeUnauthorized = "unauthorized" // missing, invalid or expired credentials (401)
	CodeForbidden    = "forbidden"    // valid credentials without the permission (403)
	CodeRateLimited  = "rate_limited" // too many attempts; retry later (429)
	CodeUnavailable  = "unavailable"  // a dependency is down; retry (503)
	CodeInternal     = "internal"     // anything else (500)
)

// Error is an error reported by the server: a problem document (RFC 9457)
// over REST, or an error frame over WebSocket.
type Error struct {
	// Status is the HTTP status; 0 for a WebSocket error frame.
	Status int
	// Code is Parley's error code, one of the Code* constants.
	Code string
	// Reason, when set, is a finer cause within Code, stable for programs
	// to match (e.g. "token_contact_mismatch").
	Reason string
	// Detail says what went wrong, in words safe to show to a person.
	Detail string
	// Fields lists the invalid input fields of an invalid request.
	Fields []FieldError
	// RequestID is the X-Request-ID of a REST call, for matching server logs.
	RequestID string
	// RetryAfter is how long to wait before retrying a rate-limited call
	// (the Retry-After header, or an error frame's retry_after); 0 when
	// the server did not say.
	RetryAfter time.Duration
}

// FieldError is one invalid input field: a snake_case path ("email",
// "allowed_origins[2]"), or for query parameters "query.<name>".
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("parley: ")
	if e.Status != 0 {
		b.WriteString(strconv.Itoa(e.Status) + " ")
	}
	b.WriteString(e.Code)
	if e.Reason != "" {
		b.WriteString(" (" + e.Reason + ")")
	}
	if e.Detail != "" {
		b.WriteString(": " + e.Detail)
	}
	for i, f := range e.Fields {
		if i == 0 {
			b.WriteString(" (")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(f.Field + ": " + f.Message)
		if i == len(e.Fields)-1 {
			b.WriteString(")")
		}
	}
	return b.String()
}

// ErrorCode returns the code of err if it is (or wraps) an *Error, and ""
// otherwise.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// problem is the JSON form of an RFC 9457 problem document with Parley's
// extensions.
type problem struct {
	Title     string `json:"title"`
	Status    int    `json:"status"`
	Detail    string `json:"detail"`
	Code      string `json:"code"`
	Reason    string `json:"reason"`
	RequestID string `json:"request_id"`
	Errors    []struct {
		Location string `json:"location"`
		Message  string `json:"message"`
	} `json:"errors"`
}

// decodeProblem turns a non-2xx response into an *Error; a body that is
// not a problem document (a proxy's HTML page) yields an error named after
// the status.
func decodeProblem(resp *http.Response) *Error {
	e := &Error{Status: resp.StatusCode, Code: codeOfStatus(resp.StatusCode), RequestID: resp.Header.Get("X-Request-ID")}
	if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s >= 0 {
		e.RetryAfter = time.Duration(s) * time.Second
	}
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	var p problem
	if (mt == "application/problem+json" || mt == "application/json") && json.Unmarshal(data, &p) == nil {
		if p.Code != "" {
			e.Code = p.Code
		}
		e.Reason = p.Reason
		e.Detail = p.Detail
		if e.Detail == "" {
			e.Detail = p.Title
		}
		if p.RequestID != "" {
			e.RequestID = p.RequestID
		}
		for _, fe := range p.Errors {
			e.Fields = append(e.Fields, FieldError{Field: strings.TrimPrefix(fe.Location, "body."), Message: fe.Message})
		}
	}
	if e.Detail == "" {
		e.Detail = http.StatusText(resp.StatusCode)
	}
	return e
}

// codeOfStatus guesses the code of a response without a problem document.
func codeOfStatus(status int) string {
	switch status {
	case http.StatusBadRequest, http.StatusUnprocessableEntity, http.StatusRequestEntityTooLarge,
		http.StatusUnsupportedMediaType:
		return CodeInvalid
	case http.StatusNotFound:
		return CodeNotFound
	case http.StatusConflict:
		return CodeConflict
	case http.StatusUnauthorized:
		return CodeUnauthorized
	case http.StatusForbidden:
		return CodeForbidden
	case http.StatusTooManyRequests:
		return CodeRateLimited
	case http.StatusServiceUnavailable, http.StatusBadGateway, http.StatusGatewayTimeout:
		return CodeUnavailable
	}
	return CodeInternal
}

func jsonDecode(r io.Reader, out any) error { return json.NewDecoder(r).Decode(out) }

// NewClientID returns a random client ID (26 characters, 130 bits) for
// SendInput.ClientID.
func NewClientID() string { return rand.Text() }

// pathf builds a path from a format and path segments, escaping each.
func pathf(format string, ids ...string) string {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = url.PathEscape(id)
	}
	return fmt.Sprintf(format, args...)
}
