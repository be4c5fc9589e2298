-- Undoing an import (issue 12): the figures an import replaced are kept, so that undoing it
-- restores them. A row is written only for a figure the import changed (a re-import of the same
-- file writes none).
CREATE TABLE observation_replaced (
    import_id          bigint   NOT NULL,
    area_code          text COLLATE "C" NOT NULL,
    year               smallint NOT NULL,
    indicator_id       text COLLATE "C" NOT NULL,
    value              double precision,
    status             text     NOT NULL,
    reason             text,
    division_year      smallint NOT NULL,
    previous_import_id bigint
);
CREATE INDEX observation_replaced_import ON observation_replaced (import_id);
CREATE INDEX observation_replaced_previous ON observation_replaced (previous_import_id);

ALTER TABLE import_run ADD COLUMN undone_at timestamptz;
ALTER TABLE import_run ADD COLUMN undone_by text;
