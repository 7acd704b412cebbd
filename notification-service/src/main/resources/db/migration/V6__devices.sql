-- The app's devices, per person. A token is the push service's address of one app on one phone: unique per route,
-- so registering it again moves it to the new owner (a shared phone) instead of reaching two people.
CREATE TABLE device (
    id            UUID PRIMARY KEY,
    owner         TEXT        NOT NULL,
    platform      TEXT        NOT NULL,
    route         TEXT        NOT NULL,
    token         TEXT        NOT NULL,
    app_version   TEXT        NOT NULL,
    locale        TEXT        NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT device_token_once UNIQUE (route, token)
);

CREATE INDEX device_owner ON device (owner, updated_at);

-- A push notification is delivered to each of the person's devices, each delivery with its own retries: a
-- notification now has one delivery per destination (the device id for PUSH), still one for EMAIL and SMS.
ALTER TABLE delivery DROP CONSTRAINT delivery_once;
ALTER TABLE delivery ADD CONSTRAINT delivery_once UNIQUE (notification_id, destination);
