-- An account an administrator made on the admin page changes its password at its first sign-in
-- (issue 27): the administrator typed it, so the person should not keep it.
ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
