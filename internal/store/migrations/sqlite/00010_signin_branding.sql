-- Sign-in settings per workspace (local passwords, OpenID Connect, the
-- company's authentication endpoint), OpenID Connect sign-ins under way
-- (each used once), and each workspace's branding with its images.
-- oidc and external are JSON documents; oidc holds the client secret,
-- which the API never returns.

-- +goose Up
CREATE TABLE signin_settings (
    workspace_id  TEXT    NOT NULL PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
    password_mode TEXT    NOT NULL,
    oidc          TEXT    NOT NULL,
    external      TEXT    NOT NULL,
    updated_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE signin_states (
    hash         BLOB    NOT NULL PRIMARY KEY,
    workspace_id TEXT    NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    nonce        TEXT    NOT NULL,
    verifier     TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX signin_states_expires_idx ON signin_states (expires_at);

CREATE TABLE branding (
    workspace_id TEXT    NOT NULL PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
    product_name TEXT    NOT NULL DEFAULT '',
    signin_title TEXT    NOT NULL DEFAULT '',
    color        TEXT    NOT NULL DEFAULT '',
    logo_type    TEXT    NOT NULL DEFAULT '',
    logo_hash    TEXT    NOT NULL DEFAULT '',
    logo         BLOB,
    avatar_type  TEXT    NOT NULL DEFAULT '',
    avatar_hash  TEXT    NOT NULL DEFAULT '',
    avatar       BLOB,
    updated_at   INTEGER NOT NULL
) STRICT;

-- +goose Down
DROP TABLE branding;
DROP TABLE signin_states;
DROP TABLE signin_settings;
