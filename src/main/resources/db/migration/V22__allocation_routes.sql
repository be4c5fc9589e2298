-- Allocation routes (issue 16), in VERA terms: a letting's priority (voorrangsregelingen.detailSoort:
-- UIT, STA, MED, ...) and additional target group (aanvullendeDoelgroep: GGZ, PSY, DAK, ...); a
-- move-out's reason (eindeDetailReden), so name changes and swaps are not counted as exits.
ALTER TABLE allocation ADD COLUMN priority text CHECK (length(priority) <= 50);
ALTER TABLE allocation ADD COLUMN target_group text CHECK (length(target_group) <= 50);
ALTER TABLE turnover ADD COLUMN end_reason text CHECK (length(end_reason) <= 100);

-- Scenario runs are not stored: they are recomputed from the records and the parameters given.
