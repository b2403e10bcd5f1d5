package httpapi

import (
	"context"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/danielgtaylor/huma/v2"
)

// readyTimeout bounds each readiness check.
const readyTimeout = 2 * time.Second

func (s *server) healthRoutes() {
	tags := []string{"Operations"}
	register(s, huma.Operation{
		OperationID: "healthz", Method: http.MethodGet, Path: "/healthz", Tags: tags,
		Summary:     "Liveness",
		Description: "Answers 200 while the process is alive, whatever the state of its dependencies.",
	}, public, s.healthz)
	register(s, huma.Operation{
		OperationID: "readyz", Method: http.MethodGet, Path: "/readyz", Tags: tags,
		Summary:     "Readiness",
		Description: "Answers 200 when every dependency (database, bus) answers within 2 s, else 503 naming the failing ones.",
	}, public, s.readyz)
}

type healthView struct {
	Status string `json:"status" enum:"ok,unavailable"`
	// Failing names the checks that failed (readiness only).
	Failing []string `json:"failing,omitempty" doc:"Names of the failing checks."`
}

type healthOutput struct {
	Status int
	Body   healthView
}

func (s *server) healthz(context.Context, *struct{}) (*healthOutput, error) {
	return &healthOutput{Status: http.StatusOK, Body: healthView{Status: "ok"}}, nil
}

func (s *server) readyz(ctx context.Context, _ *struct{}) (*healthOutput, error) {
	failed := make([]bool, len(s.cfg.ReadyChecks))
	var wg sync.WaitGroup
	for i, c := range s.cfg.ReadyChecks {
		wg.Go(func() {
			cctx, cancel := context.WithTimeout(ctx, readyTimeout)
			defer cancel()
			err := c.Func(cctx)
			failed[i] = err != nil
			s.readiness.record(ctx, s.logger, c.Name, err)
		})
	}
	wg.Wait()
	out := &healthOutput{Status: http.StatusOK, Body: healthView{Status: "ok"}}
	for i, c := range s.cfg.ReadyChecks {
		if failed[i] {
			out.Status, out.Body.Status = http.StatusServiceUnavailable, "unavailable"
			out.Body.Failing = append(out.Body.Failing, c.Name)
		}
	}
	return out, nil
}

// readiness remembers which checks failed at their last run, so that a
// failing dependency is logged once when it starts failing (at error
// level) and once when it recovers — not at every probe, which a load
// balancer sends every few seconds.
type readiness struct {
	mu      sync.Mutex
	failing map[string]bool
}

// record notes the outcome of the check name and logs a change of state.
func (r *readiness) record(ctx context.Context, logger *slog.Logger, name string, err error) {
	r.mu.Lock()
	was := r.failing[name]
	if r.failing == nil {
		r.failing = map[string]bool{}
	}
	r.failing[name] = err != nil
	r.mu.Unlock()
	switch {
	case err != nil && !was:
		logger.ErrorContext(ctx, "readiness check failing; /readyz answers 503 until it recovers", "check", name, "err", err)
	case err == nil && was:
		logger.InfoContext(ctx, "readiness check recovered", "check", name)
	}
}
