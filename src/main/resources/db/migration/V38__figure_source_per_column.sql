-- Every figure under its real source (issue 28, finding 1). A figure's source was always its file's
-- (import_run.source), so the Leefbaarometer and SES-WOA figures of a CBS compilation showed
-- "CBS Kerncijfers wijken en buurten 2020", and police or Vektis columns of a PDOK map file
-- "CBS/Kadaster Wijk- en buurtkaart". Now a figure whose indicator names another publisher than the
-- file is shown under the indicator's source (a catalogue indicator's publisher, or the column
-- family's for a column kept under its own name, or "bron onbekend: kolom X uit bestand Y").
CREATE FUNCTION figure_source(indicator_source text, run_source text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN run_source IS NULL OR indicator_source IS NULL THEN run_source
        -- a file of several sources ("CBS Kerncijfers wijken en buurten 2020; Leefbaarometer 3.0
        -- (BZK); CBS SES-WOA; RIVM"): the part that is the indicator's publisher
        ELSE coalesce(
            (SELECT p FROM unnest(string_to_array(run_source, '; ')) WITH ORDINALITY AS t(p, n)
              WHERE lower(p) LIKE lower(indicator_source) || '%' ORDER BY n LIMIT 1),
            -- a CBS figure of a CBS file keeps the file's own name (with its year)
            CASE WHEN indicator_source LIKE 'CBS%' AND run_source LIKE 'CBS%'
                 THEN (SELECT p FROM unnest(string_to_array(run_source, '; ')) WITH ORDINALITY AS t(p, n)
                        WHERE p LIKE 'CBS%' ORDER BY n LIMIT 1) END,
            -- a figure of another publisher: the indicator's source, never the file's
            indicator_source)
    END
$$;

CREATE OR REPLACE VIEW figure AS
SELECT o.area_code, o.year, o.indicator_id, o.value, o.status, o.reason,
       figure_source(i.source, r.source) AS source,
       CASE WHEN strpos(coalesce(r.source, ''), coalesce(figure_source(i.source, r.source), '')) > 0
            THEN r.attribution ELSE figure_source(i.source, r.source) END AS attribution,
       CAST(NULL AS text) AS explanation_nl, CAST(NULL AS text) AS explanation_en
  FROM observation o LEFT JOIN import_run r ON r.id = o.import_id
  LEFT JOIN indicator i ON i.id = o.indicator_id
UNION ALL
SELECT a.area_code, a.year, a.indicator_id, a.value, a.status, NULL,
       'Veerkracht (afgeleid)', 'Berekend door Veerkracht uit CBS- en Leefbaarometer-cijfers (zie /methode)',
       a.explanation_nl, a.explanation_en
  FROM analysis_result a;
