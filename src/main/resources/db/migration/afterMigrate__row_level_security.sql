-- Row-level security, made sure of after every migrate (a Flyway callback), not once.
--
-- The versioned migrations V24, V28, V32 and V35 set it up when the database user could create the
-- role; where it could not (an external database whose owner lacks CREATEROLE) they were recorded
-- as done without it, and creating the role later changed nothing. Here, on every start: when the
-- role exists or can be made, and this user may take it, every policy of those migrations is in
-- place, and the role may do what staff requests do. Quick and lock-free when all is in place: a
-- table is altered or granted only when something is missing. RowLevelSecurityCheck then refuses a
-- start without it, unless VEERKRACHT_DB_ALLOW_UNSCOPED says to run unscoped.
--
-- A new table with a corporation's rows gets its policy here (RowLevelSecurityIT fails otherwise).
DO $$
DECLARE
    t text;
    tables text[] := '{}';
    conditions text[] := '{}';
    parents constant text[][] := ARRAY[
        -- table, the parent its rows belong to, the column naming that parent
        ARRAY['planned_measure_cost', 'planned_measure', 'measure_id'],
        ARRAY['planned_measure_mjob', 'planned_measure', 'measure_id'],
        ARRAY['planned_measure_spend', 'planned_measure', 'measure_id'],
        ARRAY['management_plan_version', 'management_plan', 'plan_id'],
        ARRAY['atelier_participant', 'atelier', 'atelier_id'],
        ARRAY['atelier_pin', 'atelier', 'atelier_id'],
        ARRAY['atelier_answer', 'atelier', 'atelier_id'],
        ARRAY['atelier_problem_area', 'atelier', 'atelier_id'],
        ARRAY['atelier_measure', 'atelier', 'atelier_id'],
        ARRAY['atelier_vote', 'atelier', 'atelier_id'],
        ARRAY['atelier_event', 'atelier', 'atelier_id'],
        ARRAY['atelier_event_pending', 'atelier', 'atelier_id'],
        ARRAY['atelier_card_figure', 'atelier', 'atelier_id'],
        ARRAY['agreement_party', 'agreement', 'agreement_id'],
        ARRAY['agreement_scope', 'agreement', 'agreement_id'],
        ARRAY['agreement_measure', 'agreement', 'agreement_id']];
    i int;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'veerkracht_staff') THEN
        BEGIN
            CREATE ROLE veerkracht_staff NOLOGIN NOSUPERUSER NOBYPASSRLS;
        EXCEPTION
            WHEN insufficient_privilege THEN
                RAISE NOTICE 'no privilege to create role veerkracht_staff: row-level security is off';
                RETURN;
            WHEN duplicate_object OR unique_violation THEN
                NULL; -- another instance, starting at the same time, made it
        END;
    END IF;
    IF NOT pg_has_role(current_user, 'veerkracht_staff', 'MEMBER') THEN
        BEGIN
            EXECUTE format('GRANT veerkracht_staff TO %I', current_user);
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'no privilege to grant role veerkracht_staff: row-level security is off';
            RETURN;
        END;
    END IF;

    IF NOT has_schema_privilege('veerkracht_staff', current_schema(), 'USAGE') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO veerkracht_staff', current_schema());
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I'
                       ' GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO veerkracht_staff', current_schema());
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I'
                       ' GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO veerkracht_staff', current_schema());
    END IF;
    FOR t IN SELECT c.relname FROM pg_class c
               WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
                 AND c.relname NOT LIKE 'flyway%'
                 AND CASE WHEN c.relkind = 'r'
                          THEN NOT has_table_privilege('veerkracht_staff', c.oid, 'SELECT')
                          ELSE false END LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO veerkracht_staff', t);
    END LOOP;
    FOR t IN SELECT c.relname FROM pg_class c
               WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'S'
                 -- (a CASE: PostgreSQL may test a condition before the relkind one)
                 AND CASE WHEN c.relkind = 'S'
                          THEN NOT has_sequence_privilege('veerkracht_staff', c.oid, 'USAGE')
                          ELSE false END LOOP
        EXECUTE format('GRANT USAGE, SELECT, UPDATE ON SEQUENCE %I TO veerkracht_staff', t);
    END LOOP;
    -- the audit log: staff requests may add to it and read it, nothing else (V28)
    IF has_table_privilege('veerkracht_staff', 'audit_event', 'UPDATE')
       OR has_table_privilege('veerkracht_staff', 'audit_event', 'DELETE')
       OR has_table_privilege('veerkracht_staff', 'audit_event', 'TRUNCATE') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM veerkracht_staff;
    END IF;

    -- tables whose rows carry their corporation (V24)
    FOREACH t IN ARRAY ARRAY['stock_cluster', 'stock_unit', 'stock_unit_cluster', 'stock_unit_area',
                             'maintenance_plan', 'allocation', 'turnover', 'stock_signal',
                             'measure_catalogue', 'planned_measure', 'management_plan',
                             'own_change_state', 'own_change', 'signal_threshold', 'atelier',
                             'partner_share', 'agreement'] LOOP
        tables := tables || t;
        conditions := conditions || 'corporation_id = ANY (veerkracht_staff_corporations())'::text;
    END LOOP;
    -- tables whose rows belong to a row of a table above, whose own policy filters the subquery
    -- (V24, V32, V35)
    FOR i IN 1 .. array_length(parents, 1) LOOP
        tables := tables || parents[i][1];
        conditions := conditions || format('EXISTS (SELECT 1 FROM %I p WHERE p.id = %I.%I)',
                                           parents[i][2], parents[i][1], parents[i][3]);
    END LOOP;

    FOR i IN 1 .. array_length(tables, 1) LOOP
        t := tables[i];
        IF NOT (SELECT relrowsecurity FROM pg_class
                 WHERE relname = t AND relnamespace = current_schema()::regnamespace) THEN
            EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_policies
                        WHERE schemaname = current_schema() AND tablename = t AND policyname = 'staff_own') THEN
            BEGIN
                EXECUTE format('CREATE POLICY staff_own ON %I TO veerkracht_staff USING (%s) WITH CHECK (%s)',
                               t, conditions[i], conditions[i]);
            EXCEPTION WHEN duplicate_object THEN
                NULL; -- another instance made it at the same time
            END;
        END IF;
    END LOOP;
END $$;
