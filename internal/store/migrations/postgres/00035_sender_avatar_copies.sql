-- Copies of external agents' pictures: the server fetches the picture an
-- app names (through the SSRF-safe outbound client) once per URL and
-- serves the copy from its own origin, so the visitor's browser never
-- loads an app-chosen URL. hash is the SHA-256 of data, in hex; the
-- messages' sender_avatar_url becomes the copy's path on this server.

-- +goose Up
CREATE TABLE sender_avatars (
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    source_url   TEXT NOT NULL,
    hash         TEXT NOT NULL,
    content_type TEXT NOT NULL,
    data         BYTEA NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, source_url)
);
CREATE INDEX sender_avatars_hash ON sender_avatars (workspace_id, hash);

-- +goose Down
DROP TABLE sender_avatars;
