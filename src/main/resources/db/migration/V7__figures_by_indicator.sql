-- Maps ask for one indicator in one year across a whole level (12,147 buurten). The primary keys
-- lead with the area code, so such a question was 12,147 index probes per table; this index answers
-- it with one range. It costs the national table import about a tenth more (see bench import).
CREATE INDEX observation_indicator_year ON observation (indicator_id, year);
CREATE INDEX analysis_result_indicator_year ON analysis_result (indicator_id, year);
