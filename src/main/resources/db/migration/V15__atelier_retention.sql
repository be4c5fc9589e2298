-- When the names of an atelier's participants were erased and their tokens revoked (retention).
ALTER TABLE atelier ADD COLUMN anonymised_at timestamptz;
