-- The whole volunteer as the volunteer events describe them. Certifications, training and availability have
-- their own tables without a reference to candidate, so that they are kept whichever event is consumed first.
ALTER TABLE candidate ALTER COLUMN display_name DROP NOT NULL;
ALTER TABLE candidate ADD COLUMN skill_levels JSONB NOT NULL DEFAULT '{}';
ALTER TABLE candidate ADD COLUMN community TEXT;
ALTER TABLE candidate ADD COLUMN languages JSONB NOT NULL DEFAULT '[]';
-- Set when the volunteer asked to be forgotten: the row keeps only the id (assignments refer to it), and no
-- later event brings the person back.
ALTER TABLE candidate ADD COLUMN erased_at TIMESTAMPTZ;
-- When anything matching holds about the volunteer last changed; other replicas refresh their index from it.
ALTER TABLE candidate ADD COLUMN changed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp();
CREATE INDEX candidate_by_change ON candidate (changed_at);

CREATE TABLE candidate_certification (
    certification_id   UUID PRIMARY KEY,
    volunteer_id       UUID    NOT NULL,
    certification_type TEXT    NOT NULL,
    -- The first day it no longer counts.
    expires_on         DATE    NOT NULL,
    -- CertificationExpired was consumed: it no longer counts, whatever a late CertificationVerified says.
    expired            BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX candidate_certification_by_volunteer ON candidate_certification (volunteer_id);

CREATE TABLE candidate_training (
    volunteer_id UUID NOT NULL,
    course_code  TEXT NOT NULL,
    completed_on DATE NOT NULL,
    -- The last day it counts; NULL when it never lapses.
    valid_until  DATE,
    PRIMARY KEY (volunteer_id, course_code)
);

CREATE TABLE candidate_availability (
    volunteer_id     UUID PRIMARY KEY,
    time_zone        TEXT        NOT NULL,
    weekly_slots     JSONB       NOT NULL,
    exceptions       JSONB       NOT NULL,
    weekly_hours_cap INTEGER,
    -- When the event that produced this state occurred; older events arriving late are ignored.
    updated_at       TIMESTAMPTZ NOT NULL
);

-- What NeedRaised now requires and tells.
ALTER TABLE need ADD COLUMN required_certifications JSONB NOT NULL DEFAULT '[]';
ALTER TABLE need ADD COLUMN required_training JSONB NOT NULL DEFAULT '[]';
ALTER TABLE need ADD COLUMN radius_metres INTEGER;
ALTER TABLE need ADD COLUMN care_category TEXT;
ALTER TABLE need ADD COLUMN beneficiary_ref UUID;
ALTER TABLE need ADD COLUMN deadline TIMESTAMPTZ;
ALTER TABLE need ADD COLUMN estimated_hours DOUBLE PRECISION;
ALTER TABLE need ADD COLUMN community TEXT;
ALTER TABLE need ADD COLUMN cancelled_at TIMESTAMPTZ;
-- The deadline timer: when the need, if it still lacks volunteers, escalates (NeedUnmatched).
ALTER TABLE need ADD COLUMN escalate_at TIMESTAMPTZ;
CREATE INDEX need_escalations_due ON need (escalate_at) WHERE escalate_at IS NOT NULL;
CREATE INDEX need_by_beneficiary ON need (beneficiary_ref) WHERE beneficiary_ref IS NOT NULL;

-- The hours an assignment takes (for the weekly hours cap), and why the volunteer was offered it.
ALTER TABLE assignment ADD COLUMN hours DOUBLE PRECISION;
UPDATE assignment SET hours = EXTRACT(EPOCH FROM (window_end - window_start)) / 3600;
ALTER TABLE assignment ALTER COLUMN hours SET NOT NULL;
ALTER TABLE assignment ADD COLUMN score DOUBLE PRECISION;
ALTER TABLE assignment ADD COLUMN reasons JSONB;
CREATE INDEX assignment_accepted_by_volunteer ON assignment (volunteer_id, window_start) WHERE status = 'ACCEPTED';

-- One-to-one pairings proposed for a group of beneficiaries, until the social worker approves them.
CREATE TABLE pairing (
    id            UUID PRIMARY KEY,
    requested_by  TEXT             NOT NULL,
    -- The requesting social worker's community: its social workers read and approve the pairing.
    community     TEXT,
    category      TEXT             NOT NULL,
    window_start  TIMESTAMPTZ      NOT NULL,
    window_end    TIMESTAMPTZ      NOT NULL,
    status        TEXT             NOT NULL,
    total_score   DOUBLE PRECISION NOT NULL,
    created_at    TIMESTAMPTZ      NOT NULL,
    approved_at   TIMESTAMPTZ
);

CREATE TABLE pairing_pair (
    pairing_id     UUID             NOT NULL REFERENCES pairing (id) ON DELETE CASCADE,
    -- The beneficiary's place in the request.
    position       INTEGER          NOT NULL,
    beneficiary_ref UUID            NOT NULL,
    required_skill TEXT             NOT NULL,
    latitude       DOUBLE PRECISION NOT NULL,
    longitude      DOUBLE PRECISION NOT NULL,
    care_category  TEXT,
    -- NULL when no volunteer of the pool fits this beneficiary.
    volunteer_id   UUID,
    score          DOUBLE PRECISION,
    reasons        JSONB,
    -- The assignment offered when the pairing was approved.
    assignment_id  UUID,
    PRIMARY KEY (pairing_id, position)
);
