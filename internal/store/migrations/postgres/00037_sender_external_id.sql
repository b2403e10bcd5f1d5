-- Proxy identity: messages.sender_external_id is the ID, in the app's own
-- system, of the external agent an app sent a message on behalf of
-- (opaque text, shown to staff only); NULL for every other message.

-- +goose Up
ALTER TABLE messages ADD COLUMN sender_external_id TEXT;

-- +goose Down
ALTER TABLE messages DROP COLUMN sender_external_id;
