-- Message search: a prefix index, no document sizes (issue 16).
--
-- The last word of a search, from three letters, also matches as the
-- start of a longer word ("ref" finds "refund"; parley.MinPrefixRunes).
-- Without a prefix index FTS5 answers a prefix by merging the whole list
-- of rows of every word that starts with it before returning the first
-- row: at a million messages, "w12*" (111 words) took 70 ms. With
-- prefix='3' a prefix of three characters is a list of its own, walked
-- newest first and left as soon as enough rows are found (under a
-- millisecond); a longer prefix starts fewer words and merges less. (A
-- shorter last word must be whole: "w*" merged 2,000 words in 0.6 to
-- 1.5 s, and prefix indexes of one and two characters cost about 5% of
-- the writer's throughput where this one costs about 1%.)
--
-- columnsize=0: the index no longer stores each message's length in
-- words (messages_fts_docsize), which only bm25() read; search ranks its
-- candidates from their bodies (parley.RankSearch). That saves more pages
-- than the prefix entries add, per message written.
--
-- The index is rebuilt from messages here, once (about 10 s for a million
-- messages on the 2-core test machine); the triggers of migration 00018
-- keep it in step as before.

-- +goose Up
DROP TABLE messages_fts;
CREATE VIRTUAL TABLE messages_fts USING fts5(body, content='messages', prefix='3', columnsize=0,
    tokenize='unicode61 remove_diacritics 2');
INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');

-- +goose Down
DROP TABLE messages_fts;
CREATE VIRTUAL TABLE messages_fts USING fts5(body, content='messages', tokenize='unicode61 remove_diacritics 2');
INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');
