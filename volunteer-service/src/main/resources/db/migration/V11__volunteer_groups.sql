-- The group a volunteer serves with (returning college students, community mothers, party members doing their
-- monthly community service, the delivery platform's riders, residents) and the organisation behind it (a school,
-- a platform, a Party branch, a grid). Reports and exports are filtered by them.
ALTER TABLE volunteer
    ADD COLUMN group_type   TEXT CHECK (group_type IN ('COLLEGE_STUDENT', 'COMMUNITY_MOTHER', 'PARTY_MEMBER', 'RIDER',
                                                       'RESIDENT', 'OTHER')),
    ADD COLUMN organisation TEXT;
CREATE INDEX volunteer_by_group ON volunteer (group_type, organisation);
