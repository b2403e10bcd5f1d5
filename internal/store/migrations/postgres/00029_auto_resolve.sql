-- Auto-resolve of inactive conversations. auto_resolve_s mirrors the
-- inbox's conversation.auto_resolve_after (whole seconds; 0: off) so the
-- router's sweep finds the inboxes that have it; the index finds their
-- conversations that are not resolved, least recently active first.

-- +goose Up
ALTER TABLE inboxes ADD COLUMN auto_resolve_s BIGINT NOT NULL DEFAULT 0;
CREATE INDEX conversations_inbox_activity_idx ON conversations (workspace_id, inbox_id, status, updated_at);

-- +goose Down
DROP INDEX conversations_inbox_activity_idx;
ALTER TABLE inboxes DROP COLUMN auto_resolve_s;
