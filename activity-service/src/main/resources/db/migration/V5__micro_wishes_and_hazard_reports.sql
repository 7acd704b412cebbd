CREATE TABLE micro_wish (
    id                UUID PRIMARY KEY,
    title             TEXT        NOT NULL,
    description       TEXT,
    community         TEXT        NOT NULL,
    posted_by         TEXT        NOT NULL,
    beneficiary_id    UUID REFERENCES beneficiary (id),
    status            TEXT        NOT NULL CHECK (status IN ('OPEN', 'CLAIMED', 'FULFILLED', 'CONFIRMED')),
    claimed_by        UUID,
    claimed_at        TIMESTAMPTZ,
    fulfilment_note   TEXT,
    photo_url         TEXT,
    fulfilled_at      TIMESTAMPTZ,
    confirmed_by      TEXT,
    confirmed_at      TIMESTAMPTZ,
    version           BIGINT      NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ NOT NULL,
    -- One claimer: a claimed wish always names them.
    CHECK (status = 'OPEN' OR claimed_by IS NOT NULL)
);
-- The list shows the oldest unclaimed wishes first.
CREATE INDEX micro_wish_oldest_unclaimed ON micro_wish (community, (status <> 'OPEN'), created_at, id);

CREATE TABLE hazard_report (
    id                  UUID PRIMARY KEY,
    category            TEXT             NOT NULL,
    description         TEXT,
    latitude            DOUBLE PRECISION NOT NULL,
    longitude           DOUBLE PRECISION NOT NULL,
    community           TEXT,
    reported_by         UUID             NOT NULL,
    reported_at         TIMESTAMPTZ      NOT NULL,
    status              TEXT             NOT NULL CHECK (status IN ('REPORTED', 'TRIAGED', 'ASSIGNED', 'RESOLVED',
                                                                    'DISMISSED')),
    severity            TEXT CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH')),
    triaged_by          TEXT,
    assignee            TEXT,
    resolution          TEXT,
    resolved_at         TIMESTAMPTZ,
    likely_duplicate_of UUID REFERENCES hazard_report (id),
    version             BIGINT           NOT NULL DEFAULT 0
);
-- Duplicate detection looks for recent reports near a point.
CREATE INDEX hazard_report_recent_nearby ON hazard_report (reported_at, latitude, longitude);
CREATE INDEX hazard_report_by_status ON hazard_report (status, reported_at DESC);

-- The photo, stored apart so that lists never load it. Its content type is the one its bytes show.
CREATE TABLE hazard_photo (
    report_id     UUID PRIMARY KEY REFERENCES hazard_report (id) ON DELETE CASCADE,
    content_type  TEXT    NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    size_bytes    INTEGER NOT NULL CHECK (size_bytes > 0),
    bytes         BYTEA   NOT NULL
);
