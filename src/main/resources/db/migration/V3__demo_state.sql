-- Which bundled demo files have been loaded, so that an interrupted first start resumes.
CREATE TABLE demo_file (
    name      text PRIMARY KEY,
    loaded_at timestamptz NOT NULL DEFAULT now()
);
