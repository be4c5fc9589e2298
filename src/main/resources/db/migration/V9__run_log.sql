-- Every import and fetch run, also those that were rejected or failed (which leave no import_run):
-- the history page shows them, so a user can see that a run happened and why it changed nothing.
CREATE TABLE run_log (
    id             bigserial PRIMARY KEY,
    at             timestamptz NOT NULL DEFAULT now(),
    actor          text,
    corporation_id bigint REFERENCES corporation (id) ON DELETE CASCADE,
    files          text NOT NULL,
    status         text NOT NULL,   -- imported, unchanged, rejected, failed
    message_nl     text NOT NULL,
    message_en     text NOT NULL
);
CREATE INDEX run_log_at ON run_log (at DESC);
