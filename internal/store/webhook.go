package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
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

// ClaimWebhookDeliveries leases due deliveries by compare-and-set: the
// oldest pending of each conversation to each endpoint.
func (s *Store) ClaimWebhookDeliveries(ctx context.Context, owner string, now, leaseUntil time.Time, limit int) ([]*parley.WebhookTask, error) {
	chains, err := s.ClaimWebhookChains(ctx, owner, now, leaseUntil, limit, 1)
	var out []*parley.WebhookTask
	for _, c := range chains {
		out = append(out, c...)
	}
	return out, err
}

// claimCandidate is a delivery read before the compare-and-set.
type claimCandidate struct {
	id, endpointID, eventID string
	conversationID          *string
	due, leased             int64 // next_attempt_at, lease_until
}

// chainKey names the chain c belongs to: its endpoint and conversation,
// or c alone if it has none.
func (c claimCandidate) chainKey() string {
	if c.conversationID == nil {
		return c.endpointID + "/" + c.id
	}
	return c.endpointID + "/c/" + *c.conversationID
}

func scanClaimCandidate(row scanner) (claimCandidate, error) {
	var c claimCandidate
	err := row.Scan(&c.id, &c.endpointID, &c.eventID, &c.conversationID, &c.due, &c.leased)
	return c, err
}

// ClaimWebhookChains leases the heads of due chains and their followers in
// one transaction.
func (s *Store) ClaimWebhookChains(ctx context.Context, owner string, now, leaseUntil time.Time, chains, perChain int) ([][]*parley.WebhookTask, error) {
	if chains <= 0 || perChain <= 0 {
		return nil, nil
	}
	// The candidates are read on the read pool (most polls find none);
	// the compare-and-set below decides who gets each. First the heads:
	// the oldest pending delivery of each conversation to each endpoint
	// (or a conversation-less one), due and free.
	at := now.UnixMicro()
	r := s.read()
	heads, err := queryAll(ctx, r, scanClaimCandidate, `SELECT d.id, d.endpoint_id, d.event_id, d.conversation_id,
			d.next_attempt_at, d.lease_until
		FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id
		WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND d.lease_until <= ? AND w.enabled = ?
		AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p WHERE p.endpoint_id = d.endpoint_id
			AND p.conversation_id = d.conversation_id AND p.status = 'pending' AND p.event_id < d.event_id)
		ORDER BY d.next_attempt_at, d.event_id LIMIT ?`, at, at, true, chains)
	if err != nil {
		return nil, fmt.Errorf("claim webhook deliveries: %w", err)
	}
	if len(heads) == 0 {
		return nil, nil
	}
	// Then each conversation's next ones, as long as they are due and free.
	cands := make([][]claimCandidate, 0, len(heads))
	var followers *sql.Stmt // prepared once for all the heads
	for _, h := range heads {
		chain := []claimCandidate{h}
		if h.conversationID != nil && perChain > 1 {
			if followers == nil {
				followers, err = s.reader.PrepareContext(ctx, s.dialect.rebind(`SELECT id, endpoint_id, event_id,
					conversation_id, next_attempt_at, lease_until
					FROM webhook_deliveries WHERE endpoint_id = ? AND conversation_id = ? AND status = 'pending' AND event_id > ?
					ORDER BY event_id LIMIT ?`))
				if err != nil {
					return nil, fmt.Errorf("claim webhook deliveries: %w", err)
				}
				defer followers.Close()
			}
			rows, err := followers.QueryContext(ctx, h.endpointID, *h.conversationID, h.eventID, perChain-1)
			next, err := scanRows(rows, err, scanClaimCandidate)
			if err != nil {
				return nil, fmt.Errorf("claim webhook deliveries: %w", err)
			}
			for _, c := range next {
				if c.due > at || c.leased > at {
					break
				}
				chain = append(chain, c)
			}
		}
		cands = append(cands, chain)
	}
	// The same lock order in every claim (chains by endpoint and
	// conversation, whichever their heads), so that two claims never wait
	// on each other in a cycle.
	slices.SortFunc(cands, func(a, b []claimCandidate) int { return strings.Compare(a[0].chainKey(), b[0].chainKey()) })
	var claimed []any
	err = s.inBatchTx(ctx, func(tx runner) error {
		claimed = claimed[:0]
		for _, cs := range cands {
			ids, err := claimChain(ctx, tx, owner, leaseUntil, at, cs)
			if err != nil {
				return err
			}
			claimed = append(claimed, ids...)
		}
		return nil
	})
	if err != nil || len(claimed) == 0 {
		return nil, err
	}
	tasks, err := s.webhookTasks(ctx, owner, claimed)
	if err != nil {
		return nil, err
	}
	// Back into chains, each oldest first (webhookTasks returns them by
	// event).
	idx := map[string]int{}
	var out [][]*parley.WebhookTask
	for _, t := range tasks {
		key := t.Delivery.EndpointID + "/" + t.Delivery.ID
		if t.Delivery.ConversationID != "" {
			key = t.Delivery.EndpointID + "/c/" + t.Delivery.ConversationID
		}
		i, ok := idx[key]
		if !ok {
			i = len(out)
			idx[key] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], t)
	}
	return out, nil
}

// claimChain leases a chain by compare-and-set, in at most three
// statements whatever its length, and returns the IDs leased: its head,
// if no pending delivery of its conversation to its endpoint comes before
// it, and then every pending one up to the chain's last candidate that
// is due and free and comes before the first that is not (which another
// dispatcher holds, or is not yet due: the rest wait for it).
func claimChain(ctx context.Context, tx runner, owner string, leaseUntil time.Time, at int64, cs []claimCandidate) ([]any, error) {
	h := cs[0]
	res, err := tx.exec(ctx, `UPDATE webhook_deliveries SET lease_owner = ?, lease_until = ?
		WHERE id = ? AND status = 'pending' AND lease_until <= ? AND next_attempt_at <= ?
		AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p WHERE p.endpoint_id = ? AND p.conversation_id = ?
			AND p.status = 'pending' AND p.event_id < ?)`,
		owner, leaseUntil.UnixMicro(), h.id, at, at, h.endpointID, h.conversationID, h.eventID)
	if err != nil {
		return nil, fmt.Errorf("claim webhook delivery: %w", err)
	}
	if n, err := rowsAffected(res); err != nil || n != 1 {
		return nil, err // taken by another, or not the oldest: its followers wait for it
	}
	ids := []any{h.id}
	if h.conversationID == nil || len(cs) == 1 {
		return ids, nil
	}
	// Holding the head, no other dispatcher can claim a follower now; one
	// may still hold a lease from before, or one may not be due.
	var gap sql.NullString
	last := cs[len(cs)-1].eventID
	if err := tx.queryRow(ctx, `SELECT MIN(event_id) FROM webhook_deliveries WHERE endpoint_id = ? AND conversation_id = ?
		AND status = 'pending' AND event_id > ? AND event_id <= ? AND (lease_until > ? OR next_attempt_at > ?)`,
		h.endpointID, *h.conversationID, h.eventID, last, at, at).Scan(&gap); err != nil {
		return nil, fmt.Errorf("claim webhook deliveries: %w", err)
	}
	upTo := `event_id <= ?`
	if gap.Valid {
		upTo, last = `event_id < ?`, gap.String
	}
	rows, err := tx.query(ctx, `UPDATE webhook_deliveries SET lease_owner = ?, lease_until = ?
		WHERE endpoint_id = ? AND conversation_id = ? AND status = 'pending' AND event_id > ? AND `+upTo+`
		AND lease_until <= ? AND next_attempt_at <= ? RETURNING id`,
		owner, leaseUntil.UnixMicro(), h.endpointID, *h.conversationID, h.eventID, last, at, at)
	followers, err := scanRows(rows, err, func(r scanner) (any, error) {
		var id string
		err := r.Scan(&id)
		return id, err
	})
	if err != nil {
		return nil, fmt.Errorf("claim webhook deliveries: %w", err)
	}
	return append(ids, followers...), nil
}

// webhookTasks loads the claimed deliveries with their endpoints and events.
func (s *Store) webhookTasks(ctx context.Context, owner string, ids []any) ([]*parley.WebhookTask, error) {
	r := s.read()
	var cols []string
	for c := range strings.SplitSeq(deliveryColumns, ",") {
		cols = append(cols, "d."+strings.TrimSpace(c))
	}
	args := append([]any{owner}, ids...)
	rows, err := r.query(ctx, `SELECT `+strings.Join(cols, ", ")+`, e.id, e.workspace_id, e.type, e.conversation_id, e.payload, e.created_at
		FROM webhook_deliveries d JOIN events e ON e.id = d.event_id
		WHERE d.lease_owner = ? AND d.id IN (`+marks(len(ids))+`) ORDER BY d.event_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("load webhook tasks: %w", err)
	}
	defer rows.Close()
	var tasks []*parley.WebhookTask
	endpoints := map[string]*parley.WebhookEndpoint{}
	for rows.Next() {
		var (
			d                                parley.WebhookDelivery
			ev                               parley.Event
			dConv, eConv                     *string
			attempts, tries, code            int64
			next, createdAt, updatedAt, evAt int64
			deliveredAt                      sql.NullInt64
			payload                          string
		)
		if err := rows.Scan(&d.ID, &d.WorkspaceID, &d.EndpointID, &d.EventID, &d.EventType, &dConv, &d.Status,
			&attempts, &tries, &next, &code, &d.LastError, &createdAt, &updatedAt, &deliveredAt,
			&ev.ID, &ev.WorkspaceID, &ev.Type, &eConv, &payload, &evAt); err != nil {
			return nil, err
		}
		d.ConversationID, ev.ConversationID = stringOrEmpty(dConv), stringOrEmpty(eConv)
		d.Attempts, d.Tries, d.LastStatusCode = int(attempts), int(tries), int(code)
		d.NextAttemptAt, d.CreatedAt, d.UpdatedAt = fromMicros(next), fromMicros(createdAt), fromMicros(updatedAt)
		d.DeliveredAt = fromNullMicros(deliveredAt)
		ev.Payload, ev.CreatedAt = []byte(payload), fromMicros(evAt)
		tasks = append(tasks, &parley.WebhookTask{Delivery: &d, Event: &ev})
		endpoints[d.EndpointID] = nil
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	evs := make([]*parley.Event, len(tasks))
	for i, t := range tasks {
		evs[i] = t.Event
	}
	if err := expandEvents(ctx, r, evs); err != nil {
		return nil, fmt.Errorf("load webhook tasks: %w", err)
	}
	for id := range endpoints {
		e, err := scanEndpoint(r.queryRow(ctx, `SELECT `+endpointColumns+` FROM webhook_endpoints WHERE id = ?`, id))
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("load webhook endpoint: %w", err)
		}
		endpoints[id] = e
	}
	out := tasks[:0]
	for _, t := range tasks {
		if t.Endpoint = endpoints[t.Delivery.EndpointID]; t.Endpoint != nil {
			out = append(out, t)
		}
	}
	return out, nil
}

// RecordWebhookAttempt logs attempt and applies outcome if owner holds the lease.
func (s *Store) RecordWebhookAttempt(ctx context.Context, owner string, a *parley.WebhookAttempt, outcome parley.WebhookOutcome) error {
	r := &parley.WebhookResult{DeliveryID: a.DeliveryID, Attempt: a, Outcome: outcome}
	if err := s.RecordWebhookResults(ctx, owner, []*parley.WebhookResult{r}); err != nil {
		return err
	}
	if r.Lost {
		return parley.Errorf(parley.ECONFLICT, "The delivery's lease was lost.")
	}
	return nil
}

// ReleaseWebhookDelivery gives a claimed delivery back, due at next.
func (s *Store) ReleaseWebhookDelivery(ctx context.Context, owner, deliveryID string, next time.Time) error {
	if next.IsZero() {
		next = time.UnixMicro(0)
	}
	return s.RecordWebhookResults(ctx, owner, []*parley.WebhookResult{{DeliveryID: deliveryID, ReleaseAt: next}})
}

// RecordWebhookResults records a batch of results in one transaction.
func (s *Store) RecordWebhookResults(ctx context.Context, owner string, results []*parley.WebhookResult) error {
	if len(results) == 0 {
		return nil
	}
	now := s.now()
	return s.inBatchTx(ctx, func(tx runner) error {
		health := map[string]*endpointHealth{}
		var order []string
		for _, r := range results {
			r.Lost = false
			var err error
			if r.Attempt == nil {
				err = releaseDelivery(ctx, tx, owner, r)
			} else {
				err = recordAttempt(ctx, tx, owner, now, r)
				h := health[r.Attempt.EndpointID]
				if h == nil {
					h = &endpointHealth{}
					health[r.Attempt.EndpointID] = h
					order = append(order, r.Attempt.EndpointID)
				}
				h.add(r.Attempt)
			}
			if err != nil {
				return err
			}
		}
		for _, id := range order {
			if err := health[id].write(ctx, tx, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// endpointHealth is what a batch of attempts does to an endpoint's
// failing_since, in at most two statements however many attempts: a
// success clears it, and the first failure after the last success sets
// it unless it is set.
type endpointHealth struct {
	succeeded bool
	failedAt  *time.Time
}

func (h *endpointHealth) add(a *parley.WebhookAttempt) {
	if a.Succeeded() {
		h.succeeded, h.failedAt = true, nil
	} else if h.failedAt == nil {
		h.failedAt = &a.AttemptedAt
	}
}

func (h *endpointHealth) write(ctx context.Context, tx runner, endpointID string) error {
	if h.succeeded {
		if _, err := tx.exec(ctx, `UPDATE webhook_endpoints SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL`, endpointID); err != nil {
			return fmt.Errorf("record webhook endpoint health: %w", err)
		}
	}
	if h.failedAt != nil {
		if _, err := tx.exec(ctx, `UPDATE webhook_endpoints SET failing_since = ? WHERE id = ? AND failing_since IS NULL`,
			h.failedAt.UnixMicro(), endpointID); err != nil {
			return fmt.Errorf("record webhook endpoint health: %w", err)
		}
	}
	return nil
}

func releaseDelivery(ctx context.Context, tx runner, owner string, r *parley.WebhookResult) error {
	var next any
	if !r.ReleaseAt.IsZero() {
		next = r.ReleaseAt.UnixMicro()
	}
	if _, err := tx.exec(ctx, `UPDATE webhook_deliveries SET lease_owner = '', lease_until = 0,
		next_attempt_at = COALESCE(?, next_attempt_at) WHERE id = ? AND lease_owner = ?`, next, r.DeliveryID, owner); err != nil {
		return fmt.Errorf("release webhook delivery: %w", err)
	}
	return nil
}

// recordAttempt logs r's attempt and applies its outcome if owner holds the lease.
func recordAttempt(ctx context.Context, tx runner, owner string, now time.Time, r *parley.WebhookResult) error {
	a, outcome := r.Attempt, r.Outcome
	var deliveredAt any
	if outcome.Status == parley.DeliveryDelivered {
		deliveredAt = a.AttemptedAt.UnixMicro()
	}
	next := outcome.NextAttemptAt
	if outcome.Status != parley.DeliveryPending {
		next = a.AttemptedAt
	}
	res, err := tx.exec(ctx, `UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, tries = tries + 1,
		next_attempt_at = ?, lease_owner = '', lease_until = 0, last_status_code = ?, last_error = ?, updated_at = ?,
		delivered_at = COALESCE(?, delivered_at)
		WHERE id = ? AND lease_owner = ?`, outcome.Status, next.UnixMicro(), a.StatusCode, a.Error, now.UnixMicro(),
		deliveredAt, a.DeliveryID, owner)
	if err != nil {
		return fmt.Errorf("record webhook attempt: %w", err)
	}
	n, err := rowsAffected(res)
	if err != nil {
		return err
	}
	if n == 0 {
		r.Lost = true
		var one int
		err := tx.queryRow(ctx, `SELECT 1 FROM webhook_deliveries WHERE id = ?`, a.DeliveryID).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // erased with its event, or its endpoint deleted
		} else if err != nil {
			return fmt.Errorf("record webhook attempt: %w", err)
		}
	}
	a.ID = newID()
	resp := a.Response
	if len(resp) > parley.MaxWebhookResponseLog {
		resp = resp[:parley.MaxWebhookResponseLog]
	}
	if _, err := tx.exec(ctx, `INSERT INTO webhook_attempts (id, workspace_id, endpoint_id, delivery_id, event_id, event_type,
		attempted_at, status_code, error, latency_us, response) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, a.WorkspaceID, a.EndpointID, a.DeliveryID, a.EventID, a.EventType, a.AttemptedAt.UnixMicro(), a.StatusCode,
		a.Error, a.Latency.Microseconds(), resp); err != nil {
		return fmt.Errorf("log webhook attempt: %w", err)
	}
	if outcome.Disable == "" {
		return nil
	}
	res, err = tx.exec(ctx, `UPDATE webhook_endpoints SET enabled = ?, disabled_reason = ?, updated_at = ?
		WHERE id = ? AND enabled = ?`, false, outcome.Disable, now.UnixMicro(), a.EndpointID, true)
	if err != nil {
		return fmt.Errorf("disable webhook endpoint: %w", err)
	}
	if n, err := rowsAffected(res); err != nil || n == 0 {
		return err
	}
	return insertAudit(ctx, tx, parley.AuditEntry{
		WorkspaceID: a.WorkspaceID, Actor: parley.SystemActor, Action: "webhook.disable", TargetType: "webhook",
		TargetID: a.EndpointID, Details: map[string]any{"reason": outcome.Disable}, CreatedAt: now,
	})
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
