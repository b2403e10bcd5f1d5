package httpapi

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/secret"
)

// requestIDPattern is what an incoming X-Request-ID must look like to be
// kept; anything else is replaced by a generated id.
var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// requestInfo is what the outermost middleware learns about a request and
// hands down in its context.
type requestInfo struct {
	id     string
	ip     string
	host   string       // the Host the request was sent to
	tls    bool         // whether it came over TLS
	logger *slog.Logger // carries request_id
}

type requestKey struct{}

// requestFrom returns the request's info; outside a request (never in
// practice) an empty one.
func requestFrom(ctx context.Context) *requestInfo {
	if info, ok := ctx.Value(requestKey{}).(*requestInfo); ok {
		return info
	}
	return &requestInfo{}
}

// log returns the logger of the request in ctx, which adds its request id
// to every line.
func (s *server) log(ctx context.Context) *slog.Logger {
	if l := requestFrom(ctx).logger; l != nil {
		return l
	}
	return s.logger
}

// observe is the outermost middleware: it assigns the request id (echoed
// in X-Request-ID), finds the client IP, and after the request logs it and
// records its metrics under the ServeMux pattern that matched.
func (s *server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-ID")
		if !requestIDPattern.MatchString(id) {
			id = secret.NewToken("")[:16] // 96 random bits
		}
		w.Header().Set("X-Request-ID", id)
		info := &requestInfo{id: id, ip: s.clientIP(r), host: r.Host, tls: r.TLS != nil, logger: s.logger.With("request_id", id)}
		r = r.WithContext(context.WithValue(r.Context(), requestKey{}, info))
		sw := &statusWriter{ResponseWriter: w}

		next.ServeHTTP(sw, r) // the ServeMux sets r.Pattern

		status := sw.status
		if status == 0 {
			status = http.StatusOK
		}
		route := routeLabel(r.Pattern)
		elapsed := time.Since(start)
		s.metrics.observe(r.Method, route, status, elapsed)
		level := slog.LevelInfo
		switch {
		case probeRoute(route) && (status < 400 || status == http.StatusServiceUnavailable):
			// Polled every few seconds; /readyz logs a failing check
			// once as it starts and ends (readiness).
			level = slog.LevelDebug
		case status >= 500:
			level = slog.LevelError
		}
		info.logger.LogAttrs(r.Context(), level, "http request",
			slog.String("method", r.Method),
			slog.String("route", route),
			slog.Int("status", status),
			slog.Duration("duration", elapsed),
			slog.Int64("bytes", sw.bytes),
			slog.String("client_ip", info.ip),
		)
	})
}

// routeLabel turns a ServeMux pattern ("GET /api/v1/agents/{id}") into the
// route of logs and metrics ("/api/v1/agents/{id}"); requests that matched
// nothing share "unmatched", so that labels stay few.
func routeLabel(pattern string) string {
	if pattern == "" {
		return "unmatched"
	}
	if _, path, ok := strings.Cut(pattern, " "); ok {
		return path
	}
	return pattern
}

// probeRoute reports whether route is polled by machines every few seconds,
// so that its successes are logged at debug level only.
func probeRoute(route string) bool {
	switch route {
	case "/healthz", "/readyz", "/metrics":
		return true
	}
	return false
}

// recoverPanics turns a panic in a handler into a logged 500 problem.
func (s *server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			ctx := r.Context()
			s.log(ctx).ErrorContext(ctx, "panic serving request", "panic", v, "stack", string(debug.Stack()))
			if sw, ok := w.(*statusWriter); ok && sw.status != 0 {
				return // the response has begun; nothing sensible to add
			}
			writeProblem(w, &problem{
				Title:     http.StatusText(http.StatusInternalServerError),
				Status:    http.StatusInternalServerError,
				Detail:    "Internal error.",
				Code:      parley.EINTERNAL,
				RequestID: requestFrom(ctx).id,
			})
		}()
		next.ServeHTTP(w, r)
	})
}

// clientIP returns the caller's IP: with TrustProxy the last hop of
// X-Forwarded-For (the address our proxy saw), else the connection's.
func (s *server) clientIP(r *http.Request) string {
	if s.cfg.TrustProxy {
		if hops := r.Header.Values("X-Forwarded-For"); len(hops) > 0 {
			last := hops[len(hops)-1]
			if i := strings.LastIndexByte(last, ','); i >= 0 {
				last = last[i+1:]
			}
			if ip, err := netip.ParseAddr(strings.TrimSpace(last)); err == nil {
				return ip.String()
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// statusWriter records the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap gives http.ResponseController access to the underlying writer
// (flushing, deadlines).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
