-- Consent to store the home location is recorded with its purpose; withdrawing it removes the location.
ALTER TABLE volunteer
    ADD COLUMN location_consent_purpose      TEXT,
    ADD COLUMN location_consent_withdrawn_at TIMESTAMPTZ;
UPDATE volunteer SET location_consent_purpose = 'Matching with needs near home'
WHERE location_consent_at IS NOT NULL;
ALTER TABLE volunteer
    ADD CHECK ((home_latitude IS NULL) OR (location_consent_at IS NOT NULL AND location_consent_purpose IS NOT NULL));
