-- Uses counted against limits that every replica must agree on (LimitLedger): one row per counted use, kept
-- while it is inside its limit's window. Idempotent DDL, like every chassis migration.
CREATE TABLE IF NOT EXISTS linkage_limit_entry (
    id       BIGSERIAL PRIMARY KEY,
    budget   TEXT        NOT NULL,
    subject  TEXT        NOT NULL,
    at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS linkage_limit_entry_by_subject ON linkage_limit_entry (budget, subject, at DESC);
