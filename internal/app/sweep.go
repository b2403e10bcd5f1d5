package app

import (
	"context"
	"time"
)

// sweepSessions deletes expired console and visitor sessions and resume
// tokens, and uploaded files never sent after Config.UnsentAttachmentTTL,
// at start and then every hour until ctx ends. What a sweep leaves (the
// node stopped) the next one deletes: the database holds all the state.
func (a *App) sweepSessions(ctx context.Context) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for now := time.Now(); ; {
		a.sweep(ctx, "sessions", now, a.Store.DeleteExpiredSessions)
		a.sweep(ctx, "visitor sessions", now, a.Store.DeleteExpiredVisitorSessions)
		a.sweep(ctx, "resume tokens", now, a.Store.DeleteExpiredResumeTokens)
		a.sweep(ctx, "unsent attachments", now, func(ctx context.Context, _ time.Time) (int, error) {
			return a.Conversations.SweepUnsentAttachments(ctx, a.Config.UnsentAttachmentTTL)
		})
		select {
		case <-ctx.Done():
			return
		case now = <-t.C:
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
