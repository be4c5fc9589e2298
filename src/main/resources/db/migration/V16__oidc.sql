-- Accounts that sign in through an OpenID Connect provider: the provider's issuer and subject, so
-- a local account of the same name is never taken over by an identity provider's user.
ALTER TABLE app_user ADD COLUMN oidc_subject text UNIQUE;
