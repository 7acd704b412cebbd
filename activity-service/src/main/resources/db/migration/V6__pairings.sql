-- One-to-one pairings of a beneficiary (mostly a child) with a volunteer: proposed by matching-service
-- (PairingProposed), owned here from then on. Rows are never deleted: a beneficiary's pairings are their continuity
-- history (an ended pairing may name the one that succeeded it).
CREATE TABLE pairing (
    id                  UUID PRIMARY KEY,
    proposal_id         UUID             NOT NULL,
    beneficiary_id      UUID             NOT NULL REFERENCES beneficiary (id),
    volunteer_id        UUID             NOT NULL,
    -- The beneficiary's community: its staff may act, the responsible social worker decides.
    community           TEXT             NOT NULL,
    category            TEXT             NOT NULL,
    required_skill      TEXT,
    score               DOUBLE PRECISION,
    reasons             TEXT[]           NOT NULL DEFAULT '{}',
    proposed_by         TEXT             NOT NULL,
    proposed_at         TIMESTAMPTZ      NOT NULL,
    status              TEXT             NOT NULL
        CHECK (status IN ('PROPOSED', 'CONFIRMED', 'CONSENTED', 'ACCEPTED', 'ACTIVE', 'PAUSED', 'ENDED')),
    confirmed_by        TEXT,
    confirmed_at        TIMESTAMPTZ,
    accepted_at         TIMESTAMPTZ,
    activated_by        TEXT,
    activated_at        TIMESTAMPTZ,
    starts_on           DATE,
    ends_on             DATE,
    ended_by            TEXT,
    ended_at            TIMESTAMPTZ,
    end_reason          TEXT,
    previous_pairing_id UUID REFERENCES pairing (id),
    succeeded_by        UUID,
    version             BIGINT           NOT NULL DEFAULT 0,
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX pairing_by_beneficiary ON pairing (beneficiary_id, proposed_at DESC);
CREATE INDEX pairing_by_volunteer ON pairing (volunteer_id, proposed_at DESC);
-- A beneficiary has one active (or paused) pairing at a time; the last word when two activations race.
CREATE UNIQUE INDEX pairing_one_active_per_beneficiary ON pairing (beneficiary_id)
    WHERE status IN ('ACTIVE', 'PAUSED');

-- The consent to one pairing: by the guardian for a minor. Revocation keeps the row (who, when, why).
CREATE TABLE pairing_consent (
    id                UUID PRIMARY KEY,
    pairing_id        UUID        NOT NULL REFERENCES pairing (id),
    given_by          TEXT        NOT NULL,
    relation          TEXT        NOT NULL CHECK (relation IN ('SELF', 'GUARDIAN')),
    method            TEXT        NOT NULL CHECK (method IN ('IN_PERSON', 'SIGNED_FORM', 'PHONE_CALL', 'VIDEO_CALL')),
    given_at          TIMESTAMPTZ NOT NULL,
    recorded_by       TEXT        NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL,
    revoked_at        TIMESTAMPTZ,
    revoked_by        TEXT,
    revocation_reason TEXT
);
CREATE UNIQUE INDEX pairing_consent_one_in_force ON pairing_consent (pairing_id) WHERE revoked_at IS NULL;

-- The sessions of a pairing; a completed one credits its hours to the volunteer (PairingSessionCompleted).
CREATE TABLE pairing_session (
    id              UUID PRIMARY KEY,
    pairing_id      UUID         NOT NULL REFERENCES pairing (id),
    kind            TEXT         NOT NULL CHECK (kind IN ('TUTORING', 'HOME_VISIT', 'OUTING')),
    starts_at       TIMESTAMPTZ  NOT NULL,
    ends_at         TIMESTAMPTZ  NOT NULL,
    station_id      UUID REFERENCES station (id),
    status          TEXT         NOT NULL CHECK (status IN ('SCHEDULED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED')),
    scheduled_by    TEXT         NOT NULL,
    checked_in_at   TIMESTAMPTZ,
    checked_in_by   TEXT,
    checked_out_at  TIMESTAMPTZ,
    checked_out_by  TEXT,
    hours           NUMERIC(5, 2),
    service_date    DATE,
    cancel_reason   TEXT,
    version         BIGINT       NOT NULL DEFAULT 0,
    CHECK (ends_at > starts_at)
);
CREATE INDEX pairing_session_by_pairing ON pairing_session (pairing_id, starts_at);
