-- A commitment's current statuses (its page) read from the index alone: the table's rows of one
-- commitment are scattered, one page read for each.
CREATE INDEX `current_status_commitment_idx` ON `current_status` (`commitment_id`,`subject_id`,`perspective`,`status`,`as_of`,`entry_id`);--> statement-breakpoint
-- The published list filtered by an actor or a status and a perspective: the subject or status
-- index alone read and skipped every entry of the other perspective (all 100,000 of a heavy
-- actor's to find its few independent assessments) to count and page them.
CREATE INDEX `progress_entries_subject_perspective_idx` ON `progress_entries` (`subject_id`,`perspective`,`state`,`as_of`,`published_at`);--> statement-breakpoint
CREATE INDEX `progress_entries_status_perspective_idx` ON `progress_entries` (`state`,`status`,`perspective`,`as_of`,`published_at`);
