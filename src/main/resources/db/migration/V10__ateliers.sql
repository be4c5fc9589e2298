-- Werkateliers: a facilitator prepares one for an area, participants join by code without an
-- account, read the figures together, pin problems and chances, and spend votes on measures per
-- problem area. Every change is also an event (atelier_event) that connected screens receive.
CREATE TABLE atelier (
    id                    bigserial PRIMARY KEY,
    corporation_id        bigint  NOT NULL REFERENCES corporation (id) ON DELETE CASCADE,
    name                  text    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind                  text    NOT NULL CHECK (kind IN ('GEBIED', 'BELEID', 'BEWONERS')),
    area_codes            text[]  NOT NULL,
    complex_codes         text[]  NOT NULL DEFAULT '{}',
    area_year             integer NOT NULL,
    votes_per_participant integer NOT NULL CHECK (votes_per_participant BETWEEN 1 AND 100),
    categories            text[]  NOT NULL,
    themes                text[]  NOT NULL,
    cards                 text[]  NOT NULL,
    require_approval      boolean NOT NULL DEFAULT false,
    held_on               date,
    join_code             text    NOT NULL UNIQUE,
    phase                 text    NOT NULL DEFAULT 'PREPARING'
        CHECK (phase IN ('PREPARING', 'READING', 'PINNING', 'PRIORITISING', 'CLOSED')),
    created_by            text    NOT NULL,
    created_at            timestamptz NOT NULL DEFAULT now(),
    closed_at             timestamptz
);
CREATE INDEX atelier_corporation ON atelier (corporation_id);

CREATE TABLE atelier_participant (
    id           bigserial PRIMARY KEY,
    atelier_id   bigint NOT NULL REFERENCES atelier (id) ON DELETE CASCADE,
    token_hash   bytea  NOT NULL UNIQUE,
    display_name text CHECK (length(display_name) <= 60),
    group_kind   text CHECK (length(group_kind) <= 40),
    joined_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX atelier_participant_atelier ON atelier_participant (atelier_id);

CREATE TABLE atelier_pin (
    id             bigserial PRIMARY KEY,
    atelier_id     bigint NOT NULL REFERENCES atelier (id) ON DELETE CASCADE,
    participant_id bigint REFERENCES atelier_participant (id) ON DELETE SET NULL,
    author         text,      -- a staff member's username when staff pinned
    client_id      text   NOT NULL CHECK (length(client_id) BETWEEN 1 AND 64),
    lat            double precision NOT NULL,
    lon            double precision NOT NULL,
    category       text   NOT NULL,
    theme          text,
    body           text   NOT NULL DEFAULT '' CHECK (length(body) <= 500),
    buurt_code     text,
    buurt_year     integer,
    complex_code   text,
    -- within 25 m of one of the corporation's homes: residents see such pins only counted per buurt
    near_home      boolean NOT NULL DEFAULT false,
    status         text   NOT NULL CHECK (status IN ('VISIBLE', 'PENDING', 'HIDDEN')),
    merged_into    bigint REFERENCES atelier_pin (id) ON DELETE SET NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
-- a phone that retries after a dropped connection sends the same client id: stored once
CREATE UNIQUE INDEX atelier_pin_client ON atelier_pin (atelier_id, coalesce(participant_id, 0), coalesce(author, ''), client_id);
CREATE INDEX atelier_pin_atelier ON atelier_pin (atelier_id);

CREATE TABLE atelier_answer (
    atelier_id     bigint NOT NULL REFERENCES atelier (id) ON DELETE CASCADE,
    participant_id bigint NOT NULL REFERENCES atelier_participant (id) ON DELETE CASCADE,
    card           text   NOT NULL,
    answer         text   NOT NULL CHECK (answer IN ('RECOGNISED', 'NOT_RECOGNISED', 'DONT_KNOW')),
    remark         text   NOT NULL DEFAULT '' CHECK (length(remark) <= 500),
    answered_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (participant_id, card)
);
CREATE INDEX atelier_answer_atelier ON atelier_answer (atelier_id);

CREATE TABLE atelier_problem_area (
    id            bigserial PRIMARY KEY,
    atelier_id    bigint NOT NULL REFERENCES atelier (id) ON DELETE CASCADE,
    name          text   NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    buurt_codes   text[] NOT NULL DEFAULT '{}',
    complex_codes text[] NOT NULL DEFAULT '{}',
    pin_ids       bigint[] NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE atelier_measure (
    id              bigserial PRIMARY KEY,
    atelier_id      bigint NOT NULL REFERENCES atelier (id) ON DELETE CASCADE,
    problem_area_id bigint NOT NULL REFERENCES atelier_problem_area (id) ON DELETE CASCADE,
    title           text   NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    lever           text   NOT NULL CHECK (lever IN ('onderhoud', 'huurprijsbeleid', 'woonruimteverdeling',
                                                     'sociaal_beheer', 'fysiek', 'samenwerking', 'combinatie')),
    description     text   NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE atelier_vote (
    participant_id  bigint  NOT NULL REFERENCES atelier_participant (id) ON DELETE CASCADE,
    measure_id      bigint  NOT NULL REFERENCES atelier_measure (id) ON DELETE CASCADE,
    problem_area_id bigint  NOT NULL REFERENCES atelier_problem_area (id) ON DELETE CASCADE,
    atelier_id      bigint  NOT NULL REFERENCES atelier (id) ON DELETE CASCADE,
    votes           integer NOT NULL CHECK (votes >= 0),
    PRIMARY KEY (participant_id, measure_id)
);
CREATE INDEX atelier_vote_atelier ON atelier_vote (atelier_id);

-- What connected screens receive (Server-Sent Events); a reconnecting client asks for the events
-- after the last id it saw. The payload names what changed; screens read the state again.
CREATE TABLE atelier_event (
    id         bigserial PRIMARY KEY,
    atelier_id bigint NOT NULL REFERENCES atelier (id) ON DELETE CASCADE,
    kind       text   NOT NULL,
    data       text   NOT NULL,
    at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX atelier_event_atelier ON atelier_event (atelier_id, id);
