package app

import (
	"context"
	"time"
)

// sweepSessions deletes expired console and visitor sessions and resume
// tokens every hour until ctx ends.
func (a *App) sweepSessions(ctx context.Context) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			a.sweep(ctx, "sessions", now, a.Store.DeleteExpiredSessions)
			a.sweep(ctx, "visitor sessions", now, a.Store.DeleteExpiredVisitorSessions)
			a.sweep(ctx, "resume tokens", now, a.Store.DeleteExpiredResumeTokens)
		}
	}
}

func (a *App) sweep(ctx context.Context, what string, now time.Time, del func(context.Context, time.Time) (int, error)) {
	if n, err := del(ctx, now); err != nil {
		a.Logger.Warn("delete expired "+what, "err", err)
	} else if n > 0 {
		a.Logger.Debug("deleted expired "+what, "count", n)
	}
}
