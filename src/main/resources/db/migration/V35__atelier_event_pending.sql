-- Atelier events are numbered after their write commits (issue 26, must show 11). A write stores
-- its event here, in its own transaction, without any lock; after the commit the instance's
-- sequencer moves the pending events of that atelier into atelier_event under the atelier's advisory
-- lock, so ids there still commit in their own order (a screen that saw event N has seen every
-- earlier one), and only the sequencer's short transactions queue one behind the other.
CREATE TABLE atelier_event_pending (
    id         bigserial PRIMARY KEY,
    atelier_id bigint NOT NULL REFERENCES atelier (id) ON DELETE CASCADE,
    kind       text   NOT NULL,
    data       text   NOT NULL,
    at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX atelier_event_pending_atelier ON atelier_event_pending (atelier_id, id);

-- staff requests write here as veerkracht_staff: the same policy as atelier_event (V24)
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'veerkracht_staff') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON atelier_event_pending TO veerkracht_staff;
        GRANT USAGE, SELECT, UPDATE ON SEQUENCE atelier_event_pending_id_seq TO veerkracht_staff;
        ALTER TABLE atelier_event_pending ENABLE ROW LEVEL SECURITY;
        CREATE POLICY staff_own ON atelier_event_pending TO veerkracht_staff
            USING (EXISTS (SELECT 1 FROM atelier a WHERE a.id = atelier_id))
            WITH CHECK (EXISTS (SELECT 1 FROM atelier a WHERE a.id = atelier_id));
    END IF;
END $$;

-- the pin limit counts a participant's pins on every pin they place
CREATE INDEX atelier_pin_participant ON atelier_pin (participant_id);
