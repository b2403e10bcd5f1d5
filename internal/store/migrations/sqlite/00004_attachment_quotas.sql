-- Attachment quotas (issue 10): an inbox's quotas on what visitors upload,
-- who uploaded each file (quotas count what visitors uploaded), and an
-- index for the sweep of files never sent.

-- +goose Up
ALTER TABLE inboxes ADD COLUMN attachment_quotas TEXT NOT NULL DEFAULT '{}';
ALTER TABLE attachments ADD COLUMN uploader_type TEXT NOT NULL DEFAULT '';
ALTER TABLE attachments ADD COLUMN uploader_id TEXT NOT NULL DEFAULT '';
CREATE INDEX attachments_unsent_idx ON attachments (created_at) WHERE message_id IS NULL;

-- +goose Down
DROP INDEX attachments_unsent_idx;
ALTER TABLE attachments DROP COLUMN uploader_id;
ALTER TABLE attachments DROP COLUMN uploader_type;
ALTER TABLE inboxes DROP COLUMN attachment_quotas;
