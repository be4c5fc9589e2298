-- Blind rounds: what the facilitator has revealed to the room ('votes', 'card:<card>'). Until a
-- round is revealed, phones and the projector see no tally of it; the facilitator's console does.
ALTER TABLE atelier ADD COLUMN revealed text[] NOT NULL DEFAULT '{}'
    CHECK (cardinality(revealed) <= 50);
