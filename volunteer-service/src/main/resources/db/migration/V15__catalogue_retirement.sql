-- Catalogues are managed by admins through the API: an entry in use is never deleted, it is retired (refused for
-- new use, still shown for what refers to it).
ALTER TABLE skill ADD COLUMN retired_at TIMESTAMPTZ;
ALTER TABLE certification_type ADD COLUMN retired_at TIMESTAMPTZ;
ALTER TABLE training_course ADD COLUMN retired_at TIMESTAMPTZ;
