-- The chassis tables every service has. A repeatable migration of idempotent DDL: it runs after the
-- service's own versioned migrations and again whenever this file changes, so only additive changes belong here.

-- Transactional outbox: written in the same transaction as the state change, published by the relay.
CREATE TABLE IF NOT EXISTS linkage_outbox (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    payload      TEXT        NOT NULL,
    traceparent  TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS linkage_outbox_unpublished ON linkage_outbox (id) WHERE published_at IS NULL;

-- Idempotent consumer: one row per event whose effect has been committed.
CREATE TABLE IF NOT EXISTS linkage_processed_event (
    event_id     UUID PRIMARY KEY,
    event_type   TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Idempotency-Key of creating POSTs: a retried request finds the resource the first one created.
CREATE TABLE IF NOT EXISTS linkage_idempotency_key (
    scope        TEXT        NOT NULL,
    key          TEXT        NOT NULL,
    fingerprint  TEXT        NOT NULL,
    resource_id  TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
