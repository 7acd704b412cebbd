-- What an activity requires of those who sign up and check in, beyond its skills: certifications valid on its day
-- (by type code) and, for work with children, the children's rule (active, background check). What activity-service
-- knows of a volunteer's skills comes from volunteer-service's events, like their standing.
ALTER TABLE activity
    ADD COLUMN required_certifications TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN with_children           BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE volunteer_standing
    ADD COLUMN skills TEXT[] NOT NULL DEFAULT '{}';
