-- API tokens may expire: expires_at is unix microseconds (UTC), NULL for a
-- token that does not expire.

-- +goose Up
ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;

-- +goose Down
ALTER TABLE api_tokens DROP COLUMN expires_at;
