CREATE TABLE `follows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`target_kind` text NOT NULL,
	`target_id` integer NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "follows_target_kind" CHECK("target_kind" IN ('commitment', 'actor'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follows_active_unique` ON `follows` (`user_id`,`target_kind`,`target_id`) WHERE "ended_at" IS NULL;
--> statement-breakpoint
-- Nothing is deleted: unfollowing sets ended_at, so who followed what, and when, stays known.
CREATE TRIGGER `follows_no_delete` BEFORE DELETE ON `follows`
BEGIN SELECT RAISE(ABORT, 'follows are never deleted: set ended_at instead'); END;
--> statement-breakpoint
CREATE INDEX `progress_entries_published_idx` ON `progress_entries` (`published_at`);
