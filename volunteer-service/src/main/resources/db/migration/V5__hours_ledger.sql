-- The service-hours ledger: entries are only ever added; a mistake is put right by a compensating CORRECTION.
CREATE TABLE hours_entry (
    id              UUID PRIMARY KEY,
    volunteer_id    UUID          NOT NULL REFERENCES volunteer (id),
    source          TEXT          NOT NULL CHECK (source IN ('NEED', 'ACTIVITY', 'CORRECTION')),
    -- The completed need or activity; for a correction, the entry it corrects (or itself).
    source_id       UUID          NOT NULL,
    -- The event the hours came from; null for corrections, which come through the API.
    source_event_id UUID,
    service_date    DATE          NOT NULL,
    hours           NUMERIC(6, 2) NOT NULL CHECK (hours <> 0),
    confirmed_by    TEXT          NOT NULL,
    reason          TEXT,
    recorded_at     TIMESTAMPTZ   NOT NULL,
    CHECK (source = 'CORRECTION' OR hours > 0),
    CHECK (source <> 'CORRECTION' OR reason IS NOT NULL)
);
-- One need or activity credits a volunteer once, whichever event (or redelivery) reports it.
CREATE UNIQUE INDEX hours_entry_once_per_source ON hours_entry (source, source_id, volunteer_id)
    WHERE source <> 'CORRECTION';
CREATE INDEX hours_entry_by_volunteer ON hours_entry (volunteer_id, service_date);

CREATE FUNCTION hours_entry_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'hours_entry is append-only: % is not allowed, record a correction instead', TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER hours_entry_append_only BEFORE UPDATE OR DELETE ON hours_entry
    FOR EACH ROW EXECUTE FUNCTION hours_entry_reject_change();
CREATE TRIGGER hours_entry_no_truncate BEFORE TRUNCATE ON hours_entry
    FOR EACH STATEMENT EXECUTE FUNCTION hours_entry_reject_change();

-- Running totals, kept with the ledger in one transaction; the row lock orders concurrent credits of a volunteer
-- so that each star threshold is crossed by exactly one entry.
CREATE TABLE volunteer_hours (
    volunteer_id   UUID PRIMARY KEY REFERENCES volunteer (id),
    lifetime_hours NUMERIC(8, 2) NOT NULL CHECK (lifetime_hours >= 0),
    star_level     SMALLINT      NOT NULL CHECK (star_level BETWEEN 0 AND 5),
    updated_at     TIMESTAMPTZ   NOT NULL
);
CREATE INDEX volunteer_hours_by_star_level ON volunteer_hours (star_level);

CREATE SEQUENCE hours_certificate_number;
CREATE TABLE hours_certificate (
    id                   UUID PRIMARY KEY,
    number               TEXT          NOT NULL UNIQUE,
    volunteer_id         UUID          NOT NULL REFERENCES volunteer (id),
    period_from          DATE          NOT NULL,
    period_to            DATE          NOT NULL,
    issuing_organisation TEXT          NOT NULL,
    total_hours          NUMERIC(8, 2) NOT NULL,
    issued_at            TIMESTAMPTZ   NOT NULL,
    CHECK (period_from <= period_to)
);
CREATE INDEX hours_certificate_by_volunteer ON hours_certificate (volunteer_id);

-- The entries a certificate covers, fixed when it is issued.
CREATE TABLE hours_certificate_entry (
    certificate_id UUID NOT NULL REFERENCES hours_certificate (id),
    entry_id       UUID NOT NULL REFERENCES hours_entry (id),
    PRIMARY KEY (certificate_id, entry_id)
);
