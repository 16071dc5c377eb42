-- Keep current_status equal to the roll-up rule (lib/rollup.ts, currentStatuses) for the pair an
-- entry belongs to, in the same transaction as the write: latest published as_of, ties to the
-- later published_at then the higher id; withdrawn and superseded entries never count.
CREATE TRIGGER `current_status_after_insert` AFTER INSERT ON `progress_entries`
WHEN NEW.`state` = 'published'
BEGIN
  DELETE FROM `current_status` WHERE `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `perspective` = NEW.`perspective`;
  INSERT INTO `current_status` (`commitment_id`, `subject_id`, `perspective`, `entry_id`, `status`, `as_of`, `published_at`, `adverse_effects`)
  SELECT `commitment_id`, `subject_id`, `perspective`, `id`, `status`, `as_of`, `published_at`, `adverse_effects` FROM `progress_entries`
  WHERE `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `perspective` = NEW.`perspective`
    AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
  ORDER BY `as_of` DESC, `published_at` DESC, `id` DESC LIMIT 1;
END;
--> statement-breakpoint
CREATE TRIGGER `current_status_after_update` AFTER UPDATE OF `state`, `withdrawn_at`, `superseded_by_id` ON `progress_entries`
BEGIN
  DELETE FROM `current_status` WHERE `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `perspective` = NEW.`perspective`;
  INSERT INTO `current_status` (`commitment_id`, `subject_id`, `perspective`, `entry_id`, `status`, `as_of`, `published_at`, `adverse_effects`)
  SELECT `commitment_id`, `subject_id`, `perspective`, `id`, `status`, `as_of`, `published_at`, `adverse_effects` FROM `progress_entries`
  WHERE `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `perspective` = NEW.`perspective`
    AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
  ORDER BY `as_of` DESC, `published_at` DESC, `id` DESC LIMIT 1;
END;
--> statement-breakpoint
-- Databases seeded before this table existed: build it once from the entries.
INSERT INTO `current_status` (`commitment_id`, `subject_id`, `perspective`, `entry_id`, `status`, `as_of`, `published_at`, `adverse_effects`)
SELECT `commitment_id`, `subject_id`, `perspective`, `id`, `status`, `as_of`, `published_at`, `adverse_effects` FROM (
  SELECT *, row_number() OVER (PARTITION BY `commitment_id`, `subject_id`, `perspective` ORDER BY `as_of` DESC, `published_at` DESC, `id` DESC) AS `rank`
  FROM `progress_entries`
  WHERE `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
) WHERE `rank` = 1;
