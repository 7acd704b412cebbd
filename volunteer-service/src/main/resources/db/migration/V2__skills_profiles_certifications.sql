CREATE TABLE skill (
    code    TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL
);
INSERT INTO skill (code, name_zh, name_en) VALUES
    ('tutoring',      '课业辅导', 'Tutoring'),
    ('elder-care',    '助老服务', 'Elder care'),
    ('companionship', '陪伴探访', 'Companionship'),
    ('haircut',       '义务理发', 'Haircut'),
    ('repairs',       '家电维修', 'Repairs'),
    ('clinic',        '义诊',     'Clinic'),
    ('first-aid',     '应急救护', 'First aid'),
    ('counselling',   '心理疏导', 'Counselling'),
    ('legal-aid',     '法律援助', 'Legal aid'),
    ('arts',          '文艺活动', 'Arts'),
    ('driving',       '爱心接送', 'Driving'),
    ('errands',       '代购跑腿', 'Errands'),
    ('cooking',       '助餐送餐', 'Cooking and meal delivery'),
    ('sign-language', '手语',     'Sign language');
-- Volunteers registered before the catalogue existed keep their skills: unknown codes join the catalogue.
INSERT INTO skill (code, name_zh, name_en)
SELECT DISTINCT skill, skill, skill FROM volunteer_skill ON CONFLICT (code) DO NOTHING;

ALTER TABLE volunteer_skill
    ADD COLUMN level SMALLINT NOT NULL DEFAULT 1 CHECK (level BETWEEN 1 AND 3),
    ADD FOREIGN KEY (skill) REFERENCES skill (code);

ALTER TABLE volunteer
    ADD COLUMN birth_year        INTEGER,
    ADD COLUMN gender            TEXT,
    ADD COLUMN home_community    TEXT,
    ADD COLUMN bio               TEXT,
    ADD COLUMN photo_url         TEXT,
    ADD COLUMN status_reason     TEXT,
    ADD COLUMN status_changed_at TIMESTAMPTZ;
CREATE INDEX volunteer_by_home_community ON volunteer (home_community);

CREATE TABLE volunteer_language (
    volunteer_id UUID NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,
    language     TEXT NOT NULL,
    PRIMARY KEY (volunteer_id, language)
);

CREATE TABLE certification_type (
    code    TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL
);
INSERT INTO certification_type (code, name_zh, name_en) VALUES
    ('first-aid',           '红十字救护员证', 'First-aid certificate'),
    ('nursing',             '护士执业证书',   'Nursing licence'),
    ('counselling-licence', '心理咨询师证书', 'Counselling licence'),
    ('social-worker',       '社会工作者证书', 'Social worker certificate'),
    ('elder-care-worker',   '养老护理员证书', 'Elder-care worker certificate'),
    ('driving-licence',     '机动车驾驶证',   'Driving licence');

CREATE TABLE certification (
    id                   UUID PRIMARY KEY,
    volunteer_id         UUID        NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,
    type                 TEXT        NOT NULL REFERENCES certification_type (code),
    number               TEXT        NOT NULL,
    issuer               TEXT        NOT NULL,
    issued_on            DATE        NOT NULL,
    expires_on           DATE        NOT NULL,
    document_ref         TEXT,
    verification         TEXT        NOT NULL,
    verification_reason  TEXT,
    verified_at          TIMESTAMPTZ,
    -- Timer state of the daily expiry job: set when the notice was published, so no run sends it twice.
    expiring_notified_at TIMESTAMPTZ,
    expired_notified_at  TIMESTAMPTZ,
    created_at           TIMESTAMPTZ NOT NULL,
    UNIQUE (volunteer_id, type, number),
    CHECK (expires_on > issued_on)
);
CREATE INDEX certification_by_volunteer ON certification (volunteer_id);
CREATE INDEX certification_awaiting_expiry_notice ON certification (expires_on)
    WHERE verification = 'VERIFIED' AND expired_notified_at IS NULL;
