CREATE TABLE `action_progress` (
	`sheet_id` integer NOT NULL,
	`prior_sheet_id` integer NOT NULL,
	`code` text NOT NULL,
	`status` text,
	`note` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`sheet_id`, `code`),
	FOREIGN KEY (`sheet_id`) REFERENCES `sheet`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`prior_sheet_id`) REFERENCES `sheet`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `period` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`year` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`template_version_id` integer NOT NULL,
	`opens_on` text NOT NULL,
	`deadline` text NOT NULL,
	`closed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_version_id`) REFERENCES `template_version`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `period_unit_idx` ON `period` (`unit_id`,`year`);--> statement-breakpoint
CREATE TABLE `review_note` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sheet_id` integer NOT NULL,
	`code` text,
	`text` text NOT NULL,
	`author_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`sheet_id`) REFERENCES `sheet`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_note_sheet_idx` ON `review_note` (`sheet_id`);--> statement-breakpoint
CREATE TABLE `sheet` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period_id` integer NOT NULL,
	`member_id` integer NOT NULL,
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
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`period_id`) REFERENCES `period`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chapter_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_version_id`) REFERENCES `template_version`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sheet_member_period_idx` ON `sheet` (`member_id`,`period_id`);--> statement-breakpoint
CREATE INDEX `sheet_period_chapter_idx` ON `sheet` (`period_id`,`chapter_id`,`status`);--> statement-breakpoint
CREATE TABLE `sheet_answer` (
	`sheet_id` integer NOT NULL,
	`code` text NOT NULL,
	`level` integer,
	`note` text DEFAULT '' NOT NULL,
	`action` text DEFAULT '' NOT NULL,
	`action_deadline` text,
	PRIMARY KEY(`sheet_id`, `code`),
	FOREIGN KEY (`sheet_id`) REFERENCES `sheet`(`id`) ON UPDATE no action ON DELETE cascade
);
