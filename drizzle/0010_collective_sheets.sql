PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_sheet` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period_id` integer NOT NULL,
	`member_id` integer,
	`collective_unit_id` integer,
	`chapter_id` integer NOT NULL,
	`target_group` text NOT NULL,
	`template_version_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`strengths` text DEFAULT '' NOT NULL,
	`shortcomings` text DEFAULT '' NOT NULL,
	`commitment` text DEFAULT '' NOT NULL,
	`score` real,
	`rating` text,
	`answered_count` integer DEFAULT 0 NOT NULL,
	`final_rating` text,
	`final_rating_reason` text,
	`assessment` text DEFAULT '' NOT NULL,
	`submitted_at` integer,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`period_id`) REFERENCES `period`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`collective_unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chapter_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_version_id`) REFERENCES `template_version`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sheet_subject_check" CHECK(("member_id" is null) <> ("collective_unit_id" is null))
);
--> statement-breakpoint
INSERT INTO `__new_sheet`("id", "period_id", "member_id", "collective_unit_id", "chapter_id", "target_group", "template_version_id", "status", "revision", "strengths", "shortcomings", "commitment", "score", "rating", "answered_count", "final_rating", "final_rating_reason", "assessment", "submitted_at", "updated_at", "created_at") SELECT "id", "period_id", "member_id", NULL, "chapter_id", "target_group", "template_version_id", "status", "revision", "strengths", "shortcomings", "commitment", "score", "rating", "answered_count", "final_rating", "final_rating_reason", "assessment", "submitted_at", "updated_at", "created_at" FROM `sheet`;--> statement-breakpoint
DROP TABLE `sheet`;--> statement-breakpoint
ALTER TABLE `__new_sheet` RENAME TO `sheet`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `sheet_member_period_idx` ON `sheet` (`member_id`,`period_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `sheet_collective_period_idx` ON `sheet` (`collective_unit_id`,`period_id`);--> statement-breakpoint
CREATE INDEX `sheet_period_chapter_idx` ON `sheet` (`period_id`,`chapter_id`,`status`);