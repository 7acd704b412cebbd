-- A station code admits to an activity or to a one-to-one pairing's session held at the station: the key names
-- either, so it no longer references the activity table.
ALTER TABLE station_code DROP CONSTRAINT station_code_activity_id_fkey;
ALTER TABLE station_code RENAME COLUMN activity_id TO occasion_id;
