-- A third display geometry per area: coarse enough to draw every buurt of the country at once
-- (simplified to ~100 m, coordinates to 3 decimals), made at import. Null for areas imported
-- before; maps then use the overview geometry.
ALTER TABLE area ADD COLUMN geojson_national text;
