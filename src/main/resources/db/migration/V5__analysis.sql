-- Indicators Veerkracht derives (livability class, vulnerability, the veerkracht signal, attention
-- areas), recomputed from the stored figures; kept apart from imported observations.
CREATE TABLE analysis_result (
    area_code      text COLLATE "C" NOT NULL,
    year           smallint NOT NULL,
    indicator_id   text COLLATE "C" NOT NULL,
    value          double precision,
    status         text     NOT NULL CHECK (status IN ('ok', 'missing', 'secret')),
    explanation_nl text     NOT NULL,
    explanation_en text     NOT NULL,
    PRIMARY KEY (area_code, year, indicator_id)
);

CREATE TABLE analysis_run (
    id          bigserial PRIMARY KEY,
    finished_at timestamptz NOT NULL DEFAULT now(),
    duration_ms bigint      NOT NULL,
    areas       integer     NOT NULL,
    results     integer     NOT NULL,
    settings    jsonb       NOT NULL
);

-- Every figure the application shows: imported observations and derived results. The analysis
-- writes a derived id for an area and year only where no observation holds it.
CREATE VIEW figure AS
SELECT o.area_code, o.year, o.indicator_id, o.value, o.status, o.reason,
       r.source, r.attribution, CAST(NULL AS text) AS explanation_nl, CAST(NULL AS text) AS explanation_en
  FROM observation o LEFT JOIN import_run r ON r.id = o.import_id
UNION ALL
SELECT a.area_code, a.year, a.indicator_id, a.value, a.status, NULL,
       'Veerkracht (afgeleid)', 'Berekend door Veerkracht uit CBS- en Leefbaarometer-cijfers (zie /methode)',
       a.explanation_nl, a.explanation_en
  FROM analysis_result a;
