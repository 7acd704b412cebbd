CREATE TABLE need (
    id                     UUID PRIMARY KEY,
    category               TEXT             NOT NULL,
    required_skill         TEXT             NOT NULL,
    latitude               DOUBLE PRECISION NOT NULL,
    longitude              DOUBLE PRECISION NOT NULL,
    window_start           TIMESTAMPTZ      NOT NULL,
    window_end             TIMESTAMPTZ      NOT NULL,
    urgency                TEXT             NOT NULL,
    volunteers_needed      INTEGER          NOT NULL,
    requested_by           TEXT             NOT NULL,
    summary                TEXT,
    status                 TEXT             NOT NULL,
    status_reason          TEXT,
    assigned_volunteer_id  UUID,
    assignment_id          UUID,
    version                BIGINT           NOT NULL DEFAULT 0,
    created_at             TIMESTAMPTZ      NOT NULL,
    updated_at             TIMESTAMPTZ      NOT NULL,
    CHECK (window_end > window_start),
    CHECK (volunteers_needed BETWEEN 1 AND 20)
);
-- The list is newest first, filtered by status, by the social worker or by category.
CREATE INDEX need_newest_first ON need (created_at DESC, id DESC);
CREATE INDEX need_by_status ON need (status, created_at DESC);
CREATE INDEX need_by_requester ON need (requested_by, created_at DESC);
CREATE INDEX need_by_category ON need (category, created_at DESC);

CREATE TABLE need_status_change (
    need_id     UUID        NOT NULL REFERENCES need (id) ON DELETE CASCADE,
    position    INTEGER     NOT NULL,
    status      TEXT        NOT NULL,
    reason      TEXT,
    changed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (need_id, position)
);
