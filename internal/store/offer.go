package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/parleychat/parley"
)

const offerColumns = `id, workspace_id, conversation_id, queue_id, agent_id, state, reason, offered_at, expires_at, ended_at`

func scanOffer(row scanner) (*parley.Offer, error) {
	var (
		o                parley.Offer
		offered, expires int64
		ended            sql.NullInt64
	)
	if err := row.Scan(&o.ID, &o.WorkspaceID, &o.ConversationID, &o.QueueID, &o.AgentID, &o.State, &o.Reason,
		&offered, &expires, &ended); err != nil {
		return nil, err
	}
	o.OfferedAt, o.ExpiresAt, o.EndedAt = fromMicros(offered), fromMicros(expires), fromNullMicros(ended)
	return &o, nil
}

// openOffers counts an agent's open offers in SQL, for capacity: an
// offered conversation is held until it is answered.
const openOffersOf = `(SELECT COUNT(*) FROM routing_offers o WHERE o.agent_id = %s AND o.state = 'open')`

// offerEvent writes an offer's event with the conversation as it is.
func offerEvent(ctx context.Context, tx runner, typ parley.EventType, o *parley.Offer, by parley.Participant, at time.Time) (*parley.Event, error) {
	conv, err := findConversation(ctx, tx, o.WorkspaceID, o.ConversationID)
	if err != nil {
		return nil, err
	}
	return insertEvent(ctx, tx, o.WorkspaceID, typ, o.ConversationID,
		parley.ConversationEventData{Conversation: conv, By: by, Offer: o}, at)
}

var systemParticipant = parley.Participant{Type: parley.ParticipantSystem}

// OfferConversation offers a pending conversation to an agent.
func (s *Store) OfferConversation(ctx context.Context, workspaceID, id, agentID string, opt parley.RouteOptions, timeout time.Duration) (*parley.Offer, *parley.Event, error) {
	if !storable(workspaceID, id, agentID, opt.QueueID) || opt.QueueID == "" {
		return nil, nil, notFound("Agent or conversation")
	}
	var (
		o  *parley.Offer
		ev *parley.Event
	)
	err := s.inTx(ctx, func(tx runner) error {
		if err := lockAgentForRouting(ctx, tx, workspaceID, agentID, opt, true,
			"The agent holds %d conversations and offers, its capacity."); err != nil {
			return err
		}
		var (
			status  parley.ConversationStatus
			queueID sql.NullString
		)
		err := tx.queryRow(ctx, `SELECT status, queue_id FROM conversations WHERE workspace_id = ? AND id = ?`+
			tx.dialect.forUpdate(), workspaceID, id).Scan(&status, &queueID)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("Conversation")
		} else if err != nil {
			return fmt.Errorf("offer conversation: %w", err)
		}
		if status != parley.StatusPending || queueID.String != opt.QueueID {
			return parley.Errorf(parley.ECONFLICT, "The conversation is not waiting in this queue.")
		}
		now := s.now()
		o = &parley.Offer{ID: newID(), WorkspaceID: workspaceID, ConversationID: id, QueueID: opt.QueueID, AgentID: agentID,
			State: parley.OfferOpen, OfferedAt: now.UTC().Truncate(time.Microsecond),
			ExpiresAt: now.Add(timeout).UTC().Truncate(time.Microsecond)}
		_, err = tx.exec(ctx, `INSERT INTO routing_offers (`+offerColumns+`) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, NULL)`,
			o.ID, workspaceID, id, o.QueueID, agentID, o.State, o.OfferedAt.UnixMicro(), o.ExpiresAt.UnixMicro())
		if isUniqueViolation(err) {
			return parley.Errorf(parley.ECONFLICT, "The conversation is offered already.")
		} else if err != nil {
			return fmt.Errorf("offer conversation: %w", err)
		}
		if !opt.DeferCursor {
			if _, err := tx.exec(ctx, `UPDATE queues SET last_agent_id = ? WHERE workspace_id = ? AND id = ?`,
				agentID, workspaceID, opt.QueueID); err != nil {
				return fmt.Errorf("offer conversation: %w", err)
			}
		}
		ev, err = offerEvent(ctx, tx, parley.EventConversationOffered, o, systemParticipant, now)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return o, ev, nil
}

// errNoOffer is the answer to an agent answering an offer it does not have.
func errNoOffer(msg string) error {
	return &parley.Error{Code: parley.ECONFLICT, Reason: "no_offer", Message: msg}
}

// AnswerOffer accepts or declines the open offer of a conversation.
func (s *Store) AnswerOffer(ctx context.Context, workspaceID, id, agentID string, accept bool, reason string, now time.Time) (*parley.Conversation, []*parley.Event, error) {
	if !storable(workspaceID, id, agentID, reason) {
		return nil, nil, notFound("Conversation")
	}
	var (
		conv      *parley.Conversation
		events    []*parley.Event
		withdrawn bool
	)
	err := s.inTx(ctx, func(tx runner) error {
		if _, err := findConversation(ctx, tx, workspaceID, id); err != nil {
			return err
		}
		o, err := scanOffer(tx.queryRow(ctx, `SELECT `+offerColumns+` FROM routing_offers
			WHERE workspace_id = ? AND conversation_id = ? AND state = ?`+tx.dialect.forUpdate(),
			workspaceID, id, parley.OfferOpen))
		if errors.Is(err, sql.ErrNoRows) || (err == nil && o.AgentID != agentID) {
			return errNoOffer("The conversation is not offered to you.")
		} else if err != nil {
			return fmt.Errorf("answer offer: %w", err)
		}
		if !now.Before(o.ExpiresAt) {
			return &parley.Error{Code: parley.ECONFLICT, Reason: "expired", Message: "The offer has expired."}
		}
		state := parley.OfferDeclined
		if accept {
			state = parley.OfferAccepted
		}
		ended := s.now().UTC().Truncate(time.Microsecond)
		o.EndedAt = &ended
		if accept {
			u := assign(agentID, ended.UnixMicro())
			u.where += ` AND queue_id = ?`
			u.whereArgs = append(u.whereArgs, o.QueueID)
			c, ev, err := s.compareAndSetTx(ctx, tx, workspaceID, id, s.agentParticipant(agentID), u)
			if parley.ErrorCode(err) == parley.ECONFLICT {
				// Taken, moved or resolved meanwhile: the offer ends.
				withdrawn, state = true, parley.OfferWithdrawn
			} else if err != nil {
				return err
			} else {
				conv, events = c, append(events, ev)
			}
		}
		o.State = state
		if !accept {
			o.Reason = reason
		}
		if _, err := tx.exec(ctx, `UPDATE routing_offers SET state = ?, reason = ?, ended_at = ? WHERE id = ?`,
			o.State, o.Reason, ended.UnixMicro(), o.ID); err != nil {
			return fmt.Errorf("answer offer: %w", err)
		}
		if withdrawn {
			return nil
		}
		typ := parley.EventConversationOfferDeclined
		if accept {
			typ = parley.EventConversationOfferAccepted
		}
		ev, err := offerEvent(ctx, tx, typ, o, s.agentParticipant(agentID), ended)
		if err != nil {
			return err
		}
		events = append(events, ev)
		if conv == nil {
			conv, err = findConversation(ctx, tx, workspaceID, id)
		}
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	if withdrawn {
		return nil, nil, errNoOffer("The conversation was taken, moved or resolved meanwhile.")
	}
	return conv, events, nil
}

func (s *Store) agentParticipant(agentID string) parley.Participant {
	return parley.Participant{Type: parley.ParticipantAgent, ID: agentID}
}

// expireBatch bounds the offers ExpireOffers ends in one call.
const expireBatch = 256

// ExpireOffers ends the open offers past their time, and withdraws those
// whose conversation left the offer's queue or stopped waiting.
func (s *Store) ExpireOffers(ctx context.Context, now time.Time) ([]*parley.Event, error) {
	err := s.inTx(ctx, func(tx runner) error {
		_, err := tx.exec(ctx, `UPDATE routing_offers SET state = ?, ended_at = ?
			WHERE state = ? AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.id = routing_offers.conversation_id
			AND c.status = ? AND c.queue_id = routing_offers.queue_id)`,
			parley.OfferWithdrawn, s.now().UnixMicro(), parley.OfferOpen, parley.StatusPending)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("withdraw offers: %w", err)
	}
	due, err := queryAll(ctx, s.read(), scanOffer, `SELECT `+offerColumns+` FROM routing_offers
		WHERE state = ? AND expires_at <= ? ORDER BY expires_at LIMIT ?`, parley.OfferOpen, now.UnixMicro(), expireBatch)
	if err != nil {
		return nil, fmt.Errorf("expired offers: %w", err)
	}
	var events []*parley.Event
	for _, o := range due {
		err := s.inTx(ctx, func(tx runner) error {
			ended := s.now()
			res, err := tx.exec(ctx, `UPDATE routing_offers SET state = ?, ended_at = ? WHERE id = ? AND state = ?`,
				parley.OfferExpired, ended.UnixMicro(), o.ID, parley.OfferOpen)
			if err != nil {
				return fmt.Errorf("expire offer: %w", err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return nil // answered or expired by another node meanwhile
			}
			o.State = parley.OfferExpired
			e := ended.UTC().Truncate(time.Microsecond)
			o.EndedAt = &e
			ev, err := offerEvent(ctx, tx, parley.EventConversationOfferExpired, o, systemParticipant, ended)
			if err == nil {
				events = append(events, ev)
			}
			return err
		})
		if err != nil {
			return events, err
		}
	}
	return events, nil
}

// RefusedBy returns who declined or let lapse an offer of the
// conversation since it last became pending.
func (s *Store) RefusedBy(ctx context.Context, workspaceID, id string) ([]string, error) {
	if !storable(workspaceID, id) {
		return []string{}, nil
	}
	ids, err := queryAll(ctx, s.read(), func(row scanner) (string, error) {
		var a string
		return a, row.Scan(&a)
	}, `SELECT DISTINCT o.agent_id FROM routing_offers o JOIN conversations c ON c.id = o.conversation_id
		WHERE o.workspace_id = ? AND o.conversation_id = ? AND o.state IN (?, ?) AND o.offered_at >= COALESCE(c.queued_at, 0)
		ORDER BY o.agent_id`, workspaceID, id, parley.OfferDeclined, parley.OfferExpired)
	if err != nil {
		return nil, fmt.Errorf("refused by: %w", err)
	}
	return ids, nil
}

// OpenOffers returns the agent's open offers, oldest first.
func (s *Store) OpenOffers(ctx context.Context, workspaceID, agentID string) ([]*parley.Offer, error) {
	if !storable(workspaceID, agentID) {
		return []*parley.Offer{}, nil
	}
	items, err := queryAll(ctx, s.read(), scanOffer, `SELECT `+offerColumns+` FROM routing_offers
		WHERE workspace_id = ? AND agent_id = ? AND state = ? ORDER BY offered_at, id`, workspaceID, agentID, parley.OfferOpen)
	if err != nil {
		return nil, fmt.Errorf("open offers: %w", err)
	}
	return items, nil
}

// ReturnOfflineConversations puts back in their queue the conversations
// of queues with an offline return whose agent has been offline that long.
func (s *Store) ReturnOfflineConversations(ctx context.Context, now time.Time) ([]*parley.Event, error) {
	type held struct{ workspaceID, id, agentID string }
	due, err := queryAll(ctx, s.read(), func(row scanner) (held, error) {
		var h held
		return h, row.Scan(&h.workspaceID, &h.id, &h.agentID)
	}, `SELECT c.workspace_id, c.id, c.assignee_id FROM queues q
		JOIN conversations c ON c.workspace_id = q.workspace_id AND c.queue_id = q.id AND c.status = ?
		JOIN agents a ON a.id = c.assignee_id
		WHERE q.offline_return_ms > 0 AND a.presence = ? AND COALESCE(a.presence_at, 0) + q.offline_return_ms * 1000 <= ?
		ORDER BY c.id LIMIT ?`, parley.StatusAssigned, parley.PresenceOffline, now.UnixMicro(), expireBatch)
	if err != nil {
		return nil, fmt.Errorf("conversations of offline agents: %w", err)
	}
	var events []*parley.Event
	for _, h := range due {
		u := unassign(h.agentID)
		u.reason = parley.ReasonAgentOffline
		// Still offline when the change commits: an agent coming back
		// meanwhile keeps its conversations.
		u.where += ` AND EXISTS (SELECT 1 FROM agents a WHERE a.id = ? AND a.presence = ?)`
		u.whereArgs = append(slices.Clone(u.whereArgs), h.agentID, parley.PresenceOffline)
		_, ev, err := s.compareAndSet(ctx, h.workspaceID, h.id, systemParticipant, u)
		switch {
		case err == nil:
			events = append(events, ev)
		case parley.ErrorCode(err) == parley.ECONFLICT || parley.ErrorCode(err) == parley.ENOTFOUND:
			// Changed meanwhile.
		default:
			return events, err
		}
	}
	return events, nil
}
