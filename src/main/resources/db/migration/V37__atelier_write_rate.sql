-- The write limit of atelier participants and staff (a token bucket per writer), in the database so
-- that two instances behind one address count the same writes (finding 14 of the second trust
-- review: the limit doubled with two instances, being kept in each instance's memory). Unlogged: a
-- limit of seconds need not survive a crash.
CREATE UNLOGGED TABLE atelier_write_rate (
    writer text COLLATE "C" PRIMARY KEY,
    tokens double precision NOT NULL,
    at     timestamptz NOT NULL
);
CREATE INDEX atelier_write_rate_at ON atelier_write_rate (at);
