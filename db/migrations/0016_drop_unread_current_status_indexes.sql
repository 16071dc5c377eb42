-- Migration 0009's read model also indexed current_status three more ways, for its stale counts and
-- per-actor reads; 0014 dropped the read model and left these behind. Nothing reads through them now
-- (the summaries come from the in-memory index of counted entries; the matrix reads by subject through
-- current_status_subject_idx, 0015; the triggers and the import look a pair up by its primary key),
-- but every publish, correction and withdrawal still wrote to all three. Measured on a copy of a
-- 1,000,000-entry database, 3,000 published inserts with their triggers: 430-464 -> 333-361 us of CPU
-- an insert.
DROP INDEX IF EXISTS `current_status_subject_as_of_idx`;--> statement-breakpoint
DROP INDEX IF EXISTS `current_status_commitment_idx`;--> statement-breakpoint
DROP INDEX IF EXISTS `current_status_as_of_idx`;
