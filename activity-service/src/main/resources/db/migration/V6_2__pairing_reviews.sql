-- The periodic review of an active pairing by the responsible social worker; the pairing shows when the next is due.
ALTER TABLE pairing ADD COLUMN next_review_on DATE;

CREATE TABLE pairing_review (
    id              UUID PRIMARY KEY,
    pairing_id      UUID        NOT NULL REFERENCES pairing (id),
    reviewed_by     TEXT        NOT NULL,
    reviewed_at     TIMESTAMPTZ NOT NULL,
    -- How the pairing goes: the child's personal data, never in an event.
    notes           TEXT        NOT NULL,
    next_review_on  DATE        NOT NULL
);
CREATE INDEX pairing_review_by_pairing ON pairing_review (pairing_id, reviewed_at DESC);
