package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/parleychat/parley"
)

// credentialChunk bounds the IDs of one query of CheckCredentials.
const credentialChunk = 500

// credentialQueries select, per kind of credential, the rows of the IDs in
// marks: id, workspace_id, whether it is valid at ? (now), the agent and
// its role, the contact, and the expiry. A session is valid while it has
// not expired and its agent is enabled (an agent's deletion deletes its
// sessions); an API token while it is neither revoked nor expired; a
// visitor session while it has not expired (erasing its contact or
// revoking its resume token deletes it).
var credentialQueries = map[parley.CredentialKind]string{
	parley.CredentialSession: `SELECT s.id, s.workspace_id, s.expires_at > ? AND NOT a.disabled, a.id, a.role, '', s.expires_at
		FROM sessions s JOIN agents a ON a.workspace_id = s.workspace_id AND a.id = s.agent_id
		WHERE s.id IN (%s)`,
	parley.CredentialAPIToken: `SELECT id, workspace_id, revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?),
		'', '', '', expires_at
		FROM api_tokens WHERE id IN (%s)`,
	parley.CredentialAppToken: `SELECT t.id, t.workspace_id, t.revoked_at IS NULL AND t.expires_at > ? AND a.enabled,
		'', '', '', t.expires_at
		FROM app_tokens t JOIN apps a ON a.id = t.app_id WHERE t.id IN (%s)`,
	parley.CredentialVisitorSession: `SELECT id, workspace_id, expires_at > ?, '', '', contact_id, expires_at
		FROM visitor_sessions WHERE id IN (%s)`,
}

// CheckCredentials returns the status of each credential at now, in the
// order given: one query per kind and per 500 credentials. A credential
// that is not found (or of an unknown kind) is not valid.
func (s *Store) CheckCredentials(ctx context.Context, creds []parley.Credential, now time.Time) ([]parley.CredentialStatus, error) {
	byKind := map[parley.CredentialKind][]any{}
	for _, c := range creds {
		if _, ok := credentialQueries[c.Kind]; ok {
			byKind[c.Kind] = append(byKind[c.Kind], c.ID)
		}
	}
	found := map[parley.Credential]parley.CredentialStatus{}
	r := s.read()
	for kind, ids := range byKind {
		for len(ids) > 0 {
			chunk := ids[:min(len(ids), credentialChunk)]
			ids = ids[len(chunk):]
			q := fmt.Sprintf(credentialQueries[kind], marks(len(chunk)))
			rows, err := queryAll(ctx, r, scanCredentialStatus, q, append([]any{now.UnixMicro()}, chunk...)...)
			if err != nil {
				return nil, fmt.Errorf("check credentials: %w", err)
			}
			for _, row := range rows {
				found[parley.Credential{Kind: kind, ID: row.id}] = row.status
			}
		}
	}
	out := make([]parley.CredentialStatus, len(creds))
	for i, c := range creds {
		out[i] = found[c] // the zero status, not valid, when missing
	}
	return out, nil
}

type credentialRow struct {
	id     string
	status parley.CredentialStatus
}

func scanCredentialStatus(row scanner) (credentialRow, error) {
	var (
		r       credentialRow
		role    string
		expires sql.NullInt64
	)
	st := &r.status
	if err := row.Scan(&r.id, &st.WorkspaceID, &st.Valid, &st.AgentID, &role, &st.ContactID, &expires); err != nil {
		return r, err
	}
	st.Role = parley.Role(role)
	if e := fromNullMicros(expires); e != nil {
		st.ExpiresAt = *e
	}
	return r, nil
}
