-- Failed sign-ins, counted per network address in the database so the limits hold across app
-- instances (SignInThrottle): names that are no account are throttled per address, and failures
-- reach the audit log as one row per address per minute with a count, not one row each.
CREATE TABLE sign_in_failure (
    id         bigserial   PRIMARY KEY,
    address    text        NOT NULL,
    username   text        NOT NULL,
    known      boolean     NOT NULL,
    at         timestamptz NOT NULL DEFAULT now(),
    summarised boolean     NOT NULL DEFAULT false
);
CREATE INDEX sign_in_failure_address ON sign_in_failure (address, at);
CREATE INDEX sign_in_failure_open ON sign_in_failure (at) WHERE NOT summarised;

-- The address an account last signed in from, and when its lock began: the right password from
-- that address passes a lock after a short wait; from anywhere else the lock holds.
ALTER TABLE app_user ADD COLUMN usual_address text;
ALTER TABLE app_user ADD COLUMN locked_at timestamptz;
