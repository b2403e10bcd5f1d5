package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/parleychat/parley"
)

const endpointColumns = `id, workspace_id, url, description, event_types, inbox_id, enabled, disabled_reason, rate_limit,
	notes, secret, previous_secret, previous_secret_until, failing_since, created_at, updated_at`

func scanEndpoint(row scanner) (*parley.WebhookEndpoint, error) {
	var (
		e                       parley.WebhookEndpoint
		types                   string
		inboxID                 *string
		prevUntil, failingSince sql.NullInt64
		createdAt, updatedAt    int64
		rateLimit               int64
	)
	if err := row.Scan(&e.ID, &e.WorkspaceID, &e.URL, &e.Description, &types, &inboxID, &e.Enabled, &e.DisabledReason,
		&rateLimit, &e.Notes, &e.Secret, &e.PreviousSecret, &prevUntil, &failingSince, &createdAt, &updatedAt); err != nil {
		return nil, err
	}
	if err := decodeJSON(types, &e.EventTypes); err != nil {
		return nil, err
	}
	e.InboxID, e.RateLimit = stringOrEmpty(inboxID), int(rateLimit)
	e.PreviousSecretUntil, e.FailingSince = fromNullMicros(prevUntil), fromNullMicros(failingSince)
	e.CreatedAt, e.UpdatedAt = fromMicros(createdAt), fromMicros(updatedAt)
	return &e, nil
}

// CreateWebhookEndpoint inserts e. Returns ENOTFOUND (workspace, inbox) or
// EINVALID past MaxWebhookEndpoints.
func (s *Store) CreateWebhookEndpoint(ctx context.Context, actor parley.Actor, e *parley.WebhookEndpoint) error {
	now, id := s.now(), newID()
	err := s.inTx(ctx, func(tx runner) error {
		return insertWebhookEndpoint(ctx, tx, actor, e, id, now)
	})
	if err != nil {
		return err
	}
	e.ID, e.CreatedAt, e.UpdatedAt = id, now, now
	e.DisabledReason, e.PreviousSecret, e.PreviousSecretUntil, e.FailingSince = "", "", nil, nil
	return nil
}

// insertWebhookEndpoint inserts e as id with its audit entry, in tx.
func insertWebhookEndpoint(ctx context.Context, tx runner, actor parley.Actor, e *parley.WebhookEndpoint, id string, now time.Time) error {
	types, err := encodeJSON(e.EventTypes)
	if err != nil {
		return err
	}
	if e.InboxID != "" {
		if err := mustExist(ctx, tx, "inboxes", "Inbox", e.WorkspaceID, e.InboxID); err != nil {
			return err
		}
	}
	var n int
	if err := tx.queryRow(ctx, `SELECT count(*) FROM webhook_endpoints WHERE workspace_id = ?`, e.WorkspaceID).Scan(&n); err != nil {
		return fmt.Errorf("count webhook endpoints: %w", err)
	}
	if n >= parley.MaxWebhookEndpoints {
		return parley.Errorf(parley.EINVALID, "A workspace holds at most %d webhook endpoints.", parley.MaxWebhookEndpoints)
	}
	_, err = tx.exec(ctx, `INSERT INTO webhook_endpoints (`+endpointColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, '', NULL, NULL, ?, ?)`,
		id, e.WorkspaceID, e.URL, e.Description, types, nullString(e.InboxID), e.Enabled, e.RateLimit, e.Notes, e.Secret,
		now.UnixMicro(), now.UnixMicro())
	switch {
	case isForeignKeyViolation(err):
		return notFound("Workspace")
	case err != nil:
		return fmt.Errorf("create webhook endpoint: %w", err)
	}
	return insertAudit(ctx, tx, parley.AuditEntry{
		WorkspaceID: e.WorkspaceID, Actor: actor, Action: "webhook.create", TargetType: "webhook", TargetID: id,
		Details: map[string]any{"url": e.URL, "event_types": e.EventTypes, "inbox_id": e.InboxID, "enabled": e.Enabled,
			"rate_limit": e.RateLimit},
		CreatedAt: now,
	})
}

// FindWebhookEndpoint returns ENOTFOUND.
func (s *Store) FindWebhookEndpoint(ctx context.Context, workspaceID, id string) (*parley.WebhookEndpoint, error) {
	return findEndpoint(ctx, s.read(), workspaceID, id)
}

func findEndpoint(ctx context.Context, r runner, workspaceID, id string) (*parley.WebhookEndpoint, error) {
	e, err := scanEndpoint(r.queryRow(ctx, `SELECT `+endpointColumns+` FROM webhook_endpoints WHERE workspace_id = ? AND id = ?`,
		workspaceID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Webhook endpoint")
	} else if err != nil {
		return nil, fmt.Errorf("find webhook endpoint: %w", err)
	}
	return e, nil
}

// ListWebhookEndpoints returns the workspace's endpoints, oldest first.
func (s *Store) ListWebhookEndpoints(ctx context.Context, workspaceID string) ([]*parley.WebhookEndpoint, error) {
	items, err := queryAll(ctx, s.read(), scanEndpoint,
		`SELECT `+endpointColumns+` FROM webhook_endpoints WHERE workspace_id = ? ORDER BY id`, workspaceID)
	if err != nil {
		return nil, fmt.Errorf("list webhook endpoints: %w", err)
	}
	return items, nil
}

// UpdateWebhookEndpoint changes the fields of upd. Returns ENOTFOUND.
func (s *Store) UpdateWebhookEndpoint(ctx context.Context, actor parley.Actor, workspaceID, id string, upd parley.WebhookEndpointUpdate) (*parley.WebhookEndpoint, error) {
	now := s.now()
	var e *parley.WebhookEndpoint
	err := s.inTx(ctx, func(tx runner) error {
		var err error
		if e, err = findEndpoint(ctx, tx, workspaceID, id); err != nil {
			return err
		}
		details := applyChanges(stringChange{"url", upd.URL, &e.URL}, stringChange{"description", upd.Description, &e.Description},
			stringChange{"inbox_id", upd.InboxID, &e.InboxID})
		if upd.InboxID != nil && *upd.InboxID != "" {
			if err := mustExist(ctx, tx, "inboxes", "Inbox", workspaceID, *upd.InboxID); err != nil {
				return err
			}
		}
		if upd.EventTypes != nil && strings.Join(*upd.EventTypes, ",") != strings.Join(e.EventTypes, ",") {
			e.EventTypes = *upd.EventTypes
			details["event_types"] = e.EventTypes
		}
		if upd.Enabled != nil && *upd.Enabled != e.Enabled {
			e.Enabled = *upd.Enabled
			details["enabled"] = e.Enabled
			if e.Enabled {
				e.DisabledReason, e.FailingSince = "", nil
			}
		}
		if upd.RateLimit != nil && *upd.RateLimit != e.RateLimit {
			e.RateLimit = *upd.RateLimit
			details["rate_limit"] = e.RateLimit
		}
		if upd.Notes != nil && *upd.Notes != e.Notes {
			e.Notes = *upd.Notes
			details["notes"] = e.Notes
		}
		if len(details) == 0 {
			return nil
		}
		types, err := encodeJSON(e.EventTypes)
		if err != nil {
			return err
		}
		e.UpdatedAt = now
		if _, err := tx.exec(ctx, `UPDATE webhook_endpoints SET url = ?, description = ?, event_types = ?, inbox_id = ?,
			enabled = ?, disabled_reason = ?, rate_limit = ?, notes = ?, failing_since = ?, updated_at = ?
			WHERE workspace_id = ? AND id = ?`, e.URL, e.Description, types, nullString(e.InboxID), e.Enabled, e.DisabledReason,
			e.RateLimit, e.Notes, nullMicros(e.FailingSince), now.UnixMicro(), workspaceID, id); err != nil {
			return fmt.Errorf("update webhook endpoint: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "webhook.update", TargetType: "webhook", TargetID: id,
			Details: details, CreatedAt: now,
		})
	})
	if err != nil {
		return nil, err
	}
	return e, nil
}

// DeleteWebhookEndpoint deletes the endpoint with its deliveries and log.
func (s *Store) DeleteWebhookEndpoint(ctx context.Context, actor parley.Actor, workspaceID, id string) error {
	return s.inTx(ctx, func(tx runner) error {
		e, err := findEndpoint(ctx, tx, workspaceID, id)
		if err != nil {
			return err
		}
		// Explicitly rather than by cascade, so that no engine depends on it.
		if _, err := tx.exec(ctx, `DELETE FROM webhook_attempts WHERE endpoint_id = ?`, id); err != nil {
			return fmt.Errorf("delete webhook attempts: %w", err)
		}
		if _, err := tx.exec(ctx, `DELETE FROM webhook_deliveries WHERE endpoint_id = ?`, id); err != nil {
			return fmt.Errorf("delete webhook deliveries: %w", err)
		}
		if _, err := tx.exec(ctx, `DELETE FROM webhook_endpoints WHERE workspace_id = ? AND id = ?`, workspaceID, id); err != nil {
			return fmt.Errorf("delete webhook endpoint: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "webhook.delete", TargetType: "webhook", TargetID: id,
			Details: map[string]any{"url": e.URL}, CreatedAt: s.now(),
		})
	})
}

// RotateWebhookSecret makes secret current; the old one signs until until.
func (s *Store) RotateWebhookSecret(ctx context.Context, actor parley.Actor, workspaceID, id, secret string, until time.Time) (*parley.WebhookEndpoint, error) {
	now := s.now()
	var e *parley.WebhookEndpoint
	err := s.inTx(ctx, func(tx runner) error {
		var err error
		if e, err = findEndpoint(ctx, tx, workspaceID, id); err != nil {
			return err
		}
		e.PreviousSecret, e.Secret, e.PreviousSecretUntil, e.UpdatedAt = e.Secret, secret, &until, now
		if _, err := tx.exec(ctx, `UPDATE webhook_endpoints SET secret = ?, previous_secret = ?, previous_secret_until = ?, updated_at = ?
			WHERE workspace_id = ? AND id = ?`, e.Secret, e.PreviousSecret, until.UnixMicro(), now.UnixMicro(), workspaceID, id); err != nil {
			return fmt.Errorf("rotate webhook secret: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "webhook.rotate_secret", TargetType: "webhook", TargetID: id,
			Details: map[string]any{"previous_secret_until": until.UTC().Format(time.RFC3339)}, CreatedAt: now,
		})
	})
	if err != nil {
		return nil, err
	}
	return e, nil
}

// SendWebhookPing writes a ping event, already dispatched, and its one
// delivery, to the endpoint.
func (s *Store) SendWebhookPing(ctx context.Context, actor parley.Actor, workspaceID, endpointID string) (*parley.WebhookDelivery, error) {
	now := s.now()
	var d *parley.WebhookDelivery
	err := s.inTx(ctx, func(tx runner) error {
		if _, err := findEndpoint(ctx, tx, workspaceID, endpointID); err != nil {
			return err
		}
		ev, err := insertEvent(ctx, tx, workspaceID, parley.EventPing, "", parley.PingEventData{EndpointID: endpointID}, now)
		if err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `UPDATE events SET dispatched_at = ? WHERE id = ?`, now.UnixMicro(), ev.ID); err != nil {
			return fmt.Errorf("ping: %w", err)
		}
		d = &parley.WebhookDelivery{
			ID: newID(), WorkspaceID: workspaceID, EndpointID: endpointID, EventID: ev.ID, EventType: parley.EventPing,
			Status: parley.DeliveryPending, NextAttemptAt: now, CreatedAt: now, UpdatedAt: now,
		}
		if err := insertDelivery(ctx, tx, d, ""); err != nil {
			return err
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "webhook.ping", TargetType: "webhook", TargetID: endpointID,
			Details: map[string]any{"event_id": ev.ID}, CreatedAt: now,
		})
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// insertDelivery inserts d unless the endpoint already has a delivery of
// its event; onConflict, when not "", is the DO UPDATE SET clause that
// applies instead.
func insertDelivery(ctx context.Context, tx runner, d *parley.WebhookDelivery, onConflict string) error {
	conflict := `DO NOTHING`
	if onConflict != "" {
		conflict = `DO UPDATE SET ` + onConflict
	}
	_, err := tx.exec(ctx, `INSERT INTO webhook_deliveries (id, workspace_id, endpoint_id, event_id, event_type, conversation_id,
		status, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (endpoint_id, event_id) `+conflict,
		d.ID, d.WorkspaceID, d.EndpointID, d.EventID, d.EventType, nullString(d.ConversationID), d.Status,
		d.NextAttemptAt.UnixMicro(), d.CreatedAt.UnixMicro(), d.UpdatedAt.UnixMicro())
	if err != nil {
		return fmt.Errorf("insert webhook delivery: %w", err)
	}
	return nil
}

// eventWithInbox is an outbox event and the inbox of its conversation.
type eventWithInbox struct {
	ev      *parley.Event
	inboxID string
}

func scanEventWithInbox(row scanner) (eventWithInbox, error) {
	var (
		e              parley.Event
		conversationID *string
		inboxID        *string
		payload        string
		createdAt      int64
	)
	if err := row.Scan(&e.ID, &e.WorkspaceID, &e.Type, &conversationID, &payload, &createdAt, &inboxID); err != nil {
		return eventWithInbox{}, err
	}
	e.ConversationID = stringOrEmpty(conversationID)
	e.Payload, e.CreatedAt = []byte(payload), fromMicros(createdAt)
	return eventWithInbox{ev: &e, inboxID: stringOrEmpty(inboxID)}, nil
}

const eventWithInboxColumns = `e.id, e.workspace_id, e.type, e.conversation_id, e.payload, e.created_at, c.inbox_id`

// FanOutEvents turns outbox events not yet dispatched into deliveries.
func (s *Store) FanOutEvents(ctx context.Context, limit int) (int, error) {
	// Most polls find nothing: look on the read pool first, so that they
	// never take the writer.
	var one int
	err := s.read().queryRow(ctx, `SELECT 1 FROM events WHERE dispatched_at IS NULL LIMIT 1`).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	} else if err != nil {
		return 0, fmt.Errorf("fan out: %w", err)
	}
	now := s.now()
	n := 0
	err = s.inBatchTx(ctx, func(tx runner) error {
		// The feed's counter first: its row lock makes fan-outs take turns
		// until they commit, so that feed numbers follow commit order.
		var last int64
		if err := tx.queryRow(ctx, `UPDATE event_feed SET last_seq = last_seq WHERE id = 1 RETURNING last_seq`).Scan(&last); err != nil {
			return fmt.Errorf("fan out: lock the feed: %w", err)
		}
		events, err := queryAll(ctx, tx, scanEventWithInbox, `SELECT `+eventWithInboxColumns+` FROM events e
			LEFT JOIN conversations c ON c.id = e.conversation_id
			WHERE e.dispatched_at IS NULL ORDER BY e.id LIMIT ?`, limit)
		if err != nil {
			return fmt.Errorf("fan out: %w", err)
		}
		if err := expandEventsWithInbox(ctx, tx, events); err != nil {
			return fmt.Errorf("fan out: %w", err)
		}
		if len(events) == 0 {
			return nil
		}
		// Numbered and marked dispatched at once, each by a statement of
		// one form (prepared once on SQLite: see inBatchTx).
		for i, x := range events {
			if _, err := tx.exec(ctx, `UPDATE events SET feed_seq = ?, dispatched_at = ? WHERE id = ? AND dispatched_at IS NULL`,
				last+int64(i)+1, now.UnixMicro(), x.ev.ID); err != nil {
				return fmt.Errorf("fan out: number the feed: %w", err)
			}
		}
		if _, err := tx.exec(ctx, `UPDATE event_feed SET last_seq = ? WHERE id = 1`, last+int64(len(events))); err != nil {
			return fmt.Errorf("fan out: advance the feed: %w", err)
		}
		endpoints := map[string][]*parley.WebhookEndpoint{}
		for _, x := range events {
			eps, ok := endpoints[x.ev.WorkspaceID]
			if !ok {
				eps, err = queryAll(ctx, tx, scanEndpoint, `SELECT `+endpointColumns+` FROM webhook_endpoints
					WHERE workspace_id = ? AND enabled = ? ORDER BY id`, x.ev.WorkspaceID, true)
				if err != nil {
					return fmt.Errorf("fan out: %w", err)
				}
				endpoints[x.ev.WorkspaceID] = eps
			}
			if len(eps) == 0 || x.ev.Type == parley.EventPing {
				continue
			}
			typ, ok := parley.WebhookEventType(x.ev)
			if !ok {
				continue
			}
			for _, ep := range eps {
				if ep.CreatedAt.After(x.ev.CreatedAt) || !ep.Wants(typ, x.inboxID) {
					continue
				}
				if err := insertDelivery(ctx, tx, &parley.WebhookDelivery{
					ID: newID(), WorkspaceID: x.ev.WorkspaceID, EndpointID: ep.ID, EventID: x.ev.ID, EventType: typ,
					ConversationID: x.ev.ConversationID, Status: parley.DeliveryPending, NextAttemptAt: now,
					CreatedAt: now, UpdatedAt: now,
				}, ""); err != nil {
					return err
				}
			}
		}
		n = len(events)
		return nil
	})
	return n, err
}

const deliveryColumns = `id, workspace_id, endpoint_id, event_id, event_type, conversation_id, status, attempts, tries,
	next_attempt_at, last_status_code, last_error, created_at, updated_at, delivered_at`

func scanDelivery(row scanner) (*parley.WebhookDelivery, error) {
	var (
		d                          parley.WebhookDelivery
		conversationID             *string
		attempts, tries, code      int64
		next, createdAt, updatedAt int64
		deliveredAt                sql.NullInt64
	)
	if err := row.Scan(&d.ID, &d.WorkspaceID, &d.EndpointID, &d.EventID, &d.EventType, &conversationID, &d.Status,
		&attempts, &tries, &next, &code, &d.LastError, &createdAt, &updatedAt, &deliveredAt); err != nil {
		return nil, err
	}
	d.ConversationID = stringOrEmpty(conversationID)
	d.Attempts, d.Tries, d.LastStatusCode = int(attempts), int(tries), int(code)
	d.NextAttemptAt, d.CreatedAt, d.UpdatedAt = fromMicros(next), fromMicros(createdAt), fromMicros(updatedAt)
	d.DeliveredAt = fromNullMicros(deliveredAt)
	return &d, nil
}

// ListWebhookDeliveries returns an endpoint's deliveries newest first.
func (s *Store) ListWebhookDeliveries(ctx context.Context, workspaceID, endpointID string, f parley.WebhookDeliveryFilter, opt parley.ListOptions) (parley.List[*parley.WebhookDelivery], error) {
	r := s.read()
	if err := mustExist(ctx, r, "webhook_endpoints", "Webhook endpoint", workspaceID, endpointID); err != nil {
		return parley.List[*parley.WebhookDelivery]{}, err
	}
	limit := opt.EffectiveLimit()
	q := `SELECT ` + deliveryColumns + ` FROM webhook_deliveries WHERE workspace_id = ? AND endpoint_id = ?`
	args := []any{workspaceID, endpointID}
	if f.Status != "" {
		q += ` AND status = ?`
		args = append(args, f.Status)
	}
	if f.EventType != "" {
		q += ` AND event_type = ?`
		args = append(args, f.EventType)
	}
	if opt.After != "" {
		q += ` AND id < ?`
		args = append(args, opt.After)
	}
	items, err := queryAll(ctx, r, scanDelivery, q+` ORDER BY id DESC LIMIT ?`, append(args, limit+1)...)
	if err != nil {
		return parley.List[*parley.WebhookDelivery]{}, fmt.Errorf("list webhook deliveries: %w", err)
	}
	return page(items, limit, func(d *parley.WebhookDelivery) string { return d.ID }), nil
}

const attemptColumns = `id, workspace_id, endpoint_id, delivery_id, event_id, event_type, attempted_at, status_code, error,
	latency_us, response`

func scanAttempt(row scanner) (*parley.WebhookAttempt, error) {
	var (
		a                 parley.WebhookAttempt
		at, code, latency int64
	)
	if err := row.Scan(&a.ID, &a.WorkspaceID, &a.EndpointID, &a.DeliveryID, &a.EventID, &a.EventType, &at, &code, &a.Error,
		&latency, &a.Response); err != nil {
		return nil, err
	}
	a.AttemptedAt, a.StatusCode, a.Latency = fromMicros(at), int(code), time.Duration(latency)*time.Microsecond
	return &a, nil
}

// FindWebhookDelivery returns a delivery with its attempts.
func (s *Store) FindWebhookDelivery(ctx context.Context, workspaceID, endpointID, deliveryID string) (*parley.WebhookDelivery, []*parley.WebhookAttempt, error) {
	r := s.read()
	d, err := findDelivery(ctx, r, workspaceID, endpointID, deliveryID)
	if err != nil {
		return nil, nil, err
	}
	attempts, err := queryAll(ctx, r, scanAttempt, `SELECT `+attemptColumns+` FROM webhook_attempts
		WHERE delivery_id = ? ORDER BY id`, deliveryID)
	if err != nil {
		return nil, nil, fmt.Errorf("list webhook attempts: %w", err)
	}
	return d, attempts, nil
}

func findDelivery(ctx context.Context, r runner, workspaceID, endpointID, id string) (*parley.WebhookDelivery, error) {
	d, err := scanDelivery(r.queryRow(ctx, `SELECT `+deliveryColumns+` FROM webhook_deliveries
		WHERE workspace_id = ? AND endpoint_id = ? AND id = ?`, workspaceID, endpointID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Delivery")
	} else if err != nil {
		return nil, fmt.Errorf("find webhook delivery: %w", err)
	}
	return d, nil
}

// RedeliverWebhook makes a delivery pending again, due now.
func (s *Store) RedeliverWebhook(ctx context.Context, actor parley.Actor, workspaceID, endpointID, deliveryID string) (*parley.WebhookDelivery, error) {
	now := s.now()
	var d *parley.WebhookDelivery
	err := s.inTx(ctx, func(tx runner) error {
		if _, err := findDelivery(ctx, tx, workspaceID, endpointID, deliveryID); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `UPDATE webhook_deliveries SET status = 'pending', tries = 0, next_attempt_at = ?, updated_at = ?,
			lease_owner = '', lease_until = 0 WHERE id = ?`, now.UnixMicro(), now.UnixMicro(), deliveryID); err != nil {
			return fmt.Errorf("redeliver: %w", err)
		}
		var err error
		if d, err = findDelivery(ctx, tx, workspaceID, endpointID, deliveryID); err != nil {
			return err
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "webhook.redeliver", TargetType: "webhook", TargetID: endpointID,
			Details: map[string]any{"delivery_id": deliveryID, "event_id": d.EventID}, CreatedAt: now,
		})
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// replayBatch is how many events one transaction of a replay queues.
const replayBatch = 500

// ReplayWebhookEvents queues again every event since since that the
// endpoint wants, at most max.
func (s *Store) ReplayWebhookEvents(ctx context.Context, actor parley.Actor, workspaceID, endpointID string, since time.Time, max int) (int, error) {
	ep, err := s.FindWebhookEndpoint(ctx, workspaceID, endpointID)
	if err != nil {
		return 0, err
	}
	queued, after := 0, ""
	for queued < max {
		now := s.now()
		var events []eventWithInbox
		err := s.inTx(ctx, func(tx runner) error {
			var err error
			events, err = queryAll(ctx, tx, scanEventWithInbox, `SELECT `+eventWithInboxColumns+` FROM events e
				LEFT JOIN conversations c ON c.id = e.conversation_id
				WHERE e.workspace_id = ? AND e.created_at >= ? AND e.id > ? ORDER BY e.id LIMIT ?`,
				workspaceID, since.UnixMicro(), after, replayBatch)
			if err != nil {
				return fmt.Errorf("replay: %w", err)
			}
			if err := expandEventsWithInbox(ctx, tx, events); err != nil {
				return fmt.Errorf("replay: %w", err)
			}
			for _, x := range events {
				typ, ok := parley.WebhookEventType(x.ev)
				if !ok || typ == parley.EventPing || !ep.Wants(typ, x.inboxID) || queued >= max {
					continue
				}
				if err := insertDelivery(ctx, tx, &parley.WebhookDelivery{
					ID: newID(), WorkspaceID: workspaceID, EndpointID: endpointID, EventID: x.ev.ID, EventType: typ,
					ConversationID: x.ev.ConversationID, Status: parley.DeliveryPending, NextAttemptAt: now,
					CreatedAt: now, UpdatedAt: now,
				}, `status = 'pending', tries = 0, next_attempt_at = excluded.next_attempt_at, updated_at = excluded.updated_at,
					lease_owner = '', lease_until = 0`); err != nil {
					return err
				}
				queued++
			}
			return nil
		})
		if err != nil {
			return queued, err
		}
		if len(events) < replayBatch {
			break
		}
		after = events[len(events)-1].ev.ID
	}
	err = s.inTx(ctx, func(tx runner) error {
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "webhook.replay", TargetType: "webhook", TargetID: endpointID,
			Details: map[string]any{"since": since.UTC().Format(time.RFC3339Nano), "queued": queued}, CreatedAt: s.now(),
		})
	})
	return queued, err
}

// SweepWebhookDeliveries deletes finished deliveries and attempts older
// than before.
func (s *Store) SweepWebhookDeliveries(ctx context.Context, before time.Time) (int, error) {
	n := 0
	err := s.inTx(ctx, func(tx runner) error {
		if _, err := tx.exec(ctx, `DELETE FROM webhook_attempts WHERE attempted_at < ?`, before.UnixMicro()); err != nil {
			return fmt.Errorf("sweep webhook attempts: %w", err)
		}
		if _, err := tx.exec(ctx, `DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries
			WHERE status <> 'pending' AND updated_at < ?)`, before.UnixMicro()); err != nil {
			return fmt.Errorf("sweep webhook attempts: %w", err)
		}
		res, err := tx.exec(ctx, `DELETE FROM webhook_deliveries WHERE status <> 'pending' AND updated_at < ?`, before.UnixMicro())
		if err != nil {
			return fmt.Errorf("sweep webhook deliveries: %w", err)
		}
		n, err = rowsAffected(res)
		return err
	})
	return n, err
}

// WebhookBacklog returns the number of pending deliveries and the creation
// time of the oldest.
func (s *Store) WebhookBacklog(ctx context.Context) (int, time.Time, error) {
	var (
		n      int
		oldest sql.NullInt64
	)
	err := s.read().queryRow(ctx, `SELECT count(*), min(created_at) FROM webhook_deliveries WHERE status = 'pending'`).Scan(&n, &oldest)
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("webhook backlog: %w", err)
	}
	if !oldest.Valid {
		return n, time.Time{}, nil
	}
	return n, fromMicros(oldest.Int64), nil
}

// ListFeedEvents returns the workspace's dispatched events numbered after
// after, in feed order, at most limit.
func (s *Store) ListFeedEvents(ctx context.Context, workspaceID string, after int64, limit int) ([]*parley.FeedEvent, error) {
	rows, err := s.read().query(ctx, `SELECT feed_seq, `+eventColumns+` FROM events
		WHERE workspace_id = ? AND feed_seq > ? ORDER BY feed_seq LIMIT ?`, workspaceID, after, limit)
	if err != nil {
		return nil, fmt.Errorf("list feed events: %w", err)
	}
	defer rows.Close()
	var out []*parley.FeedEvent
	for rows.Next() {
		var (
			fe             parley.FeedEvent
			e              parley.Event
			conversationID *string
			payload        string
			createdAt      int64
		)
		if err := rows.Scan(&fe.Seq, &e.ID, &e.WorkspaceID, &e.Type, &conversationID, &payload, &createdAt); err != nil {
			return nil, err
		}
		e.ConversationID = stringOrEmpty(conversationID)
		e.Payload, e.CreatedAt = []byte(payload), fromMicros(createdAt)
		fe.Event = &e
		out = append(out, &fe)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	evs := make([]*parley.Event, len(out))
	for i, fe := range out {
		evs[i] = fe.Event
	}
	if err := expandEvents(ctx, s.read(), evs); err != nil {
		return nil, fmt.Errorf("list feed events: %w", err)
	}
	return out, nil
}
