-- Offers now also expire, are withdrawn by the social worker, or are stood down when others filled the need.
-- The need's time window is copied onto each assignment so that PostgreSQL itself can refuse double booking.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE assignment ADD COLUMN window_start TIMESTAMPTZ;
ALTER TABLE assignment ADD COLUMN window_end TIMESTAMPTZ;
UPDATE assignment SET window_start = need.window_start, window_end = need.window_end
FROM need WHERE need.id = assignment.need_id;
ALTER TABLE assignment ALTER COLUMN window_start SET NOT NULL;
ALTER TABLE assignment ALTER COLUMN window_end SET NOT NULL;

-- A volunteer never holds two accepted assignments whose windows overlap, whichever replica or phone races.
ALTER TABLE assignment ADD CONSTRAINT assignment_no_double_booking
    EXCLUDE USING gist (volunteer_id WITH =, tstzrange(window_start, window_end) WITH &&)
    WHERE (status = 'ACCEPTED');

-- An assignment made by hand may be of a volunteer whose home matching does not know.
ALTER TABLE assignment ALTER COLUMN distance_metres DROP NOT NULL;

-- The expiry job's work list.
CREATE INDEX assignment_offers_due ON assignment (expires_at) WHERE status = 'OFFERED';

-- An emergency need's fan-out: how far it reaches now, and when it widens if nobody has accepted by then.
ALTER TABLE need ADD COLUMN search_radius_metres INTEGER;
ALTER TABLE need ADD COLUMN widen_at TIMESTAMPTZ;
CREATE INDEX need_widenings_due ON need (widen_at) WHERE widen_at IS NOT NULL;
