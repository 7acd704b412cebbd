ALTER TABLE need
    ADD COLUMN beneficiary_id           UUID REFERENCES beneficiary (id),
    ADD COLUMN care_category            TEXT CHECK (care_category IN ('ELDERLY', 'CHILD', 'FAMILY')),
    ADD COLUMN community                TEXT,
    -- The location is the beneficiary's home: events carry it blurred.
    ADD COLUMN at_beneficiary_home      BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN estimated_hours          NUMERIC(4, 2) CHECK (estimated_hours > 0 AND estimated_hours <= 24),
    ADD COLUMN required_certifications  TEXT[]       NOT NULL DEFAULT '{}',
    ADD COLUMN required_training        TEXT[]       NOT NULL DEFAULT '{}',
    ADD COLUMN radius_metres            INTEGER CHECK (radius_metres > 0),
    ADD COLUMN deadline                 TIMESTAMPTZ,
    ADD COLUMN series_id                UUID,
    ADD COLUMN service_date             DATE,
    ADD COLUMN confirmed_by             TEXT,
    ADD COLUMN completed_at             TIMESTAMPTZ;
CREATE INDEX need_by_beneficiary ON need (beneficiary_id, created_at DESC);
CREATE INDEX need_by_community ON need (community, status);

-- Every volunteer who accepted the need, with their report and the hours the social worker confirmed.
CREATE TABLE need_assignment (
    assignment_id    UUID PRIMARY KEY,
    need_id          UUID          NOT NULL REFERENCES need (id) ON DELETE CASCADE,
    volunteer_id     UUID          NOT NULL,
    accepted_at      TIMESTAMPTZ   NOT NULL,
    report           TEXT,
    reported_hours   NUMERIC(4, 2) CHECK (reported_hours > 0 AND reported_hours <= 24),
    reported_at      TIMESTAMPTZ,
    confirmed_hours  NUMERIC(4, 2) CHECK (confirmed_hours > 0 AND confirmed_hours <= 24),
    UNIQUE (need_id, volunteer_id)
);

-- A recurring need: the row is the timer. The job raises the next occurrence once next_due_at has passed and
-- moves next_due_at on; NULL once the series is over.
CREATE TABLE need_series (
    id                   UUID PRIMARY KEY,
    template_need_id     UUID        NOT NULL REFERENCES need (id),
    frequency            TEXT        NOT NULL CHECK (frequency IN ('WEEKLY', 'MONTHLY')),
    until                DATE,
    occurrences          INTEGER     NOT NULL CHECK (occurrences >= 1),
    next_due_at          TIMESTAMPTZ,
    version              BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX need_series_due ON need_series (next_due_at) WHERE next_due_at IS NOT NULL;

-- The volunteers holding an open offer for a need (from matching's events): they may read the need meanwhile.
CREATE TABLE need_offer (
    assignment_id  UUID PRIMARY KEY,
    need_id        UUID NOT NULL REFERENCES need (id) ON DELETE CASCADE,
    volunteer_id   UUID NOT NULL
);
CREATE INDEX need_offer_by_volunteer ON need_offer (need_id, volunteer_id);
