-- What changed (issue 15): after every analysis run the newest livability class, veerkracht signal
-- and attention status of each buurt are compared with the previous run's; a differing value is a
-- change. The first run only records the state.
CREATE TABLE area_change_state (
    area_code    text COLLATE "C" NOT NULL,
    indicator_id text COLLATE "C" NOT NULL,
    year         smallint NOT NULL,
    value        double precision NOT NULL,
    PRIMARY KEY (area_code, indicator_id)
);

CREATE TABLE area_change (
    id           bigserial PRIMARY KEY,
    detected_at  timestamptz NOT NULL DEFAULT now(),
    area_code    text COLLATE "C" NOT NULL,
    indicator_id text COLLATE "C" NOT NULL,
    year_from    smallint NOT NULL,
    value_from   double precision NOT NULL,
    year_to      smallint NOT NULL,
    value_to     double precision NOT NULL
);
CREATE INDEX area_change_area ON area_change (area_code);
CREATE INDEX area_change_detected ON area_change (detected_at);
