-- The audit log becomes tamper-evident: each row carries the SHA-256 of its own content and of its
-- predecessor's hash, assigned in id order under one lock. Changing, deleting or inserting a row
-- anywhere but at the end breaks the chain at that row, which `veerkracht verify-audit` names.

ALTER TABLE audit_event ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea;

-- The content a row's hash covers, in a fixed text form (UTC, separator U+001F).
CREATE FUNCTION audit_event_digest(e audit_event, prev bytea) RETURNS bytea
    LANGUAGE sql STABLE AS $$
    SELECT sha256(coalesce(prev, '\x'::bytea) || convert_to(concat_ws(chr(31),
        e.id::text,
        to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        e.actor,
        coalesce(e.address, ''),
        coalesce(e.corporation_id::text, ''),
        e.action,
        coalesce(e.target, ''),
        coalesce(e.detail::text, '')), 'UTF8'))
$$;

-- The rows so far, chained in id order (the append-only trigger steps aside for this once).
ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only;
DO $$
DECLARE
    r audit_event;
    prev bytea := NULL;
BEGIN
    FOR r IN SELECT * FROM audit_event ORDER BY id LOOP
        UPDATE audit_event SET prev_hash = prev, hash = audit_event_digest(r, prev) WHERE id = r.id;
        SELECT hash INTO prev FROM audit_event WHERE id = r.id;
    END LOOP;
END
$$;
ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only;

-- Every new row: one at a time (a transaction-level lock), numbered after the lock so ids follow
-- the chain, linked to the newest row whatever row-level security the inserting role has.
CREATE FUNCTION audit_event_chain() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    prev bytea;
BEGIN
    PERFORM pg_advisory_xact_lock(7312);
    NEW.id := nextval(pg_get_serial_sequence('audit_event', 'id'));
    SELECT hash INTO prev FROM audit_event ORDER BY id DESC LIMIT 1;
    NEW.prev_hash := prev;
    NEW.hash := audit_event_digest(NEW, prev);
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

-- Statements that bypass row triggers are refused too (a superuser can still drop the trigger:
-- the chain then shows where rows were changed).
CREATE FUNCTION audit_event_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END
$$;
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_no_truncate();

-- The role a staff member's requests run as may add to the log and read it, nothing else.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'veerkracht_staff') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM veerkracht_staff;
    END IF;
END
$$;
