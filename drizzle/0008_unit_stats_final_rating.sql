ALTER TABLE `unit_stats` ADD `final_tot` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `unit_stats` ADD `final_kha` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `unit_stats` ADD `final_trung_binh` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `unit_stats` ADD `final_yeu_kem` integer DEFAULT 0 NOT NULL;