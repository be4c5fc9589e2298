-- Row-level security (issue 12): a corporation's own data is scoped in one place, the database.
-- Reads of a staff member's request run as role veerkracht_staff with the setting
-- veerkracht.corporations = the ids of the corporations they are staff of (ScopedDataSource,
-- StaffScopeFilter); the policies below then return and accept only rows of those corporations,
-- whatever the code above asks. Background work (imports, analysis, watchers, the command line),
-- administrators, partners (PartnerViews decides) and atelier participants (AtelierAccess decides)
-- run as the connecting user, to which no policy applies.
--
-- Roles belong to the whole server: the role is made once and granted here per database. An
-- external database whose user may not make roles keeps working without the policies' role; the
-- application then says so at start (ScopedDataSource) and stays unscoped.

CREATE FUNCTION veerkracht_staff_corporations() RETURNS bigint[] LANGUAGE sql STABLE AS $$
    SELECT coalesce(string_to_array(nullif(current_setting('veerkracht.corporations', true), ''), ',')::bigint[],
                    '{}'::bigint[])
$$;

DO $$
DECLARE
    t text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'veerkracht_staff') THEN
        BEGIN
            CREATE ROLE veerkracht_staff NOLOGIN NOSUPERUSER NOBYPASSRLS;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'no privilege to create role veerkracht_staff: row-level security stays off';
            RETURN;
        END;
    END IF;
    BEGIN
        EXECUTE format('GRANT veerkracht_staff TO %I', current_user);
    EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'no privilege to grant role veerkracht_staff: row-level security stays off';
        RETURN;
    END;
    GRANT USAGE ON SCHEMA public TO veerkracht_staff;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO veerkracht_staff;
    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO veerkracht_staff;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public
        GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO veerkracht_staff;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO veerkracht_staff;

    -- tables whose rows carry their corporation
    FOREACH t IN ARRAY ARRAY['stock_cluster', 'stock_unit', 'stock_unit_cluster', 'stock_unit_area',
                             'maintenance_plan', 'allocation', 'turnover', 'stock_signal',
                             'measure_catalogue', 'planned_measure', 'management_plan',
                             'own_change_state', 'own_change', 'signal_threshold', 'atelier',
                             'partner_share'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY staff_own ON %I TO veerkracht_staff'
                       ' USING (corporation_id = ANY (veerkracht_staff_corporations()))'
                       ' WITH CHECK (corporation_id = ANY (veerkracht_staff_corporations()))', t);
    END LOOP;

    -- tables whose rows belong to a row of a table above (whose own policy filters the subquery)
    FOREACH t IN ARRAY ARRAY['planned_measure_cost', 'planned_measure_mjob', 'planned_measure_spend'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY staff_own ON %I TO veerkracht_staff'
                       ' USING (EXISTS (SELECT 1 FROM planned_measure m WHERE m.id = measure_id))'
                       ' WITH CHECK (EXISTS (SELECT 1 FROM planned_measure m WHERE m.id = measure_id))', t);
    END LOOP;
    ALTER TABLE management_plan_version ENABLE ROW LEVEL SECURITY;
    CREATE POLICY staff_own ON management_plan_version TO veerkracht_staff
        USING (EXISTS (SELECT 1 FROM management_plan p WHERE p.id = plan_id))
        WITH CHECK (EXISTS (SELECT 1 FROM management_plan p WHERE p.id = plan_id));
    FOREACH t IN ARRAY ARRAY['atelier_participant', 'atelier_pin', 'atelier_answer', 'atelier_problem_area',
                             'atelier_measure', 'atelier_vote', 'atelier_event'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY staff_own ON %I TO veerkracht_staff'
                       ' USING (EXISTS (SELECT 1 FROM atelier a WHERE a.id = atelier_id))'
                       ' WITH CHECK (EXISTS (SELECT 1 FROM atelier a WHERE a.id = atelier_id))', t);
    END LOOP;
END $$;
