-- Volunteer group types and organisations become catalogues admins manage through the API (create, rename,
-- retire), like skills: the fixed list of V11 gives way to the catalogue, and free-text organisations to codes.
CREATE TABLE volunteer_group_type (
    code       TEXT PRIMARY KEY,
    name_zh    TEXT NOT NULL,
    name_en    TEXT NOT NULL,
    retired_at TIMESTAMPTZ
);
INSERT INTO volunteer_group_type (code, name_zh, name_en)
VALUES ('COLLEGE_STUDENT', '大学生', 'College students'),
       ('COMMUNITY_MOTHER', '社区妈妈', 'Community mothers'),
       ('PARTY_MEMBER', '党员', 'Party members'),
       ('RIDER', '骑手', 'Riders'),
       ('RESIDENT', '居民', 'Residents'),
       ('OTHER', '其他', 'Other');
ALTER TABLE volunteer DROP CONSTRAINT volunteer_group_type_check;
ALTER TABLE volunteer ADD CONSTRAINT volunteer_group_type_catalogued
    FOREIGN KEY (group_type) REFERENCES volunteer_group_type (code);

-- A school, a platform, a Party branch, a grid; optionally of the group type its volunteers serve with.
CREATE TABLE organisation (
    code       TEXT PRIMARY KEY,
    name_zh    TEXT NOT NULL,
    name_en    TEXT NOT NULL,
    group_type TEXT REFERENCES volunteer_group_type (code),
    retired_at TIMESTAMPTZ
);
-- Every organisation volunteers were given as free text becomes an entry named as written (admins may rename it),
-- of the group type when all its volunteers share one; the volunteers then refer to its code. A clash of two
-- codes would fail the migration rather than merge two organisations.
INSERT INTO organisation (code, name_zh, name_en, group_type)
SELECT 'org-' || left(md5(organisation), 12), organisation, organisation,
       CASE WHEN count(DISTINCT group_type) = 1 AND count(group_type) = count(*) THEN min(group_type) END
  FROM volunteer
 WHERE organisation IS NOT NULL
 GROUP BY organisation;
UPDATE volunteer SET organisation = 'org-' || left(md5(organisation), 12), version = version + 1
 WHERE organisation IS NOT NULL;
ALTER TABLE volunteer ADD CONSTRAINT volunteer_organisation_catalogued
    FOREIGN KEY (organisation) REFERENCES organisation (code);

-- Each ledger entry keeps the group and organisation its volunteer served with when it was recorded, so that a
-- later change of group does not move past hours. Entries recorded before knew none: they take the volunteer's
-- current ones, once (the ledger is otherwise append-only).
ALTER TABLE hours_entry
    ADD COLUMN group_type   TEXT REFERENCES volunteer_group_type (code),
    ADD COLUMN organisation TEXT REFERENCES organisation (code);
ALTER TABLE hours_entry DISABLE TRIGGER hours_entry_append_only;
UPDATE hours_entry e SET group_type = v.group_type, organisation = v.organisation
  FROM volunteer v
 WHERE v.id = e.volunteer_id;
ALTER TABLE hours_entry ENABLE TRIGGER hours_entry_append_only;
CREATE INDEX hours_entry_by_group ON hours_entry (service_date, group_type);
