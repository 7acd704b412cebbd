-- Volunteer events carry no name any more (issue #16): matching forgets the names it was once told.
ALTER TABLE candidate DROP COLUMN display_name;
