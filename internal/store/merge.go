package store

import (
	"context"
	"fmt"
	"maps"
	"time"

	"github.com/parleychat/parley"
)

const mergeColumns = `id, workspace_id, contact_id, source_id, source, reason, actor_type, actor_id, actor_name, created_at`

// MergeContacts merges the contact sourceID into targetID in one
// transaction (see parley.MergeStore). Returns ENOTFOUND if either is not in
// the workspace, EINVALID if they are the same.
func (s *Store) MergeContacts(ctx context.Context, actor *parley.Actor, workspaceID, targetID, sourceID, reason string) (*parley.Contact, *parley.ContactMerge, error) {
	if targetID == sourceID {
		var v parley.Validation
		v.Add("from", "must name another contact than the target")
		return nil, nil, v.Err()
	}
	var (
		target *parley.Contact
		m      *parley.ContactMerge
	)
	err := s.inTx(ctx, func(tx runner) error {
		// Rows are locked in ID order, so that two opposite merges queue up
		// rather than deadlock; the second then finds its source gone.
		locked := map[string]*parley.Contact{}
		for _, id := range sortedPair(targetID, sourceID) {
			c, err := findContact(ctx, tx, s.dialect, workspaceID, id)
			if err != nil {
				return err
			}
			locked[id] = c
		}
		target = locked[targetID]
		var err error
		m, _, err = mergeContact(ctx, tx, target, locked[sourceID], reason, actor, s.now())
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return target, m, nil
}

func sortedPair(a, b string) []string {
	if a < b {
		return []string{a, b}
	}
	return []string{b, a}
}

// mergeContact merges source into target inside tx: it moves the source's
// conversations (with its messages' sender and its read positions),
// visitor sessions, resume tokens and merge records to the target,
// combines the two into target (the target's fields win), deletes the
// source, records the merge and writes contact.merged, and an audit entry
// when actor is not nil. Both rows must have been read in tx.
func mergeContact(ctx context.Context, tx runner, target, source *parley.Contact, reason string,
	actor *parley.Actor, now time.Time) (*parley.ContactMerge, *parley.Event, error) {
	ws := target.WorkspaceID
	ofSource := `conversation_id IN (SELECT id FROM conversations WHERE workspace_id = ? AND contact_id = ?)`
	moves := []struct {
		what, query string
		args        []any
	}{
		{"messages", `UPDATE messages SET sender_id = ? WHERE workspace_id = ? AND ` + ofSource +
			` AND sender_type = 'contact' AND sender_id = ?`, []any{target.ID, ws, ws, source.ID, source.ID}},
		{"read states", `UPDATE read_states SET participant_id = ? WHERE workspace_id = ? AND ` + ofSource +
			` AND participant_type = 'contact' AND participant_id = ?`, []any{target.ID, ws, ws, source.ID, source.ID}},
		{"conversations", `UPDATE conversations SET contact_id = ? WHERE workspace_id = ? AND contact_id = ?`,
			[]any{target.ID, ws, source.ID}},
		{"visitor sessions", `UPDATE visitor_sessions SET contact_id = ? WHERE workspace_id = ? AND contact_id = ?`,
			[]any{target.ID, ws, source.ID}},
		{"resume tokens", `UPDATE resume_tokens SET contact_id = ? WHERE workspace_id = ? AND contact_id = ?`,
			[]any{target.ID, ws, source.ID}},
		{"ratings", `UPDATE conversation_ratings SET contact_id = ? WHERE workspace_id = ? AND contact_id = ?`,
			[]any{target.ID, ws, source.ID}},
		{"notes", `UPDATE contact_notes SET contact_id = ? WHERE workspace_id = ? AND contact_id = ?`,
			[]any{target.ID, ws, source.ID}},
		{"merge records", `UPDATE contact_merges SET contact_id = ? WHERE workspace_id = ? AND contact_id = ?`,
			[]any{target.ID, ws, source.ID}},
		// The source's labels join the target's (those beyond the bound
		// too: a merge never loses a label).
		{"labels", `INSERT INTO contact_labels (workspace_id, contact_id, label_id, created_at)
			SELECT workspace_id, ?, label_id, created_at FROM contact_labels WHERE workspace_id = ? AND contact_id = ?
			ON CONFLICT DO NOTHING`, []any{target.ID, ws, source.ID}},
	}
	for _, mv := range moves {
		if _, err := tx.exec(ctx, mv.query, mv.args...); err != nil {
			return nil, nil, fmt.Errorf("merge contacts: move %s: %w", mv.what, err)
		}
	}
	// The source goes before the target takes its identifiers, which are
	// unique.
	if _, err := tx.exec(ctx, `DELETE FROM contacts WHERE workspace_id = ? AND id = ?`, ws, source.ID); err != nil {
		return nil, nil, fmt.Errorf("merge contacts: delete source: %w", err)
	}
	snapshot := *source
	combineContacts(target, source)
	if err := writeContact(ctx, tx, target, now); err != nil {
		return nil, nil, err
	}
	m := &parley.ContactMerge{
		ID: newID(), WorkspaceID: ws, ContactID: target.ID, SourceID: source.ID, Source: &snapshot,
		Reason: reason, Actor: parley.SystemActor, CreatedAt: now,
	}
	if actor != nil {
		m.Actor = *actor
	}
	src, err := encodeJSON(m.Source)
	if err != nil {
		return nil, nil, err
	}
	_, err = tx.exec(ctx, `INSERT INTO contact_merges (`+mergeColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.ID, ws, m.ContactID, m.SourceID, src, m.Reason, m.Actor.Type, m.Actor.ID, m.Actor.Name, now.UnixMicro())
	if err != nil {
		return nil, nil, fmt.Errorf("merge contacts: record: %w", err)
	}
	ev, err := insertEvent(ctx, tx, ws, parley.EventContactMerged, "",
		parley.ContactMergedEventData{Contact: target, Merge: m}, now)
	if err != nil {
		return nil, nil, err
	}
	if actor != nil {
		err = insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: ws, Actor: *actor, Action: "contact.merge", TargetType: "contact", TargetID: target.ID,
			Details: map[string]any{"merged_contact_id": source.ID, "reason": reason}, CreatedAt: now,
		})
	}
	return m, ev, err
}

// combineContacts fills in target what it lacks from source: identifiers,
// name, avatar, attributes (the target's win); target is verified if
// either is.
func combineContacts(target, source *parley.Contact) {
	for _, f := range []struct{ dst, src *string }{
		{&target.ExternalID, &source.ExternalID}, {&target.Email, &source.Email}, {&target.Phone, &source.Phone},
		{&target.Name, &source.Name}, {&target.AvatarURL, &source.AvatarURL},
	} {
		if *f.dst == "" {
			*f.dst = *f.src
		}
	}
	attrs := maps.Clone(source.Attributes)
	if attrs == nil {
		attrs = map[string]any{}
	}
	maps.Copy(attrs, target.Attributes)
	target.Attributes = attrs
	target.Verified = target.Verified || source.Verified
}

// ListContactMerges returns the merges into contactID ordered by ID.
func (s *Store) ListContactMerges(ctx context.Context, workspaceID, contactID string, opt parley.ListOptions) (parley.List[*parley.ContactMerge], error) {
	limit := opt.EffectiveLimit()
	items, err := queryAll(ctx, s.read(), scanMerge, `SELECT `+mergeColumns+` FROM contact_merges
		WHERE workspace_id = ? AND contact_id = ? AND id > ? ORDER BY id LIMIT ?`, workspaceID, contactID, opt.After, limit+1)
	if err != nil {
		return parley.List[*parley.ContactMerge]{}, fmt.Errorf("list contact merges: %w", err)
	}
	return page(items, limit, func(m *parley.ContactMerge) string { return m.ID }), nil
}

func scanMerge(row scanner) (*parley.ContactMerge, error) {
	var (
		m         parley.ContactMerge
		src       string
		createdAt int64
	)
	err := row.Scan(&m.ID, &m.WorkspaceID, &m.ContactID, &m.SourceID, &src, &m.Reason, &m.Actor.Type, &m.Actor.ID,
		&m.Actor.Name, &createdAt)
	if err != nil {
		return nil, err
	}
	if err := decodeJSON(src, &m.Source); err != nil {
		return nil, err
	}
	m.CreatedAt = fromMicros(createdAt)
	return &m, nil
}
