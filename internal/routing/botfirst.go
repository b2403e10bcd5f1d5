package routing

import (
	"context"
	"errors"

	"github.com/parleychat/parley"
)

// routeToBot gives the pending conversations of a queue of strategy bot
// to its bot, at any hour and whatever the bot's presence or load, and
// returns how many. Without a bot they wait.
func (r *Router) routeToBot(ctx context.Context, q *parley.Queue) (int, error) {
	if q.BotID == "" {
		return 0, nil
	}
	assigned := 0
	for {
		convs, err := r.cfg.Store.NextPending(ctx, q.WorkspaceID, q.ID, batch)
		if err != nil || len(convs) == 0 {
			return assigned, err
		}
		progress := false
		for _, c := range convs {
			_, ev, err := r.cfg.Store.AssignConversation(ctx, q.WorkspaceID, c.ID, q.BotID, r.system)
			switch code := parley.ErrorCode(err); {
			case err == nil:
				r.cfg.Publish(ev)
				assigned++
				progress = true
			case code == parley.ECONFLICT:
				// Taken or changed meanwhile.
			case code == parley.EINVALID || code == parley.ENOTFOUND:
				// The bot is disabled or gone: the conversations wait.
				r.cfg.Logger.Warn("routing: the queue's bot cannot take conversations", "queue", q.ID, "bot", q.BotID, "err", err)
				return assigned, nil
			default:
				return assigned, err
			}
		}
		if !progress {
			return assigned, nil
		}
	}
}

// handOffSilentBots hands off the conversations whose bot has left the
// visitor waiting longer than its queue's bot timeout.
func (r *Router) handOffSilentBots(ctx context.Context) error {
	if r.cfg.HandOffSilentBot == nil {
		return nil
	}
	silent, err := r.cfg.Store.SilentBots(ctx, r.cfg.Now())
	if err != nil {
		return err
	}
	var errs []error
	for _, sb := range silent {
		if err := r.cfg.HandOffSilentBot(ctx, sb); err != nil && parley.ErrorCode(err) != parley.ECONFLICT {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
