-- The figure layers an atelier's map can colour its buurten by (the outlines are always shown).
-- Ateliers made before this choice existed get the three that read as a map.
ALTER TABLE atelier
    ADD COLUMN layers text[] NOT NULL DEFAULT '{lbm_class,veerkracht_signal,attention_area}';
