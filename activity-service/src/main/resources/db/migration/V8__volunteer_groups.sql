-- Volunteer groups (returning college students, community mothers, party members, the platform's riders,
-- residents): a need may be restricted to some (matching offers it to them only), an activity may be open to some
-- only (its audience), and activity-service learns each volunteer's group from volunteer-service's events.
ALTER TABLE need ADD COLUMN volunteer_groups TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE activity ADD COLUMN audience TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE volunteer_standing ADD COLUMN group_type TEXT;

-- Stations are managed by admins through the API like the catalogues: renamed, or retired (never deleted: activities,
-- sessions and statistics refer to them); a retired station takes no new activity.
ALTER TABLE station ADD COLUMN retired_at TIMESTAMPTZ;
