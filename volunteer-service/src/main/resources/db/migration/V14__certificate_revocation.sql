-- Staff revoke a single certificate (issued in error, hours corrected since): its public verification then says
-- REVOKED. Who did it and why are kept here and in the audit log.
ALTER TABLE hours_certificate
    ADD COLUMN revoked_at timestamptz,
    ADD COLUMN revoked_by text,
    ADD COLUMN revocation_reason text;
