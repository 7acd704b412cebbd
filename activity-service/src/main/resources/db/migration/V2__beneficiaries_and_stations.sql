-- The people served. Their personal data stays in this service: events carry only the id and the focus group.
CREATE TABLE beneficiary (
    id                 UUID PRIMARY KEY,
    focus_group        TEXT             NOT NULL CHECK (focus_group IN ('ELDERLY', 'CHILD', 'FAMILY')),
    full_name          TEXT             NOT NULL,
    phone              TEXT,
    address            TEXT             NOT NULL,
    birth_date         DATE,
    home_latitude      DOUBLE PRECISION NOT NULL,
    home_longitude     DOUBLE PRECISION NOT NULL,
    community          TEXT             NOT NULL,
    social_worker_id   TEXT             NOT NULL,
    guardian_name      TEXT,
    guardian_phone     TEXT,
    guardian_relation  TEXT,
    version            BIGINT           NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ      NOT NULL,
    updated_at         TIMESTAMPTZ      NOT NULL
);
CREATE INDEX beneficiary_by_community ON beneficiary (community, created_at DESC);
CREATE INDEX beneficiary_by_social_worker ON beneficiary (social_worker_id, created_at DESC);

CREATE TABLE beneficiary_consent (
    id              UUID PRIMARY KEY,
    beneficiary_id  UUID        NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
    given_by        TEXT        NOT NULL,
    relation        TEXT        NOT NULL CHECK (relation IN ('SELF', 'GUARDIAN')),
    purpose         TEXT        NOT NULL,
    given_at        TIMESTAMPTZ NOT NULL,
    recorded_by     TEXT        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL
);
-- Raising a need looks up the guardian's consent for its purpose.
CREATE INDEX consent_by_purpose ON beneficiary_consent (beneficiary_id, purpose);

CREATE TABLE beneficiary_file_entry (
    id              UUID PRIMARY KEY,
    beneficiary_id  UUID        NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
    kind            TEXT        NOT NULL CHECK (kind IN ('NOTE', 'VISIT')),
    text            TEXT        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    author          TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX file_entry_newest_first ON beneficiary_file_entry (beneficiary_id, occurred_at DESC, id DESC);

CREATE TABLE station (
    id                      UUID PRIMARY KEY,
    name                    TEXT             NOT NULL,
    kind                    TEXT             NOT NULL,
    address                 TEXT             NOT NULL,
    latitude                DOUBLE PRECISION NOT NULL,
    longitude               DOUBLE PRECISION NOT NULL,
    community               TEXT             NOT NULL,
    partner_organisations   TEXT[]           NOT NULL DEFAULT '{}',
    version                 BIGINT           NOT NULL DEFAULT 0,
    created_at              TIMESTAMPTZ      NOT NULL
);
-- Area searches narrow by a bounding box first.
CREATE INDEX station_by_position ON station (latitude, longitude);

CREATE TABLE station_opening_hours (
    station_id  UUID    NOT NULL REFERENCES station (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    day         TEXT    NOT NULL,
    opens       TIME    NOT NULL,
    closes      TIME    NOT NULL,
    PRIMARY KEY (station_id, position),
    CHECK (closes > opens)
);
