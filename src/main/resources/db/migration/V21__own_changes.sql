-- What changed for one corporation (issue 15): targets whose status changed and complexes whose own
-- signals (nuisance reports, complaints, turnover) crossed the corporation's threshold. As with
-- area_change, the first look only records the state; a later look that differs is a change.
CREATE TABLE own_change_state (
    corporation_id bigint NOT NULL REFERENCES corporation (id) ON DELETE CASCADE,
    subject        text COLLATE "C" NOT NULL,
    year           smallint,
    state          text NOT NULL,
    PRIMARY KEY (corporation_id, subject)
);

CREATE TABLE own_change (
    id             bigserial PRIMARY KEY,
    corporation_id bigint NOT NULL REFERENCES corporation (id) ON DELETE CASCADE,
    detected_at    timestamptz NOT NULL DEFAULT now(),
    kind           text NOT NULL CHECK (kind IN ('target', 'signal')),
    measure_id     bigint REFERENCES planned_measure (id) ON DELETE CASCADE,
    cluster_id     bigint REFERENCES stock_cluster (id) ON DELETE CASCADE,
    detail         text NOT NULL,
    year_from      smallint,
    state_from     text NOT NULL,
    year_to        smallint,
    state_to       text NOT NULL,
    value_to       double precision,
    threshold      double precision,
    CHECK ((kind = 'target') = (measure_id IS NOT NULL)),
    CHECK ((kind = 'signal') = (cluster_id IS NOT NULL))
);
CREATE INDEX own_change_corporation ON own_change (corporation_id, detected_at);

-- Per corporation and kind of signal: how many per 100 units in a year is "over the threshold".
-- Kinds without a row use the default stated on /wijzigingen and in docs/method.md.
CREATE TABLE signal_threshold (
    corporation_id bigint NOT NULL REFERENCES corporation (id) ON DELETE CASCADE,
    signal_type    text NOT NULL CHECK (length(signal_type) BETWEEN 1 AND 100),
    per_100_units  double precision NOT NULL CHECK (per_100_units > 0 AND per_100_units <= 10000),
    PRIMARY KEY (corporation_id, signal_type)
);
