-- Approval no longer offers each pair: it proposes a one-to-one pairing that activity-service owns from then on
-- (PairingProposed). pair_id is that pairing's id; assignment_id stays for pairs approved before.
ALTER TABLE pairing_pair ADD COLUMN pair_id UUID;

-- Beneficiaries in an active one-to-one pairing (PairingActivated until PairingEnded): their needs are offered to
-- the paired volunteer only.
CREATE TABLE paired_beneficiary (
    beneficiary_ref UUID PRIMARY KEY,
    pairing_id      UUID        NOT NULL,
    volunteer_id    UUID        NOT NULL,
    active_since    TIMESTAMPTZ NOT NULL
);
CREATE INDEX paired_beneficiary_by_pairing ON paired_beneficiary (pairing_id);
