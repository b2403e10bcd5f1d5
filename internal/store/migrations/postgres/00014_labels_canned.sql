-- Labels, on conversations and contacts, and canned responses (shared:
-- owner_id '', else the agent who owns it). name_key is the label's name
-- lower-cased, unique in the workspace.

-- +goose Up
CREATE TABLE labels (
    id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    workspace_id TEXT COLLATE "C" NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    name_key     TEXT COLLATE "C" NOT NULL,
    color        TEXT    NOT NULL,
    description  TEXT    NOT NULL DEFAULT '',
    created_at   BIGINT  NOT NULL,
    updated_at   BIGINT  NOT NULL,
    UNIQUE (workspace_id, id),
    UNIQUE (workspace_id, name_key)
);

CREATE TABLE conversation_labels (
    workspace_id    TEXT COLLATE "C" NOT NULL,
    conversation_id TEXT COLLATE "C" NOT NULL,
    label_id        TEXT COLLATE "C" NOT NULL,
    created_at      BIGINT  NOT NULL,
    PRIMARY KEY (conversation_id, label_id),
    FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, label_id) REFERENCES labels (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX conversation_labels_label_idx ON conversation_labels (workspace_id, label_id, conversation_id);

CREATE TABLE contact_labels (
    workspace_id TEXT COLLATE "C" NOT NULL,
    contact_id   TEXT COLLATE "C" NOT NULL,
    label_id     TEXT COLLATE "C" NOT NULL,
    created_at   BIGINT  NOT NULL,
    PRIMARY KEY (contact_id, label_id),
    FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, label_id) REFERENCES labels (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_labels_label_idx ON contact_labels (workspace_id, label_id, contact_id);

CREATE TABLE canned_responses (
    id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    workspace_id TEXT COLLATE "C" NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    owner_id     TEXT COLLATE "C" NOT NULL DEFAULT '',
    shortcut     TEXT COLLATE "C" NOT NULL,
    title        TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    updated_at   BIGINT  NOT NULL,
    UNIQUE (workspace_id, owner_id, shortcut)
);

-- +goose Down
DROP TABLE canned_responses;
DROP TABLE contact_labels;
DROP TABLE conversation_labels;
DROP TABLE labels;
