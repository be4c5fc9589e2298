-- Measures, beheerplannen and begroting (issue 14). Every row carries corporation_id; the
-- measure package's repository scopes every query by it.

CREATE TABLE measure_catalogue (
    id             bigserial PRIMARY KEY,
    corporation_id bigint NOT NULL REFERENCES corporation (id) ON DELETE CASCADE,
    lever          text   NOT NULL CHECK (lever IN ('onderhoud', 'huurprijsbeleid', 'woonruimteverdeling',
                                                    'sociaal_beheer', 'fysiek', 'samenwerking')),
    title          text   NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description    text   NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    cost_kind      text   NOT NULL CHECK (cost_kind IN ('once', 'per_year', 'per_unit_once', 'per_unit_per_year')),
    -- the corporation's own estimate; null until it sets one (the seed claims no amounts)
    amount_euro    numeric(14, 2) CHECK (amount_euro >= 0),
    duration_years smallint NOT NULL DEFAULT 1 CHECK (duration_years BETWEEN 1 AND 30),
    partners       text   NOT NULL DEFAULT '' CHECK (length(partners) <= 500),
    indicators     text[] NOT NULL DEFAULT '{}',
    UNIQUE (corporation_id, title)
);

CREATE TABLE planned_measure (
    id                 bigserial PRIMARY KEY,
    corporation_id     bigint   NOT NULL REFERENCES corporation (id) ON DELETE CASCADE,
    title              text     NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    lever              text     NOT NULL CHECK (lever IN ('onderhoud', 'huurprijsbeleid', 'woonruimteverdeling',
                                                          'sociaal_beheer', 'fysiek', 'samenwerking')),
    description        text     NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    area_code          text COLLATE "C",
    cluster_id         bigint REFERENCES stock_cluster (id) ON DELETE RESTRICT,
    start_year         smallint NOT NULL CHECK (start_year BETWEEN 2000 AND 2100),
    end_year           smallint NOT NULL CHECK (end_year BETWEEN 2000 AND 2100),
    owner              text     NOT NULL DEFAULT '' CHECK (length(owner) <= 200),
    partners           text     NOT NULL DEFAULT '' CHECK (length(partners) <= 500),
    status             text     NOT NULL DEFAULT 'idee'
                                CHECK (status IN ('idee', 'gepland', 'lopend', 'afgerond', 'geevalueerd')),
    streefhuur_euro    numeric(10, 2) CHECK (streefhuur_euro > 0),
    target_indicator   text,
    target_value       double precision,
    target_year        smallint,
    package            text CHECK (length(package) <= 200),
    units              integer  NOT NULL DEFAULT 0,
    units_counted_on   date     NOT NULL DEFAULT current_date,
    catalogue_id       bigint REFERENCES measure_catalogue (id) ON DELETE SET NULL,
    atelier_measure_id bigint REFERENCES atelier_measure (id) ON DELETE SET NULL,
    atelier_id         bigint REFERENCES atelier (id) ON DELETE SET NULL,
    problem_area_id    bigint REFERENCES atelier_problem_area (id) ON DELETE SET NULL,
    created_by         text     NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CHECK ((area_code IS NULL) <> (cluster_id IS NULL)),
    CHECK (end_year >= start_year),
    CHECK ((target_indicator IS NULL) = (target_value IS NULL) AND (target_value IS NULL) = (target_year IS NULL))
);
CREATE INDEX planned_measure_corporation ON planned_measure (corporation_id);

CREATE TABLE planned_measure_cost (
    measure_id  bigint   NOT NULL REFERENCES planned_measure (id) ON DELETE CASCADE,
    position    smallint NOT NULL,
    kind        text     NOT NULL CHECK (kind IN ('once', 'per_year', 'per_unit_once', 'per_unit_per_year')),
    amount_euro numeric(14, 2) NOT NULL CHECK (amount_euro >= 0),
    PRIMARY KEY (measure_id, position)
);

-- MJOB lines an onderhoud measure takes up; moved_to_year moves (or, with several lines, combines)
-- them. The begroting counts a linked line in its moved year.
CREATE TABLE planned_measure_mjob (
    measure_id          bigint NOT NULL REFERENCES planned_measure (id) ON DELETE CASCADE,
    maintenance_plan_id bigint NOT NULL REFERENCES maintenance_plan (id) ON DELETE CASCADE,
    moved_to_year       smallint CHECK (moved_to_year BETWEEN 2000 AND 2100),
    PRIMARY KEY (maintenance_plan_id)
);

-- A beheerplan per area or complex. Its draft is what the measures and these texts say now;
-- approving freezes a copy as the next version.
CREATE TABLE management_plan (
    id             bigserial PRIMARY KEY,
    corporation_id bigint NOT NULL REFERENCES corporation (id) ON DELETE CASCADE,
    area_code      text COLLATE "C",
    cluster_id     bigint REFERENCES stock_cluster (id) ON DELETE RESTRICT,
    summary        text   NOT NULL DEFAULT '' CHECK (length(summary) <= 5000),
    agreements     text   NOT NULL DEFAULT '' CHECK (length(agreements) <= 5000),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK ((area_code IS NULL) <> (cluster_id IS NULL)),
    UNIQUE (corporation_id, area_code),
    UNIQUE (corporation_id, cluster_id)
);

CREATE TABLE management_plan_version (
    plan_id     bigint  NOT NULL REFERENCES management_plan (id) ON DELETE CASCADE,
    version     integer NOT NULL CHECK (version >= 1),
    content     jsonb   NOT NULL,
    approved_by text    NOT NULL,
    approved_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (plan_id, version)
);

-- An approved version is frozen: no update, no delete (other than with its corporation).
CREATE FUNCTION management_plan_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'an approved beheerplan version is frozen';
END $$;
CREATE TRIGGER management_plan_version_no_update BEFORE UPDATE ON management_plan_version
    FOR EACH ROW EXECUTE FUNCTION management_plan_version_frozen();
