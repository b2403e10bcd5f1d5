-- Apps: integrations installed from a manifest, with the scopes granted
-- (manifest keeps what was asked for), their quotas, their webhook
-- endpoint and the hashes of their client secret (the previous one valid
-- until previous_secret_until, a rotation's overlap). app_tokens are the
-- short-lived access tokens of the client credentials grant. agents.app_id
-- is the app that created an agent.

-- +goose Up
CREATE TABLE apps (
    id                    TEXT    NOT NULL PRIMARY KEY,
    workspace_id          TEXT    NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name                  TEXT    NOT NULL,
    manifest              TEXT    NOT NULL,
    scopes                TEXT    NOT NULL,
    quotas                TEXT    NOT NULL,
    enabled               INTEGER NOT NULL,
    webhook_endpoint_id   TEXT    REFERENCES webhook_endpoints (id) ON DELETE SET NULL,
    secret_hash           BLOB    NOT NULL,
    previous_secret_hash  BLOB,
    previous_secret_until INTEGER,
    installed_by_type     TEXT    NOT NULL,
    installed_by_id       TEXT    NOT NULL,
    installed_by_name     TEXT    NOT NULL,
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL,
    UNIQUE (workspace_id, name)
) STRICT;

CREATE TABLE app_tokens (
    id           TEXT    NOT NULL PRIMARY KEY,
    workspace_id TEXT    NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    app_id       TEXT    NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    hash         BLOB    NOT NULL UNIQUE,
    scopes       TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    revoked_at   INTEGER
) STRICT;
CREATE INDEX app_tokens_app_idx ON app_tokens (app_id, expires_at);

ALTER TABLE agents ADD COLUMN app_id TEXT;
CREATE INDEX agents_app_idx ON agents (workspace_id, app_id, created_at);

-- +goose Down
DROP INDEX agents_app_idx;
ALTER TABLE agents DROP COLUMN app_id;
DROP TABLE app_tokens;
DROP TABLE apps;
