-- Needs may be restricted to volunteer groups (riders, college students...); matching learns each volunteer's group
-- from the volunteer events and the need's groups from NeedRaised.
ALTER TABLE candidate ADD COLUMN group_type TEXT;
ALTER TABLE need ADD COLUMN volunteer_groups JSONB NOT NULL DEFAULT '[]';
