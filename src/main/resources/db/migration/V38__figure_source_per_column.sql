-- Every figure under its real source (issue 28, finding 1). A figure's source was always its file's
-- (import_run.source), so the Leefbaarometer and SES-WOA figures of a CBS compilation showed
-- "CBS Kerncijfers wijken en buurten 2020", and police or Vektis columns of a PDOK map file
-- "CBS/Kadaster Wijk- en buurtkaart". Now a figure whose indicator names another publisher than the
-- file is shown under the indicator's source (a catalogue indicator's publisher, or the column
-- family's for a column kept under its own name, or "bron onbekend: kolom X uit bestand Y").
CREATE FUNCTION figure_source(indicator_source text, run_source text) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$
    -- true when the indicator's own source is to be shown instead of the file's
    SELECT indicator_source IS NOT NULL AND run_source IS NOT NULL
       AND lower(run_source) NOT LIKE lower(indicator_source) || '%'
       AND NOT (indicator_source = 'CBS' AND run_source LIKE 'CBS%')
$$;

CREATE OR REPLACE VIEW figure AS
SELECT o.area_code, o.year, o.indicator_id, o.value, o.status, o.reason,
       CASE WHEN figure_source(i.source, r.source) THEN i.source ELSE r.source END AS source,
       CASE WHEN figure_source(i.source, r.source) THEN i.source ELSE r.attribution END AS attribution,
       CAST(NULL AS text) AS explanation_nl, CAST(NULL AS text) AS explanation_en
  FROM observation o LEFT JOIN import_run r ON r.id = o.import_id
  LEFT JOIN indicator i ON i.id = o.indicator_id
UNION ALL
SELECT a.area_code, a.year, a.indicator_id, a.value, a.status, NULL,
       'Veerkracht (afgeleid)', 'Berekend door Veerkracht uit CBS- en Leefbaarometer-cijfers (zie /methode)',
       a.explanation_nl, a.explanation_en
  FROM analysis_result a;
