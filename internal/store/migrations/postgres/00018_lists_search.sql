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
-- search: generated tsvector columns (the 'simple' configuration, with the
-- punctuation inside e-mail addresses, host names and phone numbers turned
-- into spaces so that their parts are words, as SQLite's unicode61 tokenizer
-- makes them), so the index is always in step with the row.

-- +goose Up
ALTER TABLE conversations ADD COLUMN waiting_since BIGINT;
ALTER TABLE conversations ADD COLUMN snoozed_until BIGINT;
CREATE INDEX conversations_activity_idx ON conversations (workspace_id, status, updated_at);
CREATE INDEX conversations_waiting_idx ON conversations (workspace_id, waiting_since) WHERE waiting_since IS NOT NULL;

UPDATE conversations SET waiting_since = (
    SELECT min(m.created_at) FROM messages m
    WHERE m.conversation_id = conversations.id AND m.sender_type = 'contact' AND m.kind IN ('text', 'attachment')
      AND m.seq > COALESCE((SELECT max(r.seq) FROM messages r WHERE r.conversation_id = conversations.id
                            AND r.sender_type IN ('agent', 'bot') AND r.kind IN ('text', 'attachment')), 0))
WHERE status <> 'resolved';

ALTER TABLE messages ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', translate(body, '@./:_+-', '       '))) STORED;
CREATE INDEX messages_search_idx ON messages USING GIN (search);

ALTER TABLE contacts ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', translate(
        name || ' ' || COALESCE(email, '') || ' ' || COALESCE(phone, '') || ' ' || COALESCE(external_id, ''),
        '@./:_+-()', '         '))) STORED;
CREATE INDEX contacts_search_idx ON contacts USING GIN (search);

-- +goose Down
DROP INDEX contacts_search_idx;
ALTER TABLE contacts DROP COLUMN search;
DROP INDEX messages_search_idx;
ALTER TABLE messages DROP COLUMN search;
DROP INDEX conversations_waiting_idx;
DROP INDEX conversations_activity_idx;
ALTER TABLE conversations DROP COLUMN snoozed_until;
ALTER TABLE conversations DROP COLUMN waiting_since;
