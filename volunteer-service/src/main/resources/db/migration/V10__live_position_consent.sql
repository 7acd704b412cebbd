-- A separate, revocable consent to share the live position while on duty (riders); the positions themselves are
-- never stored here (matching-service keeps only the latest, in memory, for a short time).
ALTER TABLE volunteer ADD COLUMN live_position_consent_at TIMESTAMPTZ;
ALTER TABLE volunteer ADD COLUMN live_position_consent_purpose VARCHAR(200);
ALTER TABLE volunteer ADD COLUMN live_position_consent_withdrawn_at TIMESTAMPTZ;
