-- Entries that joined or left the counted set (published, not withdrawn, not superseded) after
-- they were written: a draft published, an entry withdrawn or superseded by a correction. New
-- entries are not logged (their ids only grow: AUTOINCREMENT, nothing is ever deleted), so an
-- insert costs nothing here. The in-memory index of counted entries for past-date roll-ups
-- (db/queries/status-index.ts) reads the rows after the last one it saw, and the entries with
-- ids above the greatest it saw, to catch up with any writer (the app, a script, an import).
CREATE TABLE `counted_entry_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `counted_entry_changes_update` AFTER UPDATE OF `state`, `withdrawn_at`, `superseded_by_id` ON `progress_entries`
WHEN (OLD.`state` = 'published' AND OLD.`withdrawn_at` IS NULL AND OLD.`superseded_by_id` IS NULL)
  IS NOT (NEW.`state` = 'published' AND NEW.`withdrawn_at` IS NULL AND NEW.`superseded_by_id` IS NULL)
BEGIN INSERT INTO `counted_entry_changes` (`entry_id`) VALUES (NEW.`id`); END;
