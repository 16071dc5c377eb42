CREATE TABLE `current_status` (
	`commitment_id` integer NOT NULL,
	`subject_id` integer NOT NULL,
	`perspective` text NOT NULL,
	`entry_id` integer NOT NULL,
	`status` text NOT NULL,
	`as_of` text NOT NULL,
	`published_at` text NOT NULL,
	`adverse_effects` integer NOT NULL,
	PRIMARY KEY(`commitment_id`, `subject_id`, `perspective`),
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `progress_entries`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "current_status_perspective" CHECK("perspective" IN ('self', 'independent'))
);
--> statement-breakpoint
CREATE INDEX `current_status_subject_idx` ON `current_status` (`subject_id`);