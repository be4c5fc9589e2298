-- A problem area may be drawn on the map: its outline as a ring of [lon, lat] points (WGS84).
ALTER TABLE atelier_problem_area ADD COLUMN outline jsonb;
