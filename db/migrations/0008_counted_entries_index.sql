-- The entries that take part in roll-ups (published, not withdrawn, not superseded), in each
-- pair's order of currency, with the status: over-time and as-of-date roll-ups read this
-- partial index alone, in order, instead of sorting the table (db/queries/summary.ts).
CREATE INDEX `progress_entries_counted_idx` ON `progress_entries` (`perspective`, `commitment_id`, `subject_id`, `as_of`, `published_at`, `status`, `adverse_effects`)
WHERE `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL;
