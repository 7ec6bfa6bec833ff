CREATE TABLE `sign_wording` (
	`sign_id` text PRIMARY KEY NOT NULL,
	`text` text NOT NULL,
	`official` integer NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`updated_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
