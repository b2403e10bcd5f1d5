package store

// The dispatch side of webhooks: leasing due deliveries in chains by
// compare-and-set, and recording the attempts' results in batches.

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
