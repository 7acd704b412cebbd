CREATE TABLE activity (
    id               UUID PRIMARY KEY,
    station_id       UUID        NOT NULL REFERENCES station (id),
    title            TEXT        NOT NULL,
    description      TEXT,
    starts_at        TIMESTAMPTZ NOT NULL,
    ends_at          TIMESTAMPTZ NOT NULL,
    capacity         INTEGER     NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
    -- Kept in step with the CONFIRMED sign-ups under the activity's row lock; the check is the last line of
    -- defence against overbooking.
    confirmed_count  INTEGER     NOT NULL DEFAULT 0,
    required_skills  TEXT[]      NOT NULL DEFAULT '{}',
    status           TEXT        NOT NULL CHECK (status IN ('SCHEDULED', 'CANCELLED')),
    cancel_reason    TEXT,
    organiser        TEXT        NOT NULL,
    version          BIGINT      NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK (confirmed_count BETWEEN 0 AND capacity)
);
CREATE INDEX activity_by_station ON activity (station_id, starts_at);
CREATE INDEX activity_by_start ON activity (starts_at, id);

-- The order of arrival: the waitlist is promoted in this order.
CREATE SEQUENCE sign_up_arrival;

CREATE TABLE sign_up (
    id             UUID PRIMARY KEY,
    activity_id    UUID        NOT NULL REFERENCES activity (id),
    volunteer_id   UUID        NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
    arrival        BIGINT      NOT NULL DEFAULT nextval('sign_up_arrival'),
    promoted       BOOLEAN     NOT NULL DEFAULT FALSE,
    cancelled_by   TEXT CHECK (cancelled_by IN ('VOLUNTEER', 'STAFF')),
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
-- One live sign-up per volunteer and activity; a cancelled one may be followed by a new one.
CREATE UNIQUE INDEX sign_up_once ON sign_up (activity_id, volunteer_id) WHERE status <> 'CANCELLED';
CREATE INDEX sign_up_queue ON sign_up (activity_id, status, arrival);

-- The rotating codes shown at the station; a code stays valid until it expires even after a newer one is shown.
CREATE TABLE station_code (
    activity_id  UUID        NOT NULL REFERENCES activity (id),
    code         TEXT        NOT NULL,
    issued_at    TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (activity_id, code)
);

CREATE TABLE attendance (
    id              UUID PRIMARY KEY,
    activity_id     UUID          NOT NULL REFERENCES activity (id),
    volunteer_id    UUID          NOT NULL,
    checked_in_at   TIMESTAMPTZ   NOT NULL,
    checked_out_at  TIMESTAMPTZ,
    hours           NUMERIC(4, 2) CHECK (hours >= 0 AND hours <= 24),
    service_date    DATE,
    UNIQUE (activity_id, volunteer_id),
    CHECK (checked_out_at IS NULL OR checked_out_at >= checked_in_at)
);
