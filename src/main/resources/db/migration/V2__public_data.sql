-- Public data (CBS, Kadaster/PDOK, Leefbaarometer): shared by all corporations, keyed by year.

-- One row per import that changed something; rejected imports write nothing.
CREATE TABLE import_run (
    id              bigserial PRIMARY KEY,
    kind            text        NOT NULL,
    file_name       text        NOT NULL,
    checksum_sha256 text        NOT NULL,
    size_bytes      bigint      NOT NULL,
    source          text        NOT NULL,
    attribution     text        NOT NULL,
    licence         text,
    source_url      text,
    corporation_id  bigint REFERENCES corporation (id),
    imported_by     text        NOT NULL,
    started_at      timestamptz NOT NULL,
    finished_at     timestamptz NOT NULL,
    rows_read       integer     NOT NULL,
    rows_imported   integer     NOT NULL,
    values_written  integer     NOT NULL,
    areas_written   integer     NOT NULL,
    report          jsonb       NOT NULL
);
CREATE INDEX import_run_checksum ON import_run (checksum_sha256);

CREATE TABLE area (
    year             smallint NOT NULL,
    code             text COLLATE "C" NOT NULL,
    level            text     NOT NULL CHECK (level IN ('land', 'gemeente', 'wijk', 'buurt')),
    name             text     NOT NULL,
    parent_code      text COLLATE "C",
    gemeente_code    text COLLATE "C",
    -- Full geometry (WGS84, WKB) for spatial joins; null until a geometry file was imported.
    geom             bytea,
    min_lon          double precision,
    min_lat          double precision,
    max_lon          double precision,
    max_lat          double precision,
    -- Display geometries as GeoJSON geometry text, simplified per level, coordinates rounded to ~1 m.
    geojson_detail   text,
    geojson_overview text,
    -- Text attributes from the sources (most common postcode, water flag, ...).
    attributes       jsonb    NOT NULL DEFAULT '{}'::jsonb,
    import_id        bigint REFERENCES import_run (id),
    PRIMARY KEY (year, code)
);
CREATE INDEX area_level_year ON area (level, year);
CREATE INDEX area_gemeente_year ON area (gemeente_code, year);
CREATE INDEX area_code ON area (code);

CREATE TABLE indicator (
    id              text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9_]{0,99}$'),
    label_nl        text    NOT NULL,
    label_en        text    NOT NULL,
    unit            text    NOT NULL DEFAULT '',
    source          text    NOT NULL,
    higher_is_worse boolean,
    category        text    NOT NULL DEFAULT 'other',
    decimals        smallint NOT NULL DEFAULT 0,
    description     text,
    -- 'catalogue': defined by Veerkracht; 'source': kept from an unknown column of an imported file.
    origin          text    NOT NULL DEFAULT 'catalogue' CHECK (origin IN ('catalogue', 'source', 'derived'))
);

-- Values per area code, reference year and indicator. division_year is the year of the area
-- division the code refers to (Leefbaarometer 2.0 reports 2002..2016 on the 2016 division).
-- No foreign keys on this fact table: per-row trigger checks more than doubled bulk import time.
-- The import pipeline writes indicators and the import_run before the figures that refer to them.
CREATE TABLE observation (
    area_code     text COLLATE "C" NOT NULL,
    year          smallint NOT NULL,
    indicator_id  text COLLATE "C" NOT NULL,
    value         double precision,
    status        text     NOT NULL CHECK (status IN ('ok', 'missing', 'secret')),
    reason        text,
    division_year smallint NOT NULL,
    import_id     bigint,
    PRIMARY KEY (area_code, year, indicator_id),
    CHECK ((status = 'ok') = (value IS NOT NULL))
);

-- Saved column mappings: how to read a file in a layout no reader knows. Null corporation: shared.
CREATE TABLE column_mapping (
    id             bigserial PRIMARY KEY,
    name           text        NOT NULL,
    corporation_id bigint REFERENCES corporation (id) ON DELETE CASCADE,
    definition     jsonb       NOT NULL,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX column_mapping_name ON column_mapping (coalesce(corporation_id, 0), name);

-- CBS StatLine table metadata (TableInfos) and column descriptions (DataProperties) per table year.
CREATE TABLE cbs_table (
    identifier text PRIMARY KEY,
    title      text NOT NULL,
    period     text,
    modified   text,
    summary    text,
    import_id  bigint REFERENCES import_run (id)
);

CREATE TABLE cbs_table_property (
    year         smallint NOT NULL,
    key          text     NOT NULL,
    title        text     NOT NULL,
    unit         text,
    datatype     text,
    decimals     smallint,
    parent_title text,
    description  text,
    PRIMARY KEY (year, key)
);
