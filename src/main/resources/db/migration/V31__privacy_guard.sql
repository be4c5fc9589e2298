-- The privacy guard on free text: what identifies a household (a street with a house number, a
-- postcode, a phone number, an e-mail address, a named neighbour) is masked for everyone but the
-- author and the facilitator until the facilitator approves the text as it stands. The masked form
-- is computed when the text is written (PrivacyGuard); NULL in rows written before this migration,
-- which are masked when read. An edit of the text withdraws the approval.
ALTER TABLE atelier_pin ADD COLUMN body_masked text;
ALTER TABLE atelier_pin ADD COLUMN body_approved boolean NOT NULL DEFAULT false;
ALTER TABLE atelier_answer ADD COLUMN remark_masked text;
ALTER TABLE atelier_answer ADD COLUMN remark_approved boolean NOT NULL DEFAULT false;
