-- Volunteer group types are a catalogue admins add to in volunteer-service; the volunteer events carry the type's
-- labels, kept here so that offer reasons name a group matching's message catalogue does not know.
ALTER TABLE candidate
    ADD COLUMN group_name_zh TEXT,
    ADD COLUMN group_name_en TEXT;
