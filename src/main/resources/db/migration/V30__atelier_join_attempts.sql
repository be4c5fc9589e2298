-- Joining is throttled in the database, so the limits hold across app instances: every join and
-- every wrong code is counted per network address for an hour (older rows are cleared).
CREATE TABLE atelier_join_attempt (
    id      bigserial   PRIMARY KEY,
    address text        NOT NULL,
    at      timestamptz NOT NULL DEFAULT now(),
    success boolean     NOT NULL
);
CREATE INDEX atelier_join_attempt_address ON atelier_join_attempt (address, at);
CREATE INDEX atelier_join_attempt_at ON atelier_join_attempt (at);
