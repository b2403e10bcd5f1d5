-- Routing takes a queue's pending conversations in the order
-- `priority DESC, COALESCE(queued_at, 0), id` (store.pendingOrder).
-- conversations_queue_idx held (priority, queued_at) ascending and without
-- the COALESCE, so it could not give that order: every read of the next
-- conversations sorted the queue's pending rows, work linear in the queue
-- length. This index holds exactly that order after the equality columns
-- of the query, so the next conversations are read off its front. It also
-- serves what conversations_queue_idx did (its prefix is the same).

-- +goose Up
CREATE INDEX conversations_pending_order_idx ON conversations
    (workspace_id, queue_id, status, priority DESC, (COALESCE(queued_at, 0)), id);
DROP INDEX conversations_queue_idx;

-- +goose Down
CREATE INDEX conversations_queue_idx ON conversations (workspace_id, queue_id, status, priority, queued_at);
DROP INDEX conversations_pending_order_idx;
