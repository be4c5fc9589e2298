-- Everything about an atelier can be changed while it runs: its time, place and contact for the
-- invitation, and the groups participants choose from (NULL: the kind's default list).
ALTER TABLE atelier ADD COLUMN starts_at time;
ALTER TABLE atelier ADD COLUMN place text CHECK (length(place) <= 200);
ALTER TABLE atelier ADD COLUMN contact text CHECK (length(contact) <= 200);
ALTER TABLE atelier ADD COLUMN groups text[];
