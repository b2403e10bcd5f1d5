-- Panel tokens: an app's access token minted for its context panel in the
-- console is confined to one conversation and its contact
-- (app_tokens.conversation_id, app_tokens.contact_id; NULL for ordinary
-- access tokens). The panel itself is part of the app's manifest (JSON).

-- +goose Up
ALTER TABLE app_tokens ADD COLUMN conversation_id TEXT;
ALTER TABLE app_tokens ADD COLUMN contact_id TEXT;

-- +goose Down
ALTER TABLE app_tokens DROP COLUMN contact_id;
ALTER TABLE app_tokens DROP COLUMN conversation_id;
