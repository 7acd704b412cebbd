-- Sessions of one-to-one pairings (activity-service's PairingSessionCompleted) credit hours too, once per session.
ALTER TABLE hours_entry DROP CONSTRAINT hours_entry_source_check;
ALTER TABLE hours_entry ADD CONSTRAINT hours_entry_source_check
    CHECK (source IN ('NEED', 'ACTIVITY', 'PAIRING', 'CORRECTION'));

-- Children's work (one-to-one pairings, their sessions) needs a background check valid on the day.
INSERT INTO certification_type (code, name_zh, name_en) VALUES
    ('background-check', '无犯罪记录证明', 'Background check (no criminal record)')
ON CONFLICT (code) DO NOTHING;
