CREATE TABLE `example_rating` (
	`sheet_id` integer PRIMARY KEY NOT NULL,
	`self_rating` text NOT NULL,
	`self_note` text DEFAULT '' NOT NULL,
	`reviewer_rating` text,
	`reviewer_reason` text,
	`reviewer_id` integer,
	`reviewed_at` integer,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`sheet_id`) REFERENCES `sheet`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `leader_task` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`leader_id` integer NOT NULL,
	`chapter_id` integer NOT NULL,
	`year` integer NOT NULL,
	`title` text NOT NULL,
	`expected_result` text NOT NULL,
	`deadline` text NOT NULL,
	`decision_no` text NOT NULL,
	`assigned_by` integer NOT NULL,
	`result` text,
	`result_comment` text DEFAULT '' NOT NULL,
	`evaluated_by` integer,
	`evaluated_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`leader_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chapter_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evaluated_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `leader_task_leader_idx` ON `leader_task` (`leader_id`,`year`);--> statement-breakpoint
CREATE INDEX `leader_task_chapter_idx` ON `leader_task` (`chapter_id`,`year`);--> statement-breakpoint
CREATE INDEX `leader_task_unit_idx` ON `leader_task` (`unit_id`,`year`);--> statement-breakpoint
CREATE TABLE `task_report` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`text` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `leader_task`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `task_report_task_idx` ON `task_report` (`task_id`);