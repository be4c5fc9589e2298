-- Personal API tokens for scripts and GIS clients: sent as "Authorization: Bearer vkt_…", stored
-- as SHA-256 only, scoped like the account that made them, revocable; used at most once a day in
-- the audit log.
CREATE TABLE api_token (
    id           bigserial   PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash   bytea       NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_on date,
    revoked_at   timestamptz
);
CREATE INDEX api_token_user ON api_token (user_id);
