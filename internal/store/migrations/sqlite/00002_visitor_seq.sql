-- The visitor sequence: a second numbering of each conversation's messages
-- that counts only what a visitor may see (every kind but notes), 1, 2, 3, …
-- without gaps, so that no number a visitor is shown tells of a note.
-- AppendMessage takes it under the same conversation row lock as seq;
-- a note's visitor_seq is NULL (NULLs never collide in the unique index).
-- read_states keeps each position in both sequences.

-- +goose Up
ALTER TABLE messages ADD COLUMN visitor_seq INTEGER;
ALTER TABLE conversations ADD COLUMN visitor_last_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE read_states ADD COLUMN last_read_visitor_seq INTEGER NOT NULL DEFAULT 0;

UPDATE messages SET visitor_seq = v.n
FROM (SELECT id, row_number() OVER (PARTITION BY conversation_id ORDER BY seq) AS n
      FROM messages WHERE kind <> 'note') AS v
WHERE messages.id = v.id;

CREATE UNIQUE INDEX messages_visitor_seq_idx ON messages (conversation_id, visitor_seq);

UPDATE conversations SET visitor_last_seq = COALESCE(
    (SELECT max(visitor_seq) FROM messages WHERE messages.conversation_id = conversations.id), 0);

UPDATE read_states SET last_read_visitor_seq = COALESCE(
    (SELECT max(visitor_seq) FROM messages
     WHERE messages.conversation_id = read_states.conversation_id AND messages.seq <= read_states.last_read_seq), 0);

-- +goose Down
DROP INDEX messages_visitor_seq_idx;
ALTER TABLE read_states DROP COLUMN last_read_visitor_seq;
ALTER TABLE conversations DROP COLUMN visitor_last_seq;
ALTER TABLE messages DROP COLUMN visitor_seq;
