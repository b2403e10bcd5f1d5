package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
)

// SenderAvatarBySource returns the hash of the copy of sourceURL, or
// ENOTFOUND.
func (s *Store) SenderAvatarBySource(ctx context.Context, workspaceID, sourceURL string) (string, error) {
	var hash string
	err := s.read().queryRow(ctx, `SELECT hash FROM sender_avatars WHERE workspace_id = ? AND source_url = ?`,
		workspaceID, sourceURL).Scan(&hash)
	if errors.Is(err, sql.ErrNoRows) {
		return "", notFound("Picture")
	} else if err != nil {
		return "", fmt.Errorf("sender avatar: %w", err)
	}
	return hash, nil
}

// PutSenderAvatar stores a copy of sourceURL; the first copy of a source
// stays. Returns the stored copy's hash, or ENOTFOUND for an unknown
// workspace.
func (s *Store) PutSenderAvatar(ctx context.Context, workspaceID, sourceURL, contentType string, data []byte) (string, error) {
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	_, err := s.write().exec(ctx, `INSERT INTO sender_avatars (workspace_id, source_url, hash, content_type, data, created_at)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (workspace_id, source_url) DO NOTHING`,
		workspaceID, sourceURL, hash, contentType, data, s.now().UnixMicro())
	if isForeignKeyViolation(err) {
		return "", notFound("Workspace")
	} else if err != nil {
		return "", fmt.Errorf("store sender avatar: %w", err)
	}
	return s.SenderAvatarBySource(ctx, workspaceID, sourceURL)
}

// SenderAvatar returns a copy's type and bytes, or ENOTFOUND.
func (s *Store) SenderAvatar(ctx context.Context, workspaceID, hash string) (string, []byte, error) {
	var (
		ct   string
		data []byte
	)
	err := s.read().queryRow(ctx, `SELECT content_type, data FROM sender_avatars WHERE workspace_id = ? AND hash = ?
		LIMIT 1`, workspaceID, hash).Scan(&ct, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil, notFound("Picture")
	} else if err != nil {
		return "", nil, fmt.Errorf("sender avatar: %w", err)
	}
	return ct, data, nil
}
