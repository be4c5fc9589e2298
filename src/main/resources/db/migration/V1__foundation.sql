-- Tenancy and accounts. Every table that holds a corporation's own data carries corporation_id.

CREATE TABLE corporation (
    id            bigserial PRIMARY KEY,
    code          text        NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{1,31}$'),
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    synthetic     boolean     NOT NULL DEFAULT false,
    complex_cluster_type text NOT NULL DEFAULT 'OND',
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
    id             bigserial PRIMARY KEY,
    username       text        NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9._@-]{2,64}$'),
    password_hash  text        NOT NULL,
    display_name   text,
    administrator  boolean     NOT NULL DEFAULT false,
    enabled        boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- A user is staff of zero or more corporations, with one role in each.
CREATE TABLE membership (
    user_id        bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    corporation_id bigint NOT NULL REFERENCES corporation (id) ON DELETE CASCADE,
    role           text   NOT NULL CHECK (role IN ('ANALYST', 'FACILITATOR', 'MANAGER', 'VIEWER')),
    PRIMARY KEY (user_id, corporation_id)
);
