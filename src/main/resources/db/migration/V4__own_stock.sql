-- A corporation's own stock, modelled after the sector standard VERA (Aedes). Every row carries
-- corporation_id; every query on these tables is scoped to the caller's corporation.

CREATE TABLE stock_cluster (
    id             bigserial PRIMARY KEY,
    corporation_id bigint NOT NULL REFERENCES corporation (id) ON DELETE CASCADE,
    type           text   NOT NULL,
    code           text   NOT NULL,
    name           text   NOT NULL,
    import_id      bigint REFERENCES import_run (id),
    UNIQUE (corporation_id, type, code)
);

CREATE TABLE stock_unit (
    id             bigserial PRIMARY KEY,
    corporation_id bigint  NOT NULL REFERENCES corporation (id) ON DELETE CASCADE,
    unit_code      text    NOT NULL,
    street         text,
    house_number   integer,
    house_letter   text,
    house_addition text,
    postcode       text,
    city           text,
    bag_id         text,
    lon            double precision,
    lat            double precision,
    given_buurt    text,
    build_year     smallint,
    kind           text,
    energy_label   text,
    target_rent    numeric(10, 2),
    rent           numeric(10, 2),
    wws_points     integer,
    target_group   text,
    status         text,
    import_id      bigint,
    UNIQUE (corporation_id, unit_code)
);

-- The link tables of bulk imports have no foreign keys: per-row trigger checks made a 100,000-unit
-- import several times slower. StockWriter fills them only with ids it read in the same
-- transaction; whatever removes units or a corporation removes their rows here by corporation_id.
CREATE TABLE stock_unit_cluster (
    corporation_id bigint NOT NULL,
    unit_id        bigint NOT NULL,
    cluster_id     bigint NOT NULL,
    PRIMARY KEY (unit_id, cluster_id)
);
CREATE INDEX stock_unit_cluster_cluster ON stock_unit_cluster (cluster_id);

-- Where a unit lies in each year's area division held (point in polygon, or the buurt the file gave).
CREATE TABLE stock_unit_area (
    corporation_id bigint   NOT NULL,
    unit_id        bigint   NOT NULL,
    year           smallint NOT NULL,
    gemeente_code  text COLLATE "C",
    wijk_code      text COLLATE "C",
    buurt_code     text COLLATE "C",
    method         text     NOT NULL CHECK (method IN ('point', 'given', 'outside')),
    PRIMARY KEY (unit_id, year)
);
CREATE INDEX stock_unit_area_buurt ON stock_unit_area (corporation_id, year, buurt_code);

-- Multi-year maintenance plan (MJOB) per cluster.
CREATE TABLE maintenance_plan (
    id             bigserial PRIMARY KEY,
    corporation_id bigint   NOT NULL REFERENCES corporation (id) ON DELETE CASCADE,
    cluster_id     bigint   NOT NULL REFERENCES stock_cluster (id) ON DELETE CASCADE,
    year           smallint NOT NULL,
    activity       text     NOT NULL,
    cost_euro      numeric(14, 2) NOT NULL,
    import_id      bigint REFERENCES import_run (id),
    UNIQUE (cluster_id, year, activity)
);

-- Allocations (toewijzingen).
CREATE TABLE allocation (
    id             bigserial PRIMARY KEY,
    corporation_id bigint NOT NULL REFERENCES corporation (id) ON DELETE CASCADE,
    unit_id        bigint NOT NULL REFERENCES stock_unit (id) ON DELETE CASCADE,
    allocated_on   date   NOT NULL,
    household_type text,
    household_size smallint,
    income_class   text CHECK (income_class IN ('below_limit', 'above_limit', 'middle', 'high', 'unknown')),
    urgent         boolean NOT NULL DEFAULT false,
    rent_euro      numeric(10, 2),
    import_id      bigint REFERENCES import_run (id),
    UNIQUE (unit_id, allocated_on)
);

-- Turnover (mutaties): a tenant moving out, and when the next moved in.
CREATE TABLE turnover (
    id             bigserial PRIMARY KEY,
    corporation_id bigint NOT NULL REFERENCES corporation (id) ON DELETE CASCADE,
    unit_id        bigint NOT NULL REFERENCES stock_unit (id) ON DELETE CASCADE,
    moved_out_on   date   NOT NULL,
    moved_in_on    date,
    import_id      bigint REFERENCES import_run (id),
    UNIQUE (unit_id, moved_out_on)
);

-- The corporation's own signals per cluster and year (nuisance reports, complaints, satisfaction).
CREATE TABLE stock_signal (
    id             bigserial PRIMARY KEY,
    corporation_id bigint   NOT NULL REFERENCES corporation (id) ON DELETE CASCADE,
    cluster_id     bigint   NOT NULL REFERENCES stock_cluster (id) ON DELETE CASCADE,
    year           smallint NOT NULL,
    signal_type    text     NOT NULL,
    count          integer  NOT NULL CHECK (count >= 0),
    import_id      bigint REFERENCES import_run (id),
    UNIQUE (cluster_id, year, signal_type)
);

-- Dated rent and allocation limits (they change every year).
CREATE TABLE rent_limit (
    valid_year  smallint NOT NULL,
    kind        text     NOT NULL,
    household   text     NOT NULL DEFAULT 'all',
    amount_euro numeric(10, 2) NOT NULL,
    source      text     NOT NULL,
    PRIMARY KEY (valid_year, kind, household)
);
INSERT INTO rent_limit (valid_year, kind, household, amount_euro, source) VALUES
    (2025, 'daeb', 'all', 900.07, 'Rijksoverheid, huurprijsgrens 2025'),
    (2026, 'daeb', 'all', 932.93, 'Rijksoverheid, huurprijsgrens 2026'),
    (2025, 'aftopping', '1-2', 682.96, 'Rijksoverheid, aftoppingsgrens 2025 (1-2 personen)'),
    (2025, 'aftopping', '3+', 731.93, 'Rijksoverheid, aftoppingsgrens 2025 (3 of meer personen)');
