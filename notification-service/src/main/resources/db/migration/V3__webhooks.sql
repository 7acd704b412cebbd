-- An integrator's subscription: the event types it wants POSTed to its URL, signed with its secret.
CREATE TABLE webhook_subscription (
    id          UUID PRIMARY KEY,
    owner       TEXT        NOT NULL,
    url         TEXT        NOT NULL,
    -- ["AssignmentOffered", ...]
    event_types JSONB       NOT NULL,
    -- Needed in clear to sign each delivery; the API never returns it.
    secret      TEXT        NOT NULL,
    description TEXT,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX webhook_subscription_of_owner ON webhook_subscription (owner, created_at DESC, id DESC);

-- One event for one subscription; the scheduler retries it until SENT or FAILED.
CREATE TABLE webhook_delivery (
    id              UUID PRIMARY KEY,
    subscription_id UUID        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id        UUID        NOT NULL,
    event_type      TEXT        NOT NULL,
    -- The event envelope exactly as POSTed and signed.
    body            TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    sent_at         TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    -- A redelivered event gives no second delivery.
    CONSTRAINT webhook_delivery_once UNIQUE (subscription_id, event_id)
);

CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_of_subscription ON webhook_delivery (subscription_id, created_at DESC, id DESC);

-- Every POST made, kept after a manual re-delivery starts a new round.
CREATE TABLE webhook_attempt (
    id           UUID PRIMARY KEY,
    delivery_id  UUID        NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at TIMESTAMPTZ NOT NULL,
    -- Null when no answer came (refused, timed out).
    status_code  INT,
    error        TEXT,
    duration_ms  BIGINT      NOT NULL
);

CREATE INDEX webhook_attempt_of_delivery ON webhook_attempt (delivery_id, attempted_at);
