-- Offer mode: a conversation offered to one agent, who accepts, declines
-- or lets the offer lapse. At most one offer of a conversation is open at
-- a time; the others are its history (who declined, who let it lapse).
-- agents.presence_at is when an agent's presence last changed; a queue's
-- offline_return_ms, when above 0, is how long an assigned agent may be
-- offline before its conversations of the queue go back to the queue.

-- +goose Up
CREATE TABLE routing_offers (
    id              TEXT    NOT NULL PRIMARY KEY,
    workspace_id    TEXT    NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    conversation_id TEXT    NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    queue_id        TEXT    NOT NULL,
    agent_id        TEXT    NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    state           TEXT    NOT NULL,
    reason          TEXT    NOT NULL DEFAULT '',
    offered_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    ended_at        INTEGER
) STRICT;
CREATE UNIQUE INDEX routing_offers_open_idx ON routing_offers (conversation_id) WHERE state = 'open';
CREATE INDEX routing_offers_conversation_idx ON routing_offers (conversation_id, offered_at);
CREATE INDEX routing_offers_expiry_idx ON routing_offers (expires_at) WHERE state = 'open';
CREATE INDEX routing_offers_agent_idx ON routing_offers (agent_id) WHERE state = 'open';

ALTER TABLE agents ADD COLUMN presence_at INTEGER;
ALTER TABLE queues ADD COLUMN offline_return_ms INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE queues DROP COLUMN offline_return_ms;
ALTER TABLE agents DROP COLUMN presence_at;
DROP TABLE routing_offers;
