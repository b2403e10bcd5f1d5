-- Parley's first schema. IDs are UUIDv7 text compared bytewise (COLLATE "C"),
-- times are unix microseconds (UTC), JSON is jsonb. Every row but a
-- workspace's carries its workspace_id; composite foreign keys on
-- (workspace_id, id) keep references inside one workspace.

-- +goose Up
CREATE TABLE workspaces (
    id         TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    slug       TEXT   NOT NULL UNIQUE,
    name       TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE agents (
    id            TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    workspace_id  TEXT COLLATE "C" NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    email         TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    role          TEXT    NOT NULL,
    system_admin  BOOLEAN NOT NULL DEFAULT FALSE,
    bot           BOOLEAN NOT NULL DEFAULT FALSE,
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    capacity      INTEGER NOT NULL DEFAULT 0,
    attributes    JSONB   NOT NULL DEFAULT '{}',
    password_hash TEXT    NOT NULL DEFAULT '',
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL,
    presence      TEXT    NOT NULL DEFAULT 'offline',
    UNIQUE (workspace_id, id),
    UNIQUE (workspace_id, email)
);

CREATE TABLE inboxes (
    id              TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    workspace_id    TEXT COLLATE "C" NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name            TEXT   NOT NULL,
    allowed_origins JSONB  NOT NULL DEFAULT '[]',
    widget          JSONB  NOT NULL DEFAULT '{}',
    identity        JSONB  NOT NULL DEFAULT '{}',
    conversation    JSONB  NOT NULL DEFAULT '{}',
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    UNIQUE (workspace_id, id)
);

CREATE TABLE api_tokens (
    id              TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    workspace_id    TEXT COLLATE "C" NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name            TEXT   NOT NULL,
    scopes          JSONB  NOT NULL DEFAULT '[]',
    prefix          TEXT   NOT NULL,
    hash            BYTEA  NOT NULL UNIQUE,
    created_by_type TEXT   NOT NULL,
    created_by_id   TEXT   NOT NULL,
    created_by_name TEXT   NOT NULL,
    created_at      BIGINT NOT NULL,
    last_used_at    BIGINT,
    revoked_at      BIGINT,
    UNIQUE (workspace_id, id)
);

CREATE TABLE sessions (
    id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    workspace_id TEXT COLLATE "C" NOT NULL,
    agent_id     TEXT COLLATE "C" NOT NULL,
    hash         BYTEA  NOT NULL UNIQUE,
    csrf_token   TEXT   NOT NULL,
    user_agent   TEXT   NOT NULL,
    ip           TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    FOREIGN KEY (workspace_id, agent_id) REFERENCES agents (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX sessions_agent_idx ON sessions (workspace_id, agent_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE login_failures (
    key             TEXT    NOT NULL PRIMARY KEY,
    failures        INTEGER NOT NULL,
    last_failure_at BIGINT  NOT NULL
);

CREATE TABLE audit_log (
    id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    workspace_id TEXT COLLATE "C" NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    actor_type   TEXT   NOT NULL,
    actor_id     TEXT   NOT NULL,
    actor_name   TEXT   NOT NULL,
    action       TEXT   NOT NULL,
    target_type  TEXT   NOT NULL,
    target_id    TEXT   NOT NULL,
    details      JSONB  NOT NULL DEFAULT '{}',
    created_at   BIGINT NOT NULL,
    UNIQUE (workspace_id, id)
);

-- Contacts, conversations and their messages.

CREATE TABLE contacts (
    id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    workspace_id TEXT COLLATE "C" NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    external_id  TEXT,
    email        TEXT,
    phone        TEXT,
    verified     BOOLEAN NOT NULL DEFAULT FALSE,
    name         TEXT    NOT NULL DEFAULT '',
    avatar_url   TEXT    NOT NULL DEFAULT '',
    attributes   JSONB   NOT NULL DEFAULT '{}',
    created_at   BIGINT  NOT NULL,
    updated_at   BIGINT  NOT NULL,
    UNIQUE (workspace_id, id),
    UNIQUE (workspace_id, external_id),
    UNIQUE (workspace_id, email),
    UNIQUE (workspace_id, phone)
);

-- A visitor session is one device or browser of a contact, opened in one
-- inbox; hash is the SHA-256 of the visitor token the device keeps.
CREATE TABLE visitor_sessions (
    id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    workspace_id TEXT COLLATE "C" NOT NULL,
    inbox_id     TEXT COLLATE "C" NOT NULL,
    contact_id   TEXT COLLATE "C" NOT NULL,
    hash         BYTEA  NOT NULL UNIQUE,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    -- Set on a session opened with a resume token: it reaches that one
    -- conversation only, and ends with the token (foreign key below).
    conversation_id TEXT COLLATE "C",
    resume_token_id TEXT COLLATE "C",
    FOREIGN KEY (workspace_id, inbox_id) REFERENCES inboxes (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX visitor_sessions_contact_idx ON visitor_sessions (workspace_id, contact_id);
CREATE INDEX visitor_sessions_inbox_idx ON visitor_sessions (workspace_id, inbox_id);
CREATE INDEX visitor_sessions_expires_idx ON visitor_sessions (expires_at);

CREATE TABLE conversations (
    id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    workspace_id TEXT COLLATE "C" NOT NULL,
    inbox_id     TEXT COLLATE "C" NOT NULL,
    contact_id   TEXT COLLATE "C" NOT NULL,
    status       TEXT    NOT NULL DEFAULT 'open',
    assignee_id  TEXT COLLATE "C" REFERENCES agents (id) ON DELETE SET NULL,
    priority     INTEGER NOT NULL DEFAULT 0,
    labels       JSONB   NOT NULL DEFAULT '[]',
    attributes   JSONB   NOT NULL DEFAULT '{}',
    last_seq     BIGINT  NOT NULL DEFAULT 0,
    created_at   BIGINT  NOT NULL,
    updated_at   BIGINT  NOT NULL,
    assigned_at  BIGINT,
    resolved_at  BIGINT,
    UNIQUE (workspace_id, id),
    FOREIGN KEY (workspace_id, inbox_id) REFERENCES inboxes (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX conversations_status_idx ON conversations (workspace_id, status, id);
CREATE INDEX conversations_inbox_idx ON conversations (workspace_id, inbox_id, id);
CREATE INDEX conversations_contact_idx ON conversations (workspace_id, contact_id, id);
CREATE INDEX conversations_assignee_idx ON conversations (assignee_id, id);

-- Seq is gap-free per conversation: AppendMessage takes it with
-- UPDATE conversations SET last_seq = last_seq + 1 … RETURNING last_seq,
-- whose row lock orders concurrent writers. Deleted messages keep their row.
-- client_id is the sender's idempotency key (NULLs never collide).

CREATE TABLE messages (
    id              TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    workspace_id    TEXT COLLATE "C" NOT NULL,
    conversation_id TEXT COLLATE "C" NOT NULL,
    seq             BIGINT NOT NULL,
    kind            TEXT   NOT NULL,
    sender_type     TEXT   NOT NULL,
    sender_id       TEXT   NOT NULL DEFAULT '',
    sender_name     TEXT   NOT NULL DEFAULT '',
    client_id       TEXT,
    body            TEXT   NOT NULL DEFAULT '',
    attachments     JSONB  NOT NULL DEFAULT '[]',
    created_at      BIGINT NOT NULL,
    edited_at       BIGINT,
    deleted_at      BIGINT,
    UNIQUE (conversation_id, seq),
    UNIQUE (conversation_id, sender_type, sender_id, client_id),
    FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE
);

-- Attachment bytes live in the database; data is last so that reading the
-- metadata does not touch it. message_id is set when a message takes it.
CREATE TABLE attachments (
    id              TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    workspace_id    TEXT COLLATE "C" NOT NULL,
    conversation_id TEXT COLLATE "C" NOT NULL,
    message_id      TEXT COLLATE "C",
    name            TEXT   NOT NULL,
    content_type    TEXT   NOT NULL,
    size            BIGINT NOT NULL,
    created_at      BIGINT NOT NULL,
    data            BYTEA  NOT NULL,
    FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX attachments_conversation_idx ON attachments (conversation_id);
CREATE INDEX attachments_message_idx ON attachments (message_id) WHERE message_id IS NOT NULL;

-- How far each participant (contact, agent, bot) has read a conversation.
CREATE TABLE read_states (
    workspace_id     TEXT COLLATE "C" NOT NULL,
    conversation_id  TEXT COLLATE "C" NOT NULL,
    participant_type TEXT   NOT NULL,
    participant_id   TEXT COLLATE "C" NOT NULL,
    last_read_seq    BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    PRIMARY KEY (conversation_id, participant_type, participant_id),
    FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE
);

-- A resume token lets a visitor session on another device join one
-- conversation as its contact; hash is the SHA-256 of its secret.
CREATE TABLE resume_tokens (
    id              TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    workspace_id    TEXT COLLATE "C" NOT NULL,
    conversation_id TEXT COLLATE "C" NOT NULL,
    contact_id      TEXT COLLATE "C" NOT NULL,
    hash            BYTEA  NOT NULL UNIQUE,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL,
    FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX resume_tokens_contact_idx ON resume_tokens (workspace_id, contact_id);
CREATE INDEX resume_tokens_expires_idx ON resume_tokens (expires_at);
ALTER TABLE visitor_sessions ADD FOREIGN KEY (resume_token_id) REFERENCES resume_tokens (id) ON DELETE CASCADE;
CREATE INDEX visitor_sessions_resume_idx ON visitor_sessions (resume_token_id) WHERE resume_token_id IS NOT NULL;

-- One row per contact merged into another: source is the merged contact as
-- it was (JSON). contact_id follows later merges, so that the contact that
-- remains holds the whole history; erasing it erases the records.
CREATE TABLE contact_merges (
    id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    workspace_id TEXT COLLATE "C" NOT NULL,
    contact_id   TEXT COLLATE "C" NOT NULL,
    source_id    TEXT COLLATE "C" NOT NULL,
    source       JSONB  NOT NULL,
    reason       TEXT   NOT NULL,
    actor_type   TEXT   NOT NULL,
    actor_id     TEXT   NOT NULL,
    actor_name   TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_merges_contact_idx ON contact_merges (workspace_id, contact_id, id);

-- The transactional outbox. payload is json, not jsonb: it is kept byte for
-- byte as written, which is what webhooks deliver and clients receive.
CREATE TABLE events (
    id              TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    workspace_id    TEXT COLLATE "C" NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    type            TEXT   NOT NULL,
    conversation_id TEXT COLLATE "C",
    payload         JSON   NOT NULL,
    created_at      BIGINT NOT NULL,
    dispatched_at   BIGINT
);
CREATE INDEX events_workspace_idx ON events (workspace_id, id);
CREATE INDEX events_pending_idx ON events (id) WHERE dispatched_at IS NULL;

-- +goose Down
DROP TABLE events;
DROP TABLE read_states;
DROP TABLE attachments;
DROP TABLE messages;
DROP TABLE contact_merges;
DROP TABLE visitor_sessions;
DROP TABLE resume_tokens;
DROP TABLE conversations;
DROP TABLE contacts;
DROP TABLE audit_log;
DROP TABLE login_failures;
DROP TABLE sessions;
DROP TABLE api_tokens;
DROP TABLE inboxes;
DROP TABLE agents;
DROP TABLE workspaces;
