-- The audit log: who did what, when and from where. Append-only: rows cannot be changed or
-- deleted (a trigger refuses it). No foreign keys, so the record outlives what it is about.
CREATE TABLE audit_event (
    id             bigserial   PRIMARY KEY,
    at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor          text        NOT NULL,
    address        text,
    corporation_id bigint,
    action         text        NOT NULL,
    target         text,
    detail         jsonb
);
CREATE INDEX audit_event_at ON audit_event (at DESC, id DESC);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
