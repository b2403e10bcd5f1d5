-- Context endpoints: the company's URLs Parley calls when an agent opens a
-- conversation, to show the customer's own data in the contact panel.
-- inbox_id NULL applies the endpoint to every inbox of the workspace;
-- secret ("whsec_…") signs the requests (Standard Webhooks).

-- +goose Up
CREATE TABLE context_endpoints (
    id           TEXT    NOT NULL PRIMARY KEY,
    workspace_id TEXT    NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    inbox_id     TEXT    REFERENCES inboxes (id) ON DELETE CASCADE,
    title        TEXT    NOT NULL,
    url          TEXT    NOT NULL,
    statistics   INTEGER NOT NULL DEFAULT 0,
    secret       TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX context_endpoints_workspace_idx ON context_endpoints (workspace_id, id);

-- +goose Down
DROP TABLE context_endpoints;
