-- Partners (issue 12): staff of a gemeente, police or care organisation. A partner account
-- belongs to one organisation and to no corporation; it reads only what a corporation shared with
-- its organisation, per area or complex (the scope of a beheerplan): the approved versions of the
-- plans there and the ateliers held there.

CREATE TABLE organisation (
    id         bigserial PRIMARY KEY,
    code       text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_-]{2,20}$'),
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind       text NOT NULL CHECK (kind IN ('GEMEENTE', 'POLITIE', 'ZORG', 'WELZIJN', 'OVERIG')),
    created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE app_user ADD COLUMN organisation_id bigint REFERENCES organisation (id) ON DELETE RESTRICT;

-- A partner account is no corporation's staff: memberships of such an account are refused.
CREATE FUNCTION membership_not_partner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM app_user WHERE id = NEW.user_id AND organisation_id IS NOT NULL) THEN
        RAISE EXCEPTION 'a partner account cannot be staff of a corporation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER membership_not_partner BEFORE INSERT OR UPDATE ON membership
    FOR EACH ROW EXECUTE FUNCTION membership_not_partner();

CREATE TABLE partner_share (
    id              bigserial PRIMARY KEY,
    corporation_id  bigint NOT NULL REFERENCES corporation (id) ON DELETE CASCADE,
    organisation_id bigint NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    -- a buurt, wijk or gemeente code (covers what lies within it), or one complex
    area_code       text COLLATE "C" CHECK (area_code ~ '^(BU[0-9]{8}|WK[0-9]{6}|GM[0-9]{4})$'),
    cluster_id      bigint REFERENCES stock_cluster (id) ON DELETE CASCADE,
    shared_by       text NOT NULL,
    shared_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((area_code IS NULL) <> (cluster_id IS NULL)),
    UNIQUE (corporation_id, organisation_id, area_code),
    UNIQUE (corporation_id, organisation_id, cluster_id)
);
CREATE INDEX partner_share_organisation ON partner_share (organisation_id);
