-- Stations carry a label per language: name stays the zh-CN label (every existing name is kept as it is), name_en is
-- the English one; a station without it reads its zh-CN label in English too.
ALTER TABLE station ADD COLUMN name_en TEXT;
