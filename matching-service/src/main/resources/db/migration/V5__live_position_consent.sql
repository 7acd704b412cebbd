-- Whether the volunteer lets matching use their live position while on duty (VolunteerChanged.livePositionConsent).
-- The positions themselves are never stored: matching keeps the latest of each responder in memory only.
ALTER TABLE candidate ADD COLUMN live_position_consent BOOLEAN NOT NULL DEFAULT FALSE;
