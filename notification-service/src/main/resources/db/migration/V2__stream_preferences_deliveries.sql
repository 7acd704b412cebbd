-- The live stream's event id: increasing in insertion order, so a reconnecting app resumes after the last it saw.
ALTER TABLE notification ADD COLUMN sequence BIGINT GENERATED ALWAYS AS IDENTITY;
ALTER TABLE notification ADD CONSTRAINT notification_sequence_unique UNIQUE (sequence);
CREATE INDEX notification_stream ON notification (recipient, sequence) WHERE channel = 'IN_APP';

-- What each person chose; a person without a row gets the defaults (in-app only, zh-CN, no quiet hours).
CREATE TABLE recipient_preference (
    recipient   TEXT PRIMARY KEY,
    -- {"OFFER_RECEIVED": ["IN_APP", "SMS"], ...}; a kind that is not listed goes to the inbox only.
    channels    JSONB       NOT NULL,
    language    TEXT        NOT NULL,
    quiet_start TIME,
    quiet_end   TIME,
    email       TEXT,
    phone       TEXT,
    updated_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT quiet_hours_whole CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
);

-- One row per notification sent outside the app; the scheduler retries it until SENT or FAILED.
CREATE TABLE delivery (
    id              UUID PRIMARY KEY,
    notification_id UUID        NOT NULL REFERENCES notification (id),
    channel         TEXT        NOT NULL,
    destination     TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    sent_at         TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    -- A notification is already one per recipient and channel: so is its delivery.
    CONSTRAINT delivery_once UNIQUE (notification_id)
);

-- What the scheduler picks up next.
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
