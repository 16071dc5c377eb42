-- Append-only guarantees that hold whatever code path writes (DESIGN.md: nothing is ever deleted).
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
-- A published entry's content never changes. Only two facts may be added to it, each once:
-- that a correction superseded it, and that an admin withdrew it.
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
