package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/parleychat/parley"
)

// Branding returns the workspace's branding, empty if never set. Returns
// ENOTFOUND if there is no such workspace. The images' bytes are not read.
func (s *Store) Branding(ctx context.Context, workspaceID string) (*parley.Branding, error) {
	return findBranding(ctx, s.read(), workspaceID)
}

func findBranding(ctx context.Context, r runner, workspaceID string) (*parley.Branding, error) {
	b := &parley.Branding{WorkspaceID: workspaceID}
	var (
		logoType, logoHash, avatarType, avatarHash string
		logoSize, avatarSize                       int
		updated                                    int64
	)
	err := r.queryRow(ctx, `SELECT product_name, signin_title, color, logo_type, logo_hash,
			COALESCE(length(logo), 0), avatar_type, avatar_hash, COALESCE(length(avatar), 0), updated_at
		FROM branding WHERE workspace_id = ?`, workspaceID).Scan(&b.ProductName, &b.SignInTitle, &b.Color,
		&logoType, &logoHash, &logoSize, &avatarType, &avatarHash, &avatarSize, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		if _, err := findWorkspace(ctx, r, `id = ?`, workspaceID); err != nil {
			return nil, err
		}
		return b, nil
	} else if err != nil {
		return nil, fmt.Errorf("branding: %w", err)
	}
	b.UpdatedAt = fromMicros(updated)
	if logoType != "" {
		b.Logo = &parley.BrandImage{ContentType: logoType, Hash: logoHash, Size: logoSize}
	}
	if avatarType != "" {
		b.Avatar = &parley.BrandImage{ContentType: avatarType, Hash: avatarHash, Size: avatarSize}
	}
	return b, nil
}

// ensureBranding creates the workspace's branding row if it has none.
// Returns ENOTFOUND for an unknown workspace.
func ensureBranding(ctx context.Context, tx runner, workspaceID string, now int64) error {
	_, err := tx.exec(ctx, `INSERT INTO branding (workspace_id, updated_at) VALUES (?, ?)
		ON CONFLICT (workspace_id) DO NOTHING`, workspaceID, now)
	if isForeignKeyViolation(err) {
		return notFound("Workspace")
	} else if err != nil {
		return fmt.Errorf("create branding: %w", err)
	}
	return nil
}

// UpdateBranding changes the fields upd sets and writes an audit entry.
// Returns ENOTFOUND.
func (s *Store) UpdateBranding(ctx context.Context, actor parley.Actor, workspaceID string, upd parley.BrandingUpdate) (*parley.Branding, error) {
	now := s.now()
	var b *parley.Branding
	err := s.inTx(ctx, func(tx runner) error {
		if err := ensureBranding(ctx, tx, workspaceID, now.UnixMicro()); err != nil {
			return err
		}
		var err error
		if b, err = findBranding(ctx, tx, workspaceID); err != nil {
			return err
		}
		details := map[string]any{}
		for _, f := range []struct {
			name string
			val  *string
			dst  *string
		}{{"product_name", upd.ProductName, &b.ProductName}, {"sign_in_title", upd.SignInTitle, &b.SignInTitle}, {"color", upd.Color, &b.Color}} {
			if f.val != nil {
				*f.dst = *f.val
				details[f.name] = *f.val
			}
		}
		if len(details) == 0 {
			return nil
		}
		b.UpdatedAt = now
		if _, err := tx.exec(ctx, `UPDATE branding SET product_name = ?, signin_title = ?, color = ?, updated_at = ?
			WHERE workspace_id = ?`, b.ProductName, b.SignInTitle, b.Color, now.UnixMicro(), workspaceID); err != nil {
			return fmt.Errorf("update branding: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "workspace.branding_update",
			TargetType: "workspace", TargetID: workspaceID, Details: details, CreatedAt: now,
		})
	})
	if err != nil {
		return nil, err
	}
	return b, nil
}

// SetBrandImage stores (or, with nil data, removes) an image and writes an
// audit entry. Returns ENOTFOUND.
func (s *Store) SetBrandImage(ctx context.Context, actor parley.Actor, workspaceID string, kind parley.BrandImageKind, contentType string, data []byte) (*parley.Branding, error) {
	if !kind.Valid() {
		return nil, parley.Errorf(parley.EINVALID, "Unknown image kind %q.", kind)
	}
	now := s.now()
	hash := ""
	if data == nil {
		contentType = ""
	} else {
		sum := sha256.Sum256(data)
		hash = hex.EncodeToString(sum[:])
	}
	var b *parley.Branding
	err := s.inTx(ctx, func(tx runner) error {
		if err := ensureBranding(ctx, tx, workspaceID, now.UnixMicro()); err != nil {
			return err
		}
		// kind is one of two constants, so the column names are not input.
		col := string(kind)
		if _, err := tx.exec(ctx, `UPDATE branding SET `+col+`_type = ?, `+col+`_hash = ?, `+col+` = ?, updated_at = ?
			WHERE workspace_id = ?`, contentType, hash, data, now.UnixMicro(), workspaceID); err != nil {
			return fmt.Errorf("set brand image: %w", err)
		}
		var err error
		if b, err = findBranding(ctx, tx, workspaceID); err != nil {
			return err
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "workspace.branding_image",
			TargetType: "workspace", TargetID: workspaceID, CreatedAt: now,
			Details: map[string]any{"kind": col, "content_type": contentType, "size": len(data), "removed": data == nil},
		})
	})
	if err != nil {
		return nil, err
	}
	return b, nil
}

// BrandImage returns an image and its description; ENOTFOUND if the
// workspace has none of that kind.
func (s *Store) BrandImage(ctx context.Context, workspaceID string, kind parley.BrandImageKind) (*parley.BrandImage, []byte, error) {
	if !kind.Valid() {
		return nil, nil, notFound("Image")
	}
	col := string(kind)
	img := &parley.BrandImage{}
	var data []byte
	err := s.read().queryRow(ctx, `SELECT `+col+`_type, `+col+`_hash, `+col+` FROM branding
		WHERE workspace_id = ? AND `+col+` IS NOT NULL`, workspaceID).Scan(&img.ContentType, &img.Hash, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, notFound("Image")
	} else if err != nil {
		return nil, nil, fmt.Errorf("brand image: %w", err)
	}
	img.Size = len(data)
	return img, data, nil
}
