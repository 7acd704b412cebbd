-- What activity-service knows of each volunteer from volunteer-service's events: whether they are ACTIVE (not
-- pending, suspended or deactivated), whether they were erased, and their verified certifications. Children's work
-- (pairings and their sessions) is refused to anyone not active or without a background check valid that day.
CREATE TABLE volunteer_standing (
    volunteer_id  UUID PRIMARY KEY,
    active        BOOLEAN     NOT NULL,
    erased        BOOLEAN     NOT NULL DEFAULT FALSE,
    -- The time of the event the row reflects: an older event arriving late changes nothing.
    as_of         TIMESTAMPTZ NOT NULL
);

CREATE TABLE volunteer_credential (
    certification_id    UUID PRIMARY KEY,
    volunteer_id        UUID        NOT NULL,
    certification_type  TEXT        NOT NULL,
    -- The first day it no longer counts.
    expires_on          DATE        NOT NULL,
    expired             BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX volunteer_credential_by_volunteer ON volunteer_credential (volunteer_id, certification_type);
