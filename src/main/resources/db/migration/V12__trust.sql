-- Repeated failed sign-ins lock an account for a while (SignInThrottle), on every app instance.
ALTER TABLE app_user
    ADD COLUMN failed_sign_ins integer NOT NULL DEFAULT 0,
    ADD COLUMN locked_until    timestamptz;

-- Public data (CBS, Kadaster, Leefbaarometer) is shared by every corporation on the server, so
-- it is written by administrators and by accounts an administrator made data steward, not by
-- every corporation's analyst.
ALTER TABLE app_user ADD COLUMN data_steward boolean NOT NULL DEFAULT false;
