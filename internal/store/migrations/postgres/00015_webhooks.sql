-- Webhooks: endpoints (subscriptions), one delivery per endpoint and outbox
-- event, and the delivery log (one row per attempt). A delivery is claimed
-- by a dispatcher with a lease (lease_owner, lease_until) taken by
-- compare-and-set. Deliveries and their log go with their event (contact
-- erasure deletes events) and with their endpoint.

-- +goose Up
CREATE TABLE webhook_endpoints (
    id                    TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    workspace_id          TEXT COLLATE "C" NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    url                   TEXT    NOT NULL,
    description           TEXT    NOT NULL DEFAULT '',
    event_types           TEXT    NOT NULL,
    inbox_id              TEXT COLLATE "C",
    enabled               BOOLEAN NOT NULL DEFAULT TRUE,
    disabled_reason       TEXT    NOT NULL DEFAULT '',
    rate_limit            BIGINT  NOT NULL DEFAULT 0,
    notes                 BOOLEAN NOT NULL DEFAULT FALSE,
    secret                TEXT    NOT NULL,
    previous_secret       TEXT    NOT NULL DEFAULT '',
    previous_secret_until BIGINT,
    failing_since         BIGINT,
    created_at            BIGINT  NOT NULL,
    updated_at            BIGINT  NOT NULL
);
CREATE INDEX webhook_endpoints_workspace_idx ON webhook_endpoints (workspace_id, id);

CREATE TABLE webhook_deliveries (
    id               TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    workspace_id     TEXT COLLATE "C" NOT NULL,
    endpoint_id      TEXT COLLATE "C" NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id         TEXT COLLATE "C" NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    event_type       TEXT    NOT NULL,
    conversation_id  TEXT COLLATE "C",
    status           TEXT    NOT NULL,
    attempts         BIGINT  NOT NULL DEFAULT 0,
    tries            BIGINT  NOT NULL DEFAULT 0,
    next_attempt_at  BIGINT  NOT NULL,
    lease_owner      TEXT    NOT NULL DEFAULT '',
    lease_until      BIGINT  NOT NULL DEFAULT 0,
    last_status_code BIGINT  NOT NULL DEFAULT 0,
    last_error       TEXT    NOT NULL DEFAULT '',
    created_at       BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL,
    delivered_at     BIGINT,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_order_idx ON webhook_deliveries (endpoint_id, conversation_id, event_id) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_list_idx ON webhook_deliveries (endpoint_id, id);
CREATE INDEX webhook_deliveries_event_idx ON webhook_deliveries (event_id);
CREATE INDEX webhook_deliveries_sweep_idx ON webhook_deliveries (updated_at) WHERE status <> 'pending';

CREATE TABLE webhook_attempts (
    id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    workspace_id TEXT COLLATE "C" NOT NULL,
    endpoint_id  TEXT COLLATE "C" NOT NULL,
    delivery_id  TEXT COLLATE "C" NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    event_id     TEXT COLLATE "C" NOT NULL,
    event_type   TEXT    NOT NULL,
    attempted_at BIGINT  NOT NULL,
    status_code  BIGINT  NOT NULL,
    error        TEXT    NOT NULL DEFAULT '',
    latency_us   BIGINT  NOT NULL,
    response     TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, id);
CREATE INDEX webhook_attempts_time_idx ON webhook_attempts (attempted_at);

-- The event feed (GET /api/v1/events): fan-out numbers the events it
-- dispatches, feed_seq, under the lock of the one event_feed row, so that
-- the numbers follow commit order on every node and a reader following
-- them never misses an event that commits late.
ALTER TABLE events ADD COLUMN feed_seq BIGINT;
CREATE UNIQUE INDEX events_feed_idx ON events (workspace_id, feed_seq) WHERE feed_seq IS NOT NULL;
CREATE TABLE event_feed (
    id       BIGINT NOT NULL PRIMARY KEY,
    last_seq BIGINT NOT NULL
);
INSERT INTO event_feed (id, last_seq) VALUES (1, 0);

-- +goose Down
DROP TABLE event_feed;
DROP INDEX events_feed_idx;
ALTER TABLE events DROP COLUMN feed_seq;
DROP TABLE webhook_attempts;
DROP TABLE webhook_deliveries;
DROP TABLE webhook_endpoints;
