-- Issue 11: every inbox has valid widget settings; agents' presence follows
-- their connections (leases renewed by the nodes holding them); agents may
-- have an avatar.

-- +goose Up
-- Inboxes stored by early versions (the demo inbox among them) have an
-- empty widget position and may lack a colour.
UPDATE inboxes SET widget = json_set(widget, '$.position', 'right')
 WHERE coalesce(json_extract(widget, '$.position'), '') NOT IN ('left', 'right');
UPDATE inboxes SET widget = json_set(widget, '$.color', '#2563eb')
 WHERE coalesce(json_extract(widget, '$.color'), '') NOT GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]';

-- presence is what everyone sees; chosen_presence what the agent last
-- chose, which presence returns to when the agent connects again.
ALTER TABLE agents ADD COLUMN chosen_presence TEXT NOT NULL DEFAULT 'offline';
UPDATE agents SET chosen_presence = presence;
ALTER TABLE agents ADD COLUMN avatar_url TEXT NOT NULL DEFAULT '';
CREATE INDEX agents_present_idx ON agents (workspace_id, id) WHERE presence <> 'offline';

-- A lease says that holder (a node, for the agent's live connections on
-- it; or "api" for PUT /api/v1/me/presence) vouches for the agent until
-- expires_at (unix microseconds). An agent with no live lease is offline.
CREATE TABLE presence_leases (
    workspace_id TEXT    NOT NULL,
    agent_id     TEXT    NOT NULL,
    holder       TEXT    NOT NULL,
    expires_at   INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, agent_id, holder),
    FOREIGN KEY (workspace_id, agent_id) REFERENCES agents (workspace_id, id) ON DELETE CASCADE
) STRICT;
CREATE INDEX presence_leases_expiry_idx ON presence_leases (expires_at);

-- +goose Down
DROP TABLE presence_leases;
DROP INDEX agents_present_idx;
ALTER TABLE agents DROP COLUMN avatar_url;
ALTER TABLE agents DROP COLUMN chosen_presence;
