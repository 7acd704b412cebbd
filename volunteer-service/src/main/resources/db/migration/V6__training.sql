CREATE TABLE training_course (
    code            TEXT PRIMARY KEY,
    name_zh         TEXT    NOT NULL,
    name_en         TEXT    NOT NULL,
    -- How long a completion counts; null when it never lapses.
    validity_months INTEGER CHECK (validity_months > 0)
);
INSERT INTO training_course (code, name_zh, name_en, validity_months) VALUES
    ('social-work-concepts', '社会工作理念',   'Social-work concepts', NULL),
    ('service-skills',       '志愿服务技能',   'Service skills',       NULL),
    ('ethics',               '志愿服务伦理',   'Volunteer ethics',     NULL),
    ('first-aid-refresher',  '应急救护复训',   'First-aid refresher',  24);

CREATE TABLE training_record (
    id           UUID PRIMARY KEY,
    volunteer_id UUID        NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,
    course_code  TEXT        NOT NULL REFERENCES training_course (code),
    completed_on DATE        NOT NULL,
    -- The last day the completion counts; null when it never lapses.
    valid_until  DATE,
    created_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (volunteer_id, course_code, completed_on),
    CHECK (valid_until IS NULL OR valid_until >= completed_on)
);
CREATE INDEX training_record_by_volunteer ON training_record (volunteer_id);
