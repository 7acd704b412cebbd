-- The identity projection every service keeps (security.IdentityProjection), fed by volunteer-service's
-- linkage.identity-events: which volunteer a login (issuer + subject) acts as, and whether a volunteer may act at
-- all. Current-user resolution reads it by primary key on each request. Idempotent DDL, like every chassis migration.

-- volunteer_id NULL: the login was unlinked (kept, so that an older IdentityLinked arriving late cannot revive it).
CREATE TABLE IF NOT EXISTS linkage_identity_link (
    issuer       TEXT        NOT NULL,
    subject      TEXT        NOT NULL,
    volunteer_id UUID,
    sequence     BIGINT      NOT NULL,
    changed_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (issuer, subject)
);

-- access: ALLOWED, SUSPENDED, DEACTIVATED or ERASED; a volunteer without a row may act.
CREATE TABLE IF NOT EXISTS linkage_volunteer_access (
    volunteer_id UUID        PRIMARY KEY,
    access       TEXT        NOT NULL,
    sequence     BIGINT      NOT NULL,
    changed_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
