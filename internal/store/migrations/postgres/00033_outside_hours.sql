-- Conversations queued outside their queue's business hours are marked, so
-- that agents see, in the morning, which ones waited the night.

-- +goose Up
ALTER TABLE conversations ADD COLUMN outside_hours BOOLEAN NOT NULL DEFAULT FALSE;

-- +goose Down
ALTER TABLE conversations DROP COLUMN outside_hours;
