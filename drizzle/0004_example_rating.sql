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
