CREATE TABLE availability (
    volunteer_id     UUID PRIMARY KEY REFERENCES volunteer (id) ON DELETE CASCADE,
    weekly_hours_cap INTEGER CHECK (weekly_hours_cap BETWEEN 1 AND 84),
    updated_at       TIMESTAMPTZ NOT NULL
);

CREATE TABLE availability_slot (
    volunteer_id UUID     NOT NULL REFERENCES availability (volunteer_id) ON DELETE CASCADE,
    position     INTEGER  NOT NULL,
    day_of_week  TEXT     NOT NULL,
    starts_at    TIME     NOT NULL,
    ends_at      TIME     NOT NULL,
    PRIMARY KEY (volunteer_id, position),
    CHECK (starts_at < ends_at)
);

CREATE TABLE availability_exception (
    volunteer_id UUID    NOT NULL REFERENCES availability (volunteer_id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    on_date      DATE    NOT NULL,
    kind         TEXT    NOT NULL,
    starts_at    TIME,
    ends_at      TIME,
    PRIMARY KEY (volunteer_id, position),
    CHECK ((starts_at IS NULL) = (ends_at IS NULL)),
    CHECK (starts_at IS NULL OR starts_at < ends_at)
);
