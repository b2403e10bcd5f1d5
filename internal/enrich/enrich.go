// Package enrich calls a workspace's context endpoints (see
// parley.ContextEndpoint) when an agent opens a conversation, and turns
// their answers into the rows, link lists and time series of the console's
// contact panel.
//
// Every call goes through the SSRF-safe client of internal/outbound, is
// signed with the endpoint's secret (Standard Webhooks, internal/stdwebhook),
// is bounded by a timeout and a size limit, and its answer is checked
// before anyone sees it: texts follow the text rule and have bounded sizes,
// links are http(s) only. Endpoints are called concurrently; one that is
// slow or failing yields an error for its own section only. Successful
// answers are cached briefly, keyed by everything the request carries.
//
// The request, a POST with a JSON body:
//
//	{"type": "context.request", "endpoint_id": "…", "workspace_id": "…",
//	 "conversation": {"id": "…", "inbox_id": "…"},
//	 "contact": {"id": "…", "external_id": "…", "email": "…", "phone": "…", "name": "…", "verified": true},
//	 "agent": {"id": "…", "email": "…", "name": "…"},           // null for an API token
//	 "range": {"start": "2026-12-01T00:00:00Z", "end": "…"}}   // statistics endpoints only
//
// The answer (ChimpAssist's formats), a JSON array:
//
//	[{"label": "Plan", "value": "Gold"},
//	 {"label": "Tickets", "value": [{"url": "https://…", "label": "…"}]},
//	 {"label": "Orders", "value": [{"x": "2026-12-01", "y": 3}]}]
package enrich

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/outbound"
	"github.com/parleychat/parley/internal/stdwebhook"
)

// Defaults and limits.
const (
	DefaultTimeout  = 5 * time.Second
	DefaultCacheTTL = 30 * time.Second

	// MaxAnswerBytes bounds an endpoint's answer.
	MaxAnswerBytes = 256 << 10
	// MaxEntries bounds the entries of one answer, MaxLinks the links of
	// one entry, MaxPoints the points of one series.
	MaxEntries = 50
	MaxLinks   = 50
	MaxPoints  = 500
	// MaxLabelBytes bounds a label (of an entry or a link) and a point's
	// x; MaxTextBytes a text value; MaxURLBytes a link's URL.
	MaxLabelBytes = 200
	MaxXBytes     = 64
	MaxTextBytes  = 2000
	MaxURLBytes   = 2048
	// MaxRange is the longest date range a statistics request may cover.
	MaxRange = 366 * 24 * time.Hour

	// MaxInFlight bounds the calls to one endpoint under way on this node:
	// more are refused at once (ReasonBusy) rather than piling up on an
	// endpoint that is slow.
	MaxInFlight = 8

	maxCacheEntries = 4096
)

// Reasons of an endpoint's error (parley.Error.Reason), stable for programs
// to match.
const (
	ReasonTimeout = "context_timeout" // no whole answer within the timeout
	ReasonRefused = "context_refused" // the URL leads to an address Parley does not connect to
	ReasonFailed  = "context_failed"  // unreachable, or a status other than 200
	ReasonAnswer  = "context_answer"  // a 200 whose body breaks the contract
	ReasonBusy    = "context_busy"    // MaxInFlight calls to the endpoint are under way already
)

// Kinds of entries.
const (
	KindText   = "text"
	KindLinks  = "links"
	KindSeries = "series"
)

// Store is what the service reads.
type Store interface {
	ListContextEndpoints(ctx context.Context, workspaceID string) ([]*parley.ContextEndpoint, error)
}

// Config configures a Service. Store is required.
type Config struct {
	Store Store
	// Outbound makes the calls; default a client with no allow-list.
	Outbound *outbound.Client
	Timeout  time.Duration // per endpoint; default DefaultTimeout
	CacheTTL time.Duration // default DefaultCacheTTL; negative disables the cache
	Now      func() time.Time
	Logger   *slog.Logger
}

// Service calls context endpoints. It is safe for concurrent use.
type Service struct {
	store    Store
	out      *outbound.Client
	timeout  time.Duration
	cacheTTL time.Duration
	now      func() time.Time
	logger   *slog.Logger

	mu       sync.Mutex
	cache    map[string]cached
	inFlight map[string]int // endpoint ID → calls under way
}

type cached struct {
	res     Result
	expires time.Time
}

// New returns a Service.
func New(cfg Config) (*Service, error) {
	if cfg.Store == nil {
		return nil, errors.New("enrich: Store is required")
	}
	s := &Service{store: cfg.Store, out: cfg.Outbound, timeout: cfg.Timeout, cacheTTL: cfg.CacheTTL,
		now: cfg.Now, logger: cfg.Logger, cache: map[string]cached{}, inFlight: map[string]int{}}
	if s.logger == nil {
		s.logger = slog.Default()
	}
	if s.out == nil {
		var err error
		if s.out, err = outbound.New(outbound.Config{Logger: s.logger}); err != nil {
			return nil, err
		}
	}
	if s.timeout <= 0 {
		s.timeout = DefaultTimeout
	}
	if s.cacheTTL == 0 {
		s.cacheTTL = DefaultCacheTTL
	}
	if s.now == nil {
		s.now = time.Now
	}
	return s, nil
}

// CheckURL checks an endpoint's URL when it is saved, by the outbound
// rules: EINVALID with an outbound.ReasonURL* reason.
func (s *Service) CheckURL(ctx context.Context, raw string) error { return s.out.CheckURL(ctx, raw) }

// NewSecret returns a fresh signing secret.
func NewSecret() string { return stdwebhook.NewSecret() }

// Request is what the endpoints are asked about.
type Request struct {
	Conversation *parley.Conversation
	Contact      *parley.Contact
	Agent        *parley.Agent // nil when an API token asks
	// Start and End bound the statistics endpoints' data.
	Start, End time.Time
	// EndpointID, when set, limits the call to that one endpoint (none if
	// it does not apply to the conversation's inbox).
	EndpointID string
}

// Result is one endpoint's answer, or its error.
type Result struct {
	Endpoint  *parley.ContextEndpoint
	Entries   []Entry
	Err       *parley.Error // nil on success
	FetchedAt time.Time
}

// Entry is one item of an answer: a text row, a list of links, or a
// series of points.
type Entry struct {
	Label  string
	Kind   string // KindText, KindLinks or KindSeries
	Text   string
	Links  []Link
	Points []Point
}

// Link is one item of a list of links; its URL is http or https.
type Link struct {
	Label string
	URL   string
}

// Point is one point of a time series; X is as the endpoint wrote it.
type Point struct {
	X string
	Y float64
}

// Fetch calls the endpoints that apply to the conversation's inbox (only
// the one named by req.EndpointID, if set), concurrently, and returns one
// Result each, in the order the endpoints were created. It returns when every endpoint has answered or timed out;
// only a failure to list the endpoints is an error.
func (s *Service) Fetch(ctx context.Context, req Request) ([]Result, error) {
	all, err := s.store.ListContextEndpoints(ctx, req.Conversation.WorkspaceID)
	if err != nil {
		return nil, err
	}
	var eps []*parley.ContextEndpoint
	for _, e := range all {
		if (e.InboxID == "" || e.InboxID == req.Conversation.InboxID) && (req.EndpointID == "" || e.ID == req.EndpointID) {
			eps = append(eps, e)
		}
	}
	results := make([]Result, len(eps))
	var wg sync.WaitGroup
	for i, e := range eps {
		wg.Go(func() { results[i] = s.fetchOne(ctx, e, req) })
	}
	wg.Wait()
	return results, nil
}

func (s *Service) fetchOne(ctx context.Context, e *parley.ContextEndpoint, req Request) Result {
	key := s.cacheKey(e, req)
	if res, ok := s.cached(key); ok {
		return res
	}
	if !s.acquire(e.ID) {
		s.logger.WarnContext(ctx, "context endpoint busy: calls refused", "endpoint", e.ID, "in_flight", MaxInFlight)
		return Result{Endpoint: e, FetchedAt: s.now(),
			Err: failed(ReasonBusy, "The endpoint is busy answering earlier requests; try again in a moment.")}
	}
	entries, perr := func() ([]Entry, *parley.Error) {
		defer s.release(e.ID)
		return s.call(ctx, e, req)
	}()
	res := Result{Endpoint: e, Entries: entries, Err: perr, FetchedAt: s.now()}
	if perr == nil {
		s.store1(key, res)
	}
	return res
}

// acquire counts a call to the endpoint, unless MaxInFlight are under way.
func (s *Service) acquire(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.inFlight[id] >= MaxInFlight {
		return false
	}
	s.inFlight[id]++
	return true
}

func (s *Service) release(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.inFlight[id]--; s.inFlight[id] <= 0 {
		delete(s.inFlight, id)
	}
}

// cacheKey holds everything the request carries, so that a cached answer
// is one the endpoint gave to the same question.
func (s *Service) cacheKey(e *parley.ContextEndpoint, req Request) string {
	agent := ""
	if req.Agent != nil {
		agent = req.Agent.ID + "@" + strconv.FormatInt(req.Agent.UpdatedAt.UnixMicro(), 10)
	}
	k := fmt.Sprintf("%s@%d|%s|%s@%d|%s", e.ID, e.UpdatedAt.UnixMicro(), req.Conversation.ID,
		req.Contact.ID, req.Contact.UpdatedAt.UnixMicro(), agent)
	if e.Statistics {
		k += fmt.Sprintf("|%d-%d", req.Start.Unix(), req.End.Unix())
	}
	return k
}

func (s *Service) cached(key string) (Result, bool) {
	if s.cacheTTL < 0 {
		return Result{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.cache[key]
	if !ok || !s.now().Before(c.expires) {
		return Result{}, false
	}
	return c.res, true
}

func (s *Service) store1(key string, res Result) {
	if s.cacheTTL < 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if len(s.cache) >= maxCacheEntries {
		for k, c := range s.cache {
			if !now.Before(c.expires) {
				delete(s.cache, k)
			}
		}
		if len(s.cache) >= maxCacheEntries {
			clear(s.cache) // bounded: start over rather than grow
		}
	}
	s.cache[key] = cached{res: res, expires: now.Add(s.cacheTTL)}
}

// Wire forms of the request.
type (
	wireRequest struct {
		Type         string           `json:"type"`
		EndpointID   string           `json:"endpoint_id"`
		WorkspaceID  string           `json:"workspace_id"`
		Conversation wireConversation `json:"conversation"`
		Contact      wireContact      `json:"contact"`
		Agent        *wireAgent       `json:"agent"`
		Range        *wireRange       `json:"range,omitempty"`
	}
	wireConversation struct {
		ID      string `json:"id"`
		InboxID string `json:"inbox_id"`
	}
	wireContact struct {
		ID         string `json:"id"`
		ExternalID string `json:"external_id"`
		Email      string `json:"email"`
		Phone      string `json:"phone"`
		Name       string `json:"name"`
		Verified   bool   `json:"verified"`
	}
	wireAgent struct {
		ID    string `json:"id"`
		Email string `json:"email"`
		Name  string `json:"name"`
	}
	wireRange struct {
		Start time.Time `json:"start"`
		End   time.Time `json:"end"`
	}
)

func requestBody(e *parley.ContextEndpoint, req Request) []byte {
	c := req.Contact
	w := wireRequest{
		Type: "context.request", EndpointID: e.ID, WorkspaceID: e.WorkspaceID,
		Conversation: wireConversation{ID: req.Conversation.ID, InboxID: req.Conversation.InboxID},
		Contact: wireContact{ID: c.ID, ExternalID: c.ExternalID, Email: c.Email, Phone: c.Phone,
			Name: c.Name, Verified: c.Verified},
	}
	if a := req.Agent; a != nil {
		w.Agent = &wireAgent{ID: a.ID, Email: a.Email, Name: a.Name}
	}
	if e.Statistics {
		w.Range = &wireRange{Start: req.Start.UTC(), End: req.End.UTC()}
	}
	b, _ := json.Marshal(w) // plain strings, times and bools: cannot fail
	return b
}

// call makes the request and checks the answer.
func (s *Service) call(ctx context.Context, e *parley.ContextEndpoint, req Request) ([]Entry, *parley.Error) {
	key, err := stdwebhook.ParseSecret(e.Secret)
	if err != nil {
		s.logger.ErrorContext(ctx, "context endpoint has an unusable secret", "endpoint", e.ID)
		return nil, failed(ReasonFailed, "The endpoint's signing secret is unusable; rotate it.")
	}
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	body := requestBody(e, req)
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, e.URL, bytes.NewReader(body))
	if err != nil {
		return nil, failed(ReasonFailed, "The endpoint's URL is not usable.")
	}
	hr.Header.Set("Content-Type", "application/json")
	hr.Header.Set("Accept", "application/json")
	hr.Header.Set("User-Agent", "Parley-Context/1")
	stdwebhook.SetHeaders(hr.Header, [][]byte{key}, "msg_"+randomID(), s.now(), body)
	resp, err := s.out.Do(hr)
	if err != nil {
		return nil, s.transportError(ctx, e, err)
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusNoContent:
		return []Entry{}, nil
	default:
		s.logger.WarnContext(ctx, "context endpoint answered an unexpected status", "endpoint", e.ID, "status", resp.StatusCode)
		return nil, failed(ReasonFailed, fmt.Sprintf("The endpoint answered HTTP %d.", resp.StatusCode))
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, MaxAnswerBytes+1))
	if err != nil {
		return nil, s.transportError(ctx, e, err)
	}
	if len(data) > MaxAnswerBytes {
		return nil, failed(ReasonAnswer, fmt.Sprintf("The endpoint's answer is larger than %d KiB.", MaxAnswerBytes>>10))
	}
	entries, err := parseAnswer(data)
	if err != nil {
		s.logger.WarnContext(ctx, "context endpoint answered a body that is not the contract's", "endpoint", e.ID, "err", err)
		return nil, failed(ReasonAnswer, "The endpoint's answer is not in the expected format: "+err.Error()+".")
	}
	return entries, nil
}

// transportError classifies a failed request or body read.
func (s *Service) transportError(ctx context.Context, e *parley.ContextEndpoint, err error) *parley.Error {
	switch {
	case errors.Is(err, outbound.ErrRefused):
		s.logger.WarnContext(ctx, "context endpoint refused (internal address)", "endpoint", e.ID, "err", err)
		return failed(ReasonRefused, "The endpoint's address is internal; Parley does not connect to it unless the server's outbound allow-list (PARLEY_OUTBOUND_ALLOW) includes it.")
	case errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil || isTimeout(err):
		s.logger.WarnContext(ctx, "context endpoint timed out", "endpoint", e.ID, "timeout", s.timeout)
		return failed(ReasonTimeout, fmt.Sprintf("The endpoint did not answer within %s.", s.timeout))
	case errors.Is(err, outbound.ErrTooLarge):
		return failed(ReasonAnswer, "The endpoint's answer is too large.")
	}
	s.logger.WarnContext(ctx, "context endpoint unreachable", "endpoint", e.ID, "err", err)
	return failed(ReasonFailed, "The endpoint cannot be reached.")
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

func failed(reason, msg string) *parley.Error {
	return &parley.Error{Code: parley.EUNAVAILABLE, Reason: reason, Message: msg}
}

func randomID() string {
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b)
}
