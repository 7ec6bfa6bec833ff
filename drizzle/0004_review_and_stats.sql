CREATE TABLE `unit_sign_stats` (
	`period_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`code` text NOT NULL,
	`flagged` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`period_id`, `unit_id`, `code`),
	FOREIGN KEY (`period_id`) REFERENCES `period`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `unit_stats` (
	`period_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`draft` integer DEFAULT 0 NOT NULL,
	`submitted` integer DEFAULT 0 NOT NULL,
	`returned` integer DEFAULT 0 NOT NULL,
	`approved` integer DEFAULT 0 NOT NULL,
	`tot` integer DEFAULT 0 NOT NULL,
	`kha` integer DEFAULT 0 NOT NULL,
	`trung_binh` integer DEFAULT 0 NOT NULL,
	`yeu_kem` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`period_id`, `unit_id`),
	FOREIGN KEY (`period_id`) REFERENCES `period`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `review_note` ADD `resolved_at` integer;--> statement-breakpoint
ALTER TABLE `unit` ADD `member_count` integer DEFAULT 0 NOT NULL;