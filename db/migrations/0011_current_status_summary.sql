-- A current status carries its entry's reporter and summary, so the matrix export reads a page of
-- actors' cells from one index range (current_status_matrix_idx) instead of one entry of the
-- table each (docs/performance.md, "Exports, session 14"). A published entry never changes its
-- reporter or summary, so the copy is kept by the same triggers as the rest of the row. The
-- columns can be NULL only because SQLite adds a column to a table that way: every row is filled
-- here and by the triggers.
ALTER TABLE `current_status` ADD `reporter_id` integer REFERENCES actors(id);--> statement-breakpoint
ALTER TABLE `current_status` ADD `summary` text;--> statement-breakpoint
UPDATE `current_status` SET `reporter_id` = e.`reporter_id`, `summary` = e.`summary`
FROM `progress_entries` e WHERE e.`id` = `current_status`.`entry_id`;--> statement-breakpoint
CREATE INDEX `current_status_matrix_idx` ON `current_status` (`subject_id`,`commitment_id`,`perspective`,`status`,`as_of`,`entry_id`,`reporter_id`,`summary`);--> statement-breakpoint
-- The triggers of 0001_triggers.sql, the same but for the two columns.
DROP TRIGGER `current_status_after_insert`;--> statement-breakpoint
CREATE TRIGGER `current_status_after_insert` AFTER INSERT ON `progress_entries`
WHEN NEW.`state` = 'published'
  AND NOT EXISTS (SELECT 1 FROM `current_status_deferred`)
  AND NOT EXISTS (
    SELECT 1 FROM `current_status` c
    WHERE c.`commitment_id` = NEW.`commitment_id` AND c.`subject_id` = NEW.`subject_id` AND c.`perspective` = NEW.`perspective`
      AND (c.`as_of`, c.`published_at`, c.`entry_id`) > (NEW.`as_of`, NEW.`published_at`, NEW.`id`)
  )
BEGIN
  DELETE FROM `current_status` WHERE `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `perspective` = NEW.`perspective`;
  INSERT INTO `current_status` (`commitment_id`, `subject_id`, `perspective`, `entry_id`, `status`, `as_of`, `published_at`, `adverse_effects`, `reporter_id`, `summary`)
  SELECT `commitment_id`, `subject_id`, `perspective`, `id`, `status`, `as_of`, `published_at`, `adverse_effects`, `reporter_id`, `summary` FROM `progress_entries`
  WHERE `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `perspective` = NEW.`perspective`
    AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
  ORDER BY `as_of` DESC, `published_at` DESC, `id` DESC LIMIT 1;
END;
--> statement-breakpoint
DROP TRIGGER `current_status_after_update`;--> statement-breakpoint
CREATE TRIGGER `current_status_after_update` AFTER UPDATE OF `state`, `withdrawn_at`, `superseded_by_id` ON `progress_entries`
BEGIN
  DELETE FROM `current_status` WHERE `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `perspective` = NEW.`perspective`;
  INSERT INTO `current_status` (`commitment_id`, `subject_id`, `perspective`, `entry_id`, `status`, `as_of`, `published_at`, `adverse_effects`, `reporter_id`, `summary`)
  SELECT `commitment_id`, `subject_id`, `perspective`, `id`, `status`, `as_of`, `published_at`, `adverse_effects`, `reporter_id`, `summary` FROM `progress_entries`
  WHERE `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `perspective` = NEW.`perspective`
    AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
  ORDER BY `as_of` DESC, `published_at` DESC, `id` DESC LIMIT 1;
END;
