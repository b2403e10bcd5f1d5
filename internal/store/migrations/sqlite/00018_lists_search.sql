-- Lists served by the server, search and snooze (issue 16).
--
-- waiting_since: when the visitor's oldest message that no agent or bot has
-- answered yet was written (NULL when nobody waits for a reply); set and
-- cleared by AppendMessages in the same transaction as the message, and
-- cleared when the conversation is resolved.
-- snoozed_until: the conversation is snoozed until then (microseconds;
-- 9223372036854775807 means until the visitor writes); a visitor's message
-- ends any snooze. NULL when not snoozed.
--
-- messages_fts and contacts_fts are FTS5 indexes over the tables' own rows
-- (external content, keyed by rowid; Parley never runs VACUUM, which could
-- renumber rowids), kept in step by triggers, so in the same transaction as
-- every insert, edit, delete and cascade.

-- +goose Up
ALTER TABLE conversations ADD COLUMN waiting_since INTEGER;
ALTER TABLE conversations ADD COLUMN snoozed_until INTEGER;
CREATE INDEX conversations_activity_idx ON conversations (workspace_id, status, updated_at);
CREATE INDEX conversations_waiting_idx ON conversations (workspace_id, waiting_since) WHERE waiting_since IS NOT NULL;

UPDATE conversations SET waiting_since = (
    SELECT min(m.created_at) FROM messages m
    WHERE m.conversation_id = conversations.id AND m.sender_type = 'contact' AND m.kind IN ('text', 'attachment')
      AND m.seq > COALESCE((SELECT max(r.seq) FROM messages r WHERE r.conversation_id = conversations.id
                            AND r.sender_type IN ('agent', 'bot') AND r.kind IN ('text', 'attachment')), 0))
WHERE status <> 'resolved';

CREATE VIRTUAL TABLE messages_fts USING fts5(body, content='messages', tokenize='unicode61 remove_diacritics 2');
INSERT INTO messages_fts (rowid, body) SELECT rowid, body FROM messages;
-- +goose StatementBegin
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, body) VALUES (new.rowid, new.body);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
    INSERT INTO messages_fts (rowid, body) VALUES (new.rowid, new.body);
END;
-- +goose StatementEnd

CREATE VIRTUAL TABLE contacts_fts USING fts5(name, email, phone, external_id, content='contacts',
    tokenize='unicode61 remove_diacritics 2');
INSERT INTO contacts_fts (rowid, name, email, phone, external_id) SELECT rowid, name, email, phone, external_id FROM contacts;
-- +goose StatementBegin
CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contacts_fts (rowid, name, email, phone, external_id)
    VALUES (new.rowid, new.name, new.email, new.phone, new.external_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO contacts_fts (contacts_fts, rowid, name, email, phone, external_id)
    VALUES ('delete', old.rowid, old.name, old.email, old.phone, old.external_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER contacts_fts_update AFTER UPDATE OF name, email, phone, external_id ON contacts BEGIN
    INSERT INTO contacts_fts (contacts_fts, rowid, name, email, phone, external_id)
    VALUES ('delete', old.rowid, old.name, old.email, old.phone, old.external_id);
    INSERT INTO contacts_fts (rowid, name, email, phone, external_id)
    VALUES (new.rowid, new.name, new.email, new.phone, new.external_id);
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER contacts_fts_update;
DROP TRIGGER contacts_fts_delete;
DROP TRIGGER contacts_fts_insert;
DROP TABLE contacts_fts;
DROP TRIGGER messages_fts_update;
DROP TRIGGER messages_fts_delete;
DROP TRIGGER messages_fts_insert;
DROP TABLE messages_fts;
DROP INDEX conversations_waiting_idx;
DROP INDEX conversations_activity_idx;
ALTER TABLE conversations DROP COLUMN snoozed_until;
ALTER TABLE conversations DROP COLUMN waiting_since;
