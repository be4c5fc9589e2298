-- Presenter mode: the figure card the projector shows, moved on by the facilitator (0 = the first).
ALTER TABLE atelier ADD COLUMN presented_card integer NOT NULL DEFAULT 0
    CHECK (presented_card BETWEEN 0 AND 99);
