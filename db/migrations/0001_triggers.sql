-- Every trigger of the schema (0000_baseline.sql), grouped by what it guarantees. Whatever code
-- path writes (the app, a script, an import), the database itself keeps these rules.

-- 1. Append-only: nothing is ever deleted, and the audit log is never changed. Entries are
--    withdrawn or superseded, commitments, actors and source documents archived, users disabled,
--    API tokens revoked.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be updated'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `progress_entries_no_delete` BEFORE DELETE ON `progress_entries`
BEGIN SELECT RAISE(ABORT, 'progress entries are never deleted: withdraw or supersede instead'); END;
--> statement-breakpoint
CREATE TRIGGER `commitments_no_delete` BEFORE DELETE ON `commitments`
BEGIN SELECT RAISE(ABORT, 'commitments are never deleted: archive instead'); END;
--> statement-breakpoint
CREATE TRIGGER `actors_no_delete` BEFORE DELETE ON `actors`
BEGIN SELECT RAISE(ABORT, 'actors are never deleted: archive instead'); END;
--> statement-breakpoint
CREATE TRIGGER `source_documents_no_delete` BEFORE DELETE ON `source_documents`
BEGIN SELECT RAISE(ABORT, 'source documents are never deleted: archive instead'); END;
--> statement-breakpoint
CREATE TRIGGER `users_no_delete` BEFORE DELETE ON `users`
BEGIN SELECT RAISE(ABORT, 'users are never deleted: disable instead'); END;
--> statement-breakpoint
CREATE TRIGGER `api_tokens_no_delete` BEFORE DELETE ON `api_tokens`
BEGIN SELECT RAISE(ABORT, 'api tokens are revoked, never deleted'); END;
--> statement-breakpoint
-- 2. Immutability.
-- A published entry's content never changes. Only two facts may be added to it, each once: that a
-- correction superseded it, and that an admin withdrew it.
CREATE TRIGGER `progress_entries_published_immutable` BEFORE UPDATE ON `progress_entries`
WHEN OLD.`state` = 'published' AND (
  NEW.`state` IS NOT OLD.`state`
  OR NEW.`idempotency_key` IS NOT OLD.`idempotency_key`
  OR NEW.`commitment_id` IS NOT OLD.`commitment_id`
  OR NEW.`subject_id` IS NOT OLD.`subject_id`
  OR NEW.`reporter_id` IS NOT OLD.`reporter_id`
  OR NEW.`status` IS NOT OLD.`status`
  OR NEW.`as_of` IS NOT OLD.`as_of`
  OR NEW.`summary` IS NOT OLD.`summary`
  OR NEW.`narrative` IS NOT OLD.`narrative`
  OR NEW.`measures` IS NOT OLD.`measures`
  OR NEW.`evidence` IS NOT OLD.`evidence`
  OR NEW.`confidence` IS NOT OLD.`confidence`
  OR NEW.`adverse_effects` IS NOT OLD.`adverse_effects`
  OR NEW.`adverse_effects_description` IS NOT OLD.`adverse_effects_description`
  OR NEW.`supersedes_id` IS NOT OLD.`supersedes_id`
  OR NEW.`return_note` IS NOT OLD.`return_note`
  OR NEW.`created_by` IS NOT OLD.`created_by`
  OR NEW.`approved_by` IS NOT OLD.`approved_by`
  OR NEW.`created_at` IS NOT OLD.`created_at`
  OR NEW.`submitted_at` IS NOT OLD.`submitted_at`
  OR NEW.`returned_at` IS NOT OLD.`returned_at`
  OR NEW.`published_at` IS NOT OLD.`published_at`
  OR (OLD.`superseded_by_id` IS NOT NULL AND (NEW.`superseded_by_id` IS NOT OLD.`superseded_by_id` OR NEW.`superseded_at` IS NOT OLD.`superseded_at`))
  OR (OLD.`withdrawn_at` IS NOT NULL AND (NEW.`withdrawn_at` IS NOT OLD.`withdrawn_at` OR NEW.`withdrawn_by` IS NOT OLD.`withdrawn_by` OR NEW.`withdrawal_reason` IS NOT OLD.`withdrawal_reason`))
)
BEGIN SELECT RAISE(ABORT, 'published progress entries are immutable: publish a correction that supersedes it'); END;
--> statement-breakpoint
-- A commitment's code is how entries, exports and imports name it: once any entry refers to the
-- commitment, the code never changes (the data layer refuses first; this is the last defence).
CREATE TRIGGER `commitments_code_immutable_with_entries` BEFORE UPDATE OF `code` ON `commitments`
WHEN NEW.`code` <> OLD.`code` AND EXISTS (SELECT 1 FROM `progress_entries` WHERE `commitment_id` = OLD.`id`)
BEGIN SELECT RAISE(ABORT, 'commitment code is immutable once it has entries'); END;
--> statement-breakpoint
-- An API token can only be used (last_used_at) or revoked, and a revoked token stays revoked; its
-- hash, owner and name never change.
CREATE TRIGGER `api_tokens_immutable` BEFORE UPDATE ON `api_tokens`
WHEN NEW.`token_hash` <> OLD.`token_hash` OR NEW.`user_id` <> OLD.`user_id` OR NEW.`name` <> OLD.`name`
  OR NEW.`prefix` <> OLD.`prefix` OR NEW.`created_at` <> OLD.`created_at`
  OR (OLD.`revoked_at` IS NOT NULL AND (NEW.`revoked_at` IS NULL OR NEW.`revoked_at` <> OLD.`revoked_at`))
BEGIN SELECT RAISE(ABORT, 'an api token can only be used or revoked'); END;
--> statement-breakpoint
-- 3. Current status: current_status holds each (commitment, subject, perspective) pair's newest
-- counted entry (lib/rollup.ts, currentStatuses), kept in the same transaction as the write that
-- changes it: the latest published as_of, ties to the later published_at then the higher id;
-- withdrawn and superseded entries never count. A published insert rebuilds its pair's row unless
-- the row already holds a newer entry (a backdated entry, as most of an import's are, changes
-- nothing) or an import defers the work (current_status_deferred, 0000_baseline.sql).
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
  INSERT INTO `current_status` (`commitment_id`, `subject_id`, `perspective`, `entry_id`, `status`, `as_of`, `published_at`, `adverse_effects`)
  SELECT `commitment_id`, `subject_id`, `perspective`, `id`, `status`, `as_of`, `published_at`, `adverse_effects` FROM `progress_entries`
  WHERE `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `perspective` = NEW.`perspective`
    AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
  ORDER BY `as_of` DESC, `published_at` DESC, `id` DESC LIMIT 1;
END;
--> statement-breakpoint
-- A publish, a correction (superseded_by_id) or a withdrawal rebuilds the pair's row.
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
-- 4. The log of entries that joined or left the counted set after they were written
-- (counted_entry_changes, 0000_baseline.sql), which the in-memory index of counted entries reads to
-- catch up with writes from any process.
CREATE TRIGGER `counted_entry_changes_update` AFTER UPDATE OF `state`, `withdrawn_at`, `superseded_by_id` ON `progress_entries`
WHEN (OLD.`state` = 'published' AND OLD.`withdrawn_at` IS NULL AND OLD.`superseded_by_id` IS NULL)
  IS NOT (NEW.`state` = 'published' AND NEW.`withdrawn_at` IS NULL AND NEW.`superseded_by_id` IS NULL)
BEGIN INSERT INTO `counted_entry_changes` (`entry_id`) VALUES (NEW.`id`); END;
--> statement-breakpoint
-- 5. The data version: every change to what the overview's figures are computed from (entries,
-- actors, commitments and their links) bumps data_version (0000_baseline.sql) in the same
-- transaction, so a cache keyed by it never serves figures older than the data. Tables that are
-- never deleted from have no delete trigger.
CREATE TRIGGER `data_version_progress_entries_insert` AFTER INSERT ON `progress_entries`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_progress_entries_update` AFTER UPDATE ON `progress_entries`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_actors_insert` AFTER INSERT ON `actors`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_actors_update` AFTER UPDATE ON `actors`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_commitments_insert` AFTER INSERT ON `commitments`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_commitments_update` AFTER UPDATE ON `commitments`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_commitment_duty_bearers_insert` AFTER INSERT ON `commitment_duty_bearers`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_commitment_duty_bearers_update` AFTER UPDATE ON `commitment_duty_bearers`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_commitment_duty_bearers_delete` AFTER DELETE ON `commitment_duty_bearers`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_commitment_objectives_insert` AFTER INSERT ON `commitment_objectives`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_commitment_objectives_update` AFTER UPDATE ON `commitment_objectives`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_commitment_objectives_delete` AFTER DELETE ON `commitment_objectives`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_commitment_sdg_targets_insert` AFTER INSERT ON `commitment_sdg_targets`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_commitment_sdg_targets_update` AFTER UPDATE ON `commitment_sdg_targets`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_commitment_sdg_targets_delete` AFTER DELETE ON `commitment_sdg_targets`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_gcm_objectives_insert` AFTER INSERT ON `gcm_objectives`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_gcm_objectives_update` AFTER UPDATE ON `gcm_objectives`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_gcm_objectives_delete` AFTER DELETE ON `gcm_objectives`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
