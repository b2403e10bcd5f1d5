-- Message provenance: messages.app_id is the app that sent a message (as
-- the system, or as one of its bots); NULL for everyone else. No foreign
-- key: the provenance outlives an uninstalled app.
-- app_tokens.agent_id is the bot agent an app's access token acts as
-- (NULL: the app itself).

-- +goose Up
ALTER TABLE messages ADD COLUMN app_id TEXT;
ALTER TABLE app_tokens ADD COLUMN agent_id TEXT;

-- +goose Down
ALTER TABLE app_tokens DROP COLUMN agent_id;
ALTER TABLE messages DROP COLUMN app_id;
