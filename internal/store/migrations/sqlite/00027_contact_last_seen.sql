-- When a contact's last visit ended: the moment their last live widget
-- connection closed (internal/visitors writes it). NULL until one has.

-- +goose Up
ALTER TABLE contacts ADD COLUMN last_seen_at INTEGER;
CREATE INDEX contacts_last_seen_idx ON contacts (workspace_id, last_seen_at DESC, id DESC) WHERE last_seen_at IS NOT NULL;

-- +goose Down
DROP INDEX contacts_last_seen_idx;
ALTER TABLE contacts DROP COLUMN last_seen_at;
