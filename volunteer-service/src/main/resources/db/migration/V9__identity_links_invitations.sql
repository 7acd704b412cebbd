-- Identity links: which logins (the identity provider's issuer + subject) act as which volunteer. A login belongs
-- to at most one volunteer (the primary key); a volunteer may have several logins.
CREATE TABLE identity_link (
    id           UUID        PRIMARY KEY,
    issuer       TEXT        NOT NULL,
    subject      TEXT        NOT NULL,
    volunteer_id UUID        NOT NULL REFERENCES volunteer (id),
    via          TEXT        NOT NULL,
    linked_by    TEXT        NOT NULL,
    linked_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (issuer, subject)
);
CREATE INDEX identity_link_by_volunteer ON identity_link (volunteer_id);

-- Orders every identity fact published on linkage.identity-events (links, unlinks, access), so that the
-- projections of the other services keep the newest whatever the partition it came on.
CREATE SEQUENCE identity_fact_sequence;

-- Invitations: a one-time code sent by SMS to a volunteer staff registered. Only a keyed hash of the code is kept.
CREATE TABLE invitation (
    id              UUID        PRIMARY KEY,
    volunteer_id    UUID        NOT NULL REFERENCES volunteer (id),
    phone           TEXT        NOT NULL,
    code_hash       TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    failed_attempts INT         NOT NULL DEFAULT 0,
    expires_at      TIMESTAMPTZ NOT NULL,
    issued_by       TEXT        NOT NULL,
    issued_at       TIMESTAMPTZ NOT NULL,
    closed_at       TIMESTAMPTZ
);
CREATE INDEX invitation_by_volunteer ON invitation (volunteer_id, issued_at DESC);
CREATE INDEX invitation_by_phone ON invitation (phone, issued_at DESC);
-- At most one invitation of a volunteer can be redeemed: a new one closes the one before.
CREATE UNIQUE INDEX invitation_one_open ON invitation (volunteer_id) WHERE status = 'PENDING';
