-- matching-service's own view of volunteers, built only from volunteer events.
CREATE TABLE candidate (
    volunteer_id   UUID PRIMARY KEY,
    display_name   TEXT        NOT NULL,
    home_latitude  DOUBLE PRECISION,
    home_longitude DOUBLE PRECISION,
    on_duty        BOOLEAN     NOT NULL,
    active         BOOLEAN     NOT NULL,
    -- When the event that produced this state occurred; older events arriving late are ignored.
    updated_at     TIMESTAMPTZ NOT NULL,
    CHECK ((home_latitude IS NULL) = (home_longitude IS NULL))
);

CREATE TABLE candidate_skill (
    volunteer_id UUID NOT NULL REFERENCES candidate (volunteer_id) ON DELETE CASCADE,
    skill        TEXT NOT NULL,
    PRIMARY KEY (volunteer_id, skill)
);
CREATE INDEX candidate_skill_by_skill ON candidate_skill (skill);

-- The needs raised, as NeedRaised described them.
CREATE TABLE need (
    id                UUID PRIMARY KEY,
    category          TEXT        NOT NULL,
    required_skill    TEXT        NOT NULL,
    latitude          DOUBLE PRECISION NOT NULL,
    longitude         DOUBLE PRECISION NOT NULL,
    window_start      TIMESTAMPTZ NOT NULL,
    window_end        TIMESTAMPTZ NOT NULL,
    urgency           TEXT        NOT NULL,
    volunteers_needed INTEGER     NOT NULL CHECK (volunteers_needed >= 1),
    requested_by      TEXT        NOT NULL,
    summary           TEXT,
    raised_at         TIMESTAMPTZ NOT NULL,
    -- Set when NeedUnmatched was published, so that it is published once per need.
    unmatched_at      TIMESTAMPTZ
);

-- One offer of a need to one volunteer, and the volunteer's answer.
CREATE TABLE assignment (
    id              UUID PRIMARY KEY,
    need_id         UUID        NOT NULL REFERENCES need (id),
    volunteer_id    UUID        NOT NULL REFERENCES candidate (volunteer_id),
    status          TEXT        NOT NULL,
    rank            INTEGER     NOT NULL,
    distance_metres INTEGER     NOT NULL,
    offered_at      TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    answered_at     TIMESTAMPTZ,
    decline_reason  TEXT,
    -- A volunteer is offered a need at most once.
    UNIQUE (need_id, volunteer_id)
);
CREATE INDEX assignment_by_volunteer ON assignment (volunteer_id, offered_at DESC);
CREATE INDEX assignment_by_status ON assignment (status, offered_at DESC);
