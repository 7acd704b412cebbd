-- One row per message shown to one person in one channel.
CREATE TABLE notification (
    id              UUID PRIMARY KEY,
    source_event_id UUID        NOT NULL,
    recipient       TEXT        NOT NULL,
    channel         TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    title           TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    data            JSONB       NOT NULL DEFAULT '{}',
    created_at      TIMESTAMPTZ NOT NULL,
    read_at         TIMESTAMPTZ,
    -- Exactly once per person and channel, whatever happens to the consumer's processed-event record.
    CONSTRAINT notification_once_per_recipient UNIQUE (source_event_id, recipient, channel)
);

-- The inbox, newest first.
CREATE INDEX notification_inbox ON notification (recipient, created_at DESC, id DESC);
-- The badge count.
CREATE INDEX notification_unread ON notification (recipient) WHERE read_at IS NULL;
