-- Proxy identity: messages.sender_avatar_url is the avatar (an https URL,
-- never fetched by the server) of an external agent an app sent a message
-- on behalf of; NULL for every other message.

-- +goose Up
ALTER TABLE messages ADD COLUMN sender_avatar_url TEXT;

-- +goose Down
ALTER TABLE messages DROP COLUMN sender_avatar_url;
