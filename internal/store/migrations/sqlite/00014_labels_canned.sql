-- Labels, on conversations and contacts, and canned responses (shared:
-- owner_id '', else the agent who owns it). name_key is the label's name
-- lower-cased, unique in the workspace.

-- +goose Up
CREATE TABLE labels (
    id           TEXT    NOT NULL PRIMARY KEY,
    workspace_id TEXT    NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    name_key     TEXT    NOT NULL,
    color        TEXT    NOT NULL,
    description  TEXT    NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    UNIQUE (workspace_id, id),
    UNIQUE (workspace_id, name_key)
) STRICT;

CREATE TABLE conversation_labels (
    workspace_id    TEXT    NOT NULL,
    conversation_id TEXT    NOT NULL,
    label_id        TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, label_id),
    FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, label_id) REFERENCES labels (workspace_id, id) ON DELETE CASCADE
) STRICT;
CREATE INDEX conversation_labels_label_idx ON conversation_labels (workspace_id, label_id, conversation_id);

CREATE TABLE contact_labels (
    workspace_id TEXT    NOT NULL,
    contact_id   TEXT    NOT NULL,
    label_id     TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (contact_id, label_id),
    FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, label_id) REFERENCES labels (workspace_id, id) ON DELETE CASCADE
) STRICT;
CREATE INDEX contact_labels_label_idx ON contact_labels (workspace_id, label_id, contact_id);

CREATE TABLE canned_responses (
    id           TEXT    NOT NULL PRIMARY KEY,
    workspace_id TEXT    NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    owner_id     TEXT    NOT NULL DEFAULT '',
    shortcut     TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    UNIQUE (workspace_id, owner_id, shortcut)
) STRICT;

-- +goose Down
DROP TABLE canned_responses;
DROP TABLE contact_labels;
DROP TABLE conversation_labels;
DROP TABLE labels;
