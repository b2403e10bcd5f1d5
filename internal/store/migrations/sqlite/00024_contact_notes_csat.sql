-- Staff-only notes on contacts (author_* is who wrote it, the name kept
-- for when the author is deleted). Erased with the contact.
-- Satisfaction ratings (CSAT): one per conversation, by its contact, of
-- the agent who held it (agent_id, '' if nobody); erased with the
-- conversation.

-- +goose Up
CREATE TABLE contact_notes (
    id           TEXT    NOT NULL PRIMARY KEY,
    workspace_id TEXT    NOT NULL,
    contact_id   TEXT    NOT NULL,
    author_type  TEXT    NOT NULL,
    author_id    TEXT    NOT NULL,
    author_name  TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id) ON DELETE CASCADE
) STRICT;
CREATE INDEX contact_notes_contact_idx ON contact_notes (workspace_id, contact_id, created_at);

CREATE TABLE conversation_ratings (
    workspace_id    TEXT NOT NULL,
    conversation_id TEXT NOT NULL PRIMARY KEY,
    contact_id      TEXT NOT NULL,
    agent_id        TEXT NOT NULL,
    score           INTEGER NOT NULL,
    comment         TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE
) STRICT;
CREATE INDEX conversation_ratings_time_idx ON conversation_ratings (workspace_id, created_at);

-- +goose Down
DROP TABLE conversation_ratings;
DROP TABLE contact_notes;
