-- Prestatieafspraken (issue 27): performance agreements between a gemeente, a tenants'
-- organisation and the corporation, over areas and complexes, tied to the corporation's measures
-- (and through them to their targets). The corporation is always a party; the other parties are
-- partner organisations, whose accounts read the agreements they are party to.

ALTER TABLE organisation DROP CONSTRAINT organisation_kind_check;
ALTER TABLE organisation ADD CONSTRAINT organisation_kind_check
    CHECK (kind IN ('GEMEENTE', 'HUURDERS', 'POLITIE', 'ZORG', 'WELZIJN', 'OVERIG'));

CREATE TABLE agreement (
    id             bigserial PRIMARY KEY,
    corporation_id bigint   NOT NULL REFERENCES corporation (id) ON DELETE CASCADE,
    title          text     NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body           text     NOT NULL DEFAULT '' CHECK (length(body) <= 20000),
    gemeente_code  text COLLATE "C" NOT NULL CHECK (gemeente_code ~ '^GM[0-9]{4}$'),
    start_year     smallint NOT NULL CHECK (start_year BETWEEN 2000 AND 2100),
    end_year       smallint NOT NULL CHECK (end_year BETWEEN 2000 AND 2100),
    created_by     text     NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (end_year >= start_year)
);
CREATE INDEX agreement_corporation ON agreement (corporation_id);

CREATE TABLE agreement_party (
    agreement_id    bigint NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    organisation_id bigint NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
    PRIMARY KEY (agreement_id, organisation_id)
);
CREATE INDEX agreement_party_organisation ON agreement_party (organisation_id);

-- what the agreement covers: a buurt, wijk or gemeente, or one complex
CREATE TABLE agreement_scope (
    agreement_id bigint NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    area_code    text COLLATE "C" CHECK (area_code ~ '^(BU[0-9]{8}|WK[0-9]{6}|GM[0-9]{4})$'),
    cluster_id   bigint REFERENCES stock_cluster (id) ON DELETE CASCADE,
    CHECK ((area_code IS NULL) <> (cluster_id IS NULL)),
    UNIQUE (agreement_id, area_code),
    UNIQUE (agreement_id, cluster_id)
);

CREATE TABLE agreement_measure (
    agreement_id bigint NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    measure_id   bigint NOT NULL REFERENCES planned_measure (id) ON DELETE CASCADE,
    PRIMARY KEY (agreement_id, measure_id)
);
CREATE INDEX agreement_measure_measure ON agreement_measure (measure_id);
