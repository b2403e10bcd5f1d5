-- Routing: teams, queues, the queue of each inbox, routing rules. Every
-- conversation belongs to one queue (queue_id); each workspace has one
-- default queue (is_default = 1), which this migration makes for the
-- workspaces that exist and puts their conversations in. queued_at is when
-- a conversation last became pending; agents.last_assigned_at when an agent
-- was last given one (for the longest-idle strategy).

-- +goose Up
CREATE TABLE teams (
    id           TEXT    NOT NULL PRIMARY KEY,
    workspace_id TEXT    NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    name_key     TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    UNIQUE (workspace_id, id),
    UNIQUE (workspace_id, name_key)
) STRICT;

CREATE TABLE team_members (
    workspace_id TEXT NOT NULL,
    team_id      TEXT NOT NULL,
    agent_id     TEXT NOT NULL,
    PRIMARY KEY (team_id, agent_id),
    FOREIGN KEY (workspace_id, team_id) REFERENCES teams (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, agent_id) REFERENCES agents (workspace_id, id) ON DELETE CASCADE
) STRICT;
CREATE INDEX team_members_agent_idx ON team_members (agent_id);

CREATE TABLE queues (
    id            TEXT    NOT NULL PRIMARY KEY,
    workspace_id  TEXT    NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    name_key      TEXT    NOT NULL,
    team_id       TEXT,
    strategy      TEXT    NOT NULL DEFAULT 'manual',
    capacity      INTEGER NOT NULL DEFAULT 0,
    is_default    INTEGER NOT NULL DEFAULT 0,
    last_agent_id TEXT    NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    UNIQUE (workspace_id, id),
    UNIQUE (workspace_id, name_key)
) STRICT;
CREATE UNIQUE INDEX queues_default_idx ON queues (workspace_id) WHERE is_default = 1;

CREATE TABLE inbox_queues (
    inbox_id     TEXT NOT NULL PRIMARY KEY,
    workspace_id TEXT NOT NULL,
    queue_id     TEXT NOT NULL,
    FOREIGN KEY (workspace_id, inbox_id) REFERENCES inboxes (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, queue_id) REFERENCES queues (workspace_id, id) ON DELETE CASCADE
) STRICT;

CREATE TABLE routing_rules (
    workspace_id TEXT    NOT NULL PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
    rules        TEXT    NOT NULL DEFAULT '[]',
    updated_at   INTEGER NOT NULL
) STRICT;

ALTER TABLE conversations ADD COLUMN queue_id TEXT;
ALTER TABLE conversations ADD COLUMN page_url TEXT NOT NULL DEFAULT '';
ALTER TABLE conversations ADD COLUMN queued_at INTEGER;
ALTER TABLE agents ADD COLUMN last_assigned_at INTEGER;

INSERT INTO queues (id, workspace_id, name, name_key, is_default, created_at, updated_at)
SELECT (SELECT lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' ||
        substr(h, 18, 3) || '-' || substr(h, 21, 12)) FROM (SELECT hex(randomblob(16)) || w.id AS h)),
       w.id, 'Default', 'default', 1, w.created_at, w.created_at
FROM workspaces w;

UPDATE conversations SET queue_id = (SELECT q.id FROM queues q
    WHERE q.workspace_id = conversations.workspace_id AND q.is_default = 1);
UPDATE conversations SET queued_at = updated_at WHERE status = 'pending';

CREATE INDEX conversations_queue_idx ON conversations (workspace_id, queue_id, status, priority, queued_at);
CREATE INDEX conversations_assigned_idx ON conversations (assignee_id, status);

-- +goose Down
DROP INDEX conversations_assigned_idx;
DROP INDEX conversations_queue_idx;
ALTER TABLE agents DROP COLUMN last_assigned_at;
ALTER TABLE conversations DROP COLUMN queued_at;
ALTER TABLE conversations DROP COLUMN page_url;
ALTER TABLE conversations DROP COLUMN queue_id;
DROP TABLE routing_rules;
DROP TABLE inbox_queues;
DROP TABLE queues;
DROP TABLE team_members;
DROP TABLE teams;
