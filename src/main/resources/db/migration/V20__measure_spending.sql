-- What a measure actually cost per year (realisatie), next to what the begroting holds for it.
CREATE TABLE planned_measure_spend (
    measure_id  bigint   NOT NULL REFERENCES planned_measure (id) ON DELETE CASCADE,
    year        smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    amount_euro numeric(14, 2) NOT NULL CHECK (amount_euro >= 0),
    PRIMARY KEY (measure_id, year)
);
