-- The register of what rooms recognised: per atelier and figure card, the value each of its areas
-- had when the room judged it (taken at the first answer on the card), so that later imports do
-- not change what a room is recorded to have recognised. Together with atelier_answer (who said
-- herkenbaar / niet herkenbaar / weet niet, with a remark) and the participant's group this is
-- the register: per buurt, figure, year and group.
CREATE TABLE atelier_card_figure (
    atelier_id bigint  NOT NULL REFERENCES atelier (id) ON DELETE CASCADE,
    card       text    NOT NULL,
    area_code  text    NOT NULL,
    year       integer,
    value      double precision,
    PRIMARY KEY (atelier_id, card, area_code)
);
CREATE INDEX atelier_card_figure_area ON atelier_card_figure (area_code);

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'veerkracht_staff') THEN
        ALTER TABLE atelier_card_figure ENABLE ROW LEVEL SECURITY;
        CREATE POLICY staff_own ON atelier_card_figure TO veerkracht_staff
            USING (EXISTS (SELECT 1 FROM atelier a WHERE a.id = atelier_id))
            WITH CHECK (EXISTS (SELECT 1 FROM atelier a WHERE a.id = atelier_id));
    END IF;
END $$;

-- ateliers answered before the register: their cards with the newest value there is now
INSERT INTO atelier_card_figure (atelier_id, card, area_code, year, value)
SELECT x.atelier_id, x.card, c.code, f.year, f.value
  FROM (SELECT DISTINCT atelier_id, card FROM atelier_answer) x
  JOIN atelier a ON a.id = x.atelier_id
 CROSS JOIN LATERAL unnest(a.area_codes) AS c(code)
  LEFT JOIN LATERAL (SELECT o.year, o.value FROM figure o
                      WHERE o.indicator_id = x.card AND o.area_code = c.code
                        AND o.status = 'ok' AND o.value IS NOT NULL
                      ORDER BY o.year DESC LIMIT 1) f ON true
ON CONFLICT DO NOTHING;
