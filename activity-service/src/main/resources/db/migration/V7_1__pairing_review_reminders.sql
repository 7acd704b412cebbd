-- The due date a review reminder went out for: one reminder per due date, across restarts and replicas.
ALTER TABLE pairing ADD COLUMN review_reminded_for DATE;
CREATE INDEX pairing_review_due ON pairing (next_review_on) WHERE status IN ('ACTIVE', 'PAUSED');
