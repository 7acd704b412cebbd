-- Audit log of reads and changes of sensitive records (who, what, when, why). Append-only: the trigger refuses
-- every UPDATE and DELETE, so not even the service's own database user can rewrite history.
CREATE TABLE IF NOT EXISTS linkage_audit_log (
    id            BIGSERIAL PRIMARY KEY,
    occurred_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor         TEXT        NOT NULL,
    actor_role    TEXT        NOT NULL,
    action        TEXT        NOT NULL,
    resource_type TEXT        NOT NULL,
    resource_id   TEXT        NOT NULL,
    purpose       TEXT        NOT NULL
);
CREATE INDEX IF NOT EXISTS linkage_audit_log_resource ON linkage_audit_log (resource_type, resource_id, id);
CREATE INDEX IF NOT EXISTS linkage_audit_log_actor ON linkage_audit_log (actor, id);

CREATE OR REPLACE FUNCTION linkage_audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'linkage_audit_log is append-only';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS linkage_audit_log_append_only ON linkage_audit_log;
CREATE TRIGGER linkage_audit_log_append_only BEFORE UPDATE OR DELETE ON linkage_audit_log
    FOR EACH ROW EXECUTE FUNCTION linkage_audit_log_append_only();
