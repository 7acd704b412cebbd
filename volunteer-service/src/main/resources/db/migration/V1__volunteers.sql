CREATE TABLE volunteer (
    id                   UUID PRIMARY KEY,
    name                 TEXT        NOT NULL,
    phone                TEXT        NOT NULL UNIQUE,
    home_latitude        DOUBLE PRECISION,
    home_longitude       DOUBLE PRECISION,
    location_consent_at  TIMESTAMPTZ,
    on_duty              BOOLEAN     NOT NULL DEFAULT FALSE,
    status               TEXT        NOT NULL,
    version              BIGINT      NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    CHECK ((home_latitude IS NULL) = (home_longitude IS NULL))
);

CREATE TABLE volunteer_skill (
    volunteer_id UUID NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,
    skill        TEXT NOT NULL,
    PRIMARY KEY (volunteer_id, skill)
);
CREATE INDEX volunteer_skill_by_skill ON volunteer_skill (skill);
