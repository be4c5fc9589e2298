-- A participant's votes on one measure never exceed the largest budget an atelier can set (100):
-- the database refuses what the application would otherwise add up into an overflow.
ALTER TABLE atelier_vote ADD CONSTRAINT atelier_vote_bounded CHECK (votes BETWEEN 0 AND 100);
