-- One open review period per unit subtree per year: a unit's members must never see two current
-- sheets for the same year. Two units overlap when one's path is a prefix of the other's (or equal).
CREATE TRIGGER `period_no_overlap_insert` BEFORE INSERT ON `period`
WHEN NEW.`closed_at` IS NULL AND EXISTS (
	SELECT 1 FROM `period` p
	JOIN `unit` u ON u.`id` = p.`unit_id`
	JOIN `unit` nu ON nu.`id` = NEW.`unit_id`
	WHERE p.`year` = NEW.`year` AND p.`closed_at` IS NULL
		AND (substr(u.`path`, 1, length(nu.`path`)) = nu.`path` OR substr(nu.`path`, 1, length(u.`path`)) = u.`path`)
)
BEGIN
	SELECT RAISE(ABORT, 'period_overlap: another open period of the same year covers this unit subtree');
END;
--> statement-breakpoint
CREATE TRIGGER `period_no_overlap_update` BEFORE UPDATE OF `closed_at`, `unit_id`, `year` ON `period`
WHEN NEW.`closed_at` IS NULL AND EXISTS (
	SELECT 1 FROM `period` p
	JOIN `unit` u ON u.`id` = p.`unit_id`
	JOIN `unit` nu ON nu.`id` = NEW.`unit_id`
	WHERE p.`id` <> NEW.`id` AND p.`year` = NEW.`year` AND p.`closed_at` IS NULL
		AND (substr(u.`path`, 1, length(nu.`path`)) = nu.`path` OR substr(nu.`path`, 1, length(u.`path`)) = u.`path`)
)
BEGIN
	SELECT RAISE(ABORT, 'period_overlap: another open period of the same year covers this unit subtree');
END;
