-- Escalation tiers of queues. Tier 1 is the queue's own team (team_id
-- NULL here: queues.team_id); each further tier adds a team. limit_ms is
-- the tier's time. A conversation's tier, tier_at (when it entered it)
-- and overdue_at (when its last tier's time passed) hold only while
-- tier_of equals its queued_at: a conversation queued again starts at
-- tier 1 without anyone resetting them.

-- +goose Up
CREATE TABLE queue_tiers (
    workspace_id TEXT    NOT NULL,
    queue_id     TEXT    NOT NULL,
    position     INTEGER NOT NULL,
    team_id      TEXT,
    limit_ms     INTEGER  NOT NULL,
    PRIMARY KEY (queue_id, position),
    FOREIGN KEY (workspace_id, queue_id) REFERENCES queues (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX queue_tiers_team_idx ON queue_tiers (team_id);
ALTER TABLE conversations ADD COLUMN tier INTEGER NOT NULL DEFAULT 1;
ALTER TABLE conversations ADD COLUMN tier_at INTEGER;
ALTER TABLE conversations ADD COLUMN tier_of INTEGER;
ALTER TABLE conversations ADD COLUMN overdue_at INTEGER;

-- +goose Down
ALTER TABLE conversations DROP COLUMN overdue_at;
ALTER TABLE conversations DROP COLUMN tier_of;
ALTER TABLE conversations DROP COLUMN tier_at;
ALTER TABLE conversations DROP COLUMN tier;
DROP TABLE queue_tiers;
