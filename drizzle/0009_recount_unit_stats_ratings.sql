-- The rating counters used to hold the chi ủy's rating where given, else the member's. Recount them from the
-- sheets as two series: the self-rating of every handed-in sheet and the final rating of every approved one
-- (what rebuildUnitStats and recordSheetTransition now keep). Summed per chapter first, then over each unit's
-- subtree by its path prefix.
CREATE TEMP TABLE `recount_per_chapter` AS
SELECT s.`period_id` AS period_id, c.`path` AS path,
	sum(s.`status` IN ('submitted', 'approved') AND s.`rating` = 'tot') AS tot,
	sum(s.`status` IN ('submitted', 'approved') AND s.`rating` = 'kha') AS kha,
	sum(s.`status` IN ('submitted', 'approved') AND s.`rating` = 'trung_binh') AS trung_binh,
	sum(s.`status` IN ('submitted', 'approved') AND s.`rating` = 'yeu_kem') AS yeu_kem,
	sum(s.`status` = 'approved' AND s.`final_rating` = 'tot') AS final_tot,
	sum(s.`status` = 'approved' AND s.`final_rating` = 'kha') AS final_kha,
	sum(s.`status` = 'approved' AND s.`final_rating` = 'trung_binh') AS final_trung_binh,
	sum(s.`status` = 'approved' AND s.`final_rating` = 'yeu_kem') AS final_yeu_kem
FROM `sheet` s INNER JOIN `unit` c ON c.`id` = s.`chapter_id`
GROUP BY s.`period_id`, s.`chapter_id`;
--> statement-breakpoint
UPDATE `unit_stats` SET
	`tot` = coalesce((SELECT sum(r.tot) FROM `recount_per_chapter` r, `unit` u WHERE u.`id` = `unit_stats`.`unit_id` AND r.period_id = `unit_stats`.`period_id` AND substr(r.path, 1, length(u.`path`)) = u.`path`), 0),
	`kha` = coalesce((SELECT sum(r.kha) FROM `recount_per_chapter` r, `unit` u WHERE u.`id` = `unit_stats`.`unit_id` AND r.period_id = `unit_stats`.`period_id` AND substr(r.path, 1, length(u.`path`)) = u.`path`), 0),
	`trung_binh` = coalesce((SELECT sum(r.trung_binh) FROM `recount_per_chapter` r, `unit` u WHERE u.`id` = `unit_stats`.`unit_id` AND r.period_id = `unit_stats`.`period_id` AND substr(r.path, 1, length(u.`path`)) = u.`path`), 0),
	`yeu_kem` = coalesce((SELECT sum(r.yeu_kem) FROM `recount_per_chapter` r, `unit` u WHERE u.`id` = `unit_stats`.`unit_id` AND r.period_id = `unit_stats`.`period_id` AND substr(r.path, 1, length(u.`path`)) = u.`path`), 0),
	`final_tot` = coalesce((SELECT sum(r.final_tot) FROM `recount_per_chapter` r, `unit` u WHERE u.`id` = `unit_stats`.`unit_id` AND r.period_id = `unit_stats`.`period_id` AND substr(r.path, 1, length(u.`path`)) = u.`path`), 0),
	`final_kha` = coalesce((SELECT sum(r.final_kha) FROM `recount_per_chapter` r, `unit` u WHERE u.`id` = `unit_stats`.`unit_id` AND r.period_id = `unit_stats`.`period_id` AND substr(r.path, 1, length(u.`path`)) = u.`path`), 0),
	`final_trung_binh` = coalesce((SELECT sum(r.final_trung_binh) FROM `recount_per_chapter` r, `unit` u WHERE u.`id` = `unit_stats`.`unit_id` AND r.period_id = `unit_stats`.`period_id` AND substr(r.path, 1, length(u.`path`)) = u.`path`), 0),
	`final_yeu_kem` = coalesce((SELECT sum(r.final_yeu_kem) FROM `recount_per_chapter` r, `unit` u WHERE u.`id` = `unit_stats`.`unit_id` AND r.period_id = `unit_stats`.`period_id` AND substr(r.path, 1, length(u.`path`)) = u.`path`), 0);
--> statement-breakpoint
DROP TABLE `recount_per_chapter`;
