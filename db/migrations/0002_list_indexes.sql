-- The published list and the public change log page by cursor and count at most a limit
-- (db/queries/entries.ts): each filter gets an index that leads with it and then holds the list's
-- order (as_of, published_at, and the rowid id last), so a page reads only its rows and a capped
-- count only index rows. The subject, reporter and state indexes are replaced by ones of the same
-- name with those columns; the change log gets a partial index of its rows in their order.
-- IF EXISTS: a draft of this migration with other columns ran on a few copies for minutes.
DROP INDEX IF EXISTS `progress_entries_subject_idx`;--> statement-breakpoint
DROP INDEX IF EXISTS `progress_entries_reporter_idx`;--> statement-breakpoint
DROP INDEX IF EXISTS `progress_entries_state_idx`;--> statement-breakpoint
DROP INDEX IF EXISTS `progress_entries_commitment_idx`;--> statement-breakpoint
DROP INDEX IF EXISTS `progress_entries_perspective_idx`;--> statement-breakpoint
DROP INDEX IF EXISTS `progress_entries_status_idx`;--> statement-breakpoint
DROP INDEX IF EXISTS `audit_log_public_changes_idx`;--> statement-breakpoint
CREATE INDEX `progress_entries_commitment_idx` ON `progress_entries` (`commitment_id`,`state`,`as_of`,`published_at`);--> statement-breakpoint
CREATE INDEX `progress_entries_perspective_idx` ON `progress_entries` (`state`,`perspective`,`as_of`,`published_at`);--> statement-breakpoint
CREATE INDEX `progress_entries_status_idx` ON `progress_entries` (`state`,`status`,`as_of`,`published_at`);--> statement-breakpoint
CREATE INDEX `progress_entries_subject_idx` ON `progress_entries` (`subject_id`,`state`,`as_of`,`published_at`);--> statement-breakpoint
CREATE INDEX `progress_entries_reporter_idx` ON `progress_entries` (`reporter_id`,`state`,`as_of`,`published_at`);--> statement-breakpoint
CREATE INDEX `progress_entries_state_idx` ON `progress_entries` (`state`,`as_of`,`published_at`);--> statement-breakpoint
CREATE INDEX `audit_log_public_changes_idx` ON `audit_log` (`at`) WHERE "entity_type" = 'progress_entry' AND "action" IN ('entry.publish', 'entry.supersede', 'entry.withdraw');
