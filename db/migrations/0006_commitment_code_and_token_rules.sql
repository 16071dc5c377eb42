-- A commitment's code is how entries, exports and imports name it: once any entry refers to the
-- commitment, the code never changes (the admin screen says so; this is the last line of defence).
CREATE TRIGGER `commitments_code_immutable_with_entries` BEFORE UPDATE OF `code` ON `commitments`
WHEN NEW.`code` <> OLD.`code` AND EXISTS (SELECT 1 FROM `progress_entries` WHERE `commitment_id` = OLD.`id`)
BEGIN
  SELECT RAISE(ABORT, 'commitment code is immutable once it has entries');
END;
--> statement-breakpoint
-- API tokens are revoked, never deleted, and a revoked token stays revoked; its hash, owner and
-- name never change.
CREATE TRIGGER `api_tokens_no_delete` BEFORE DELETE ON `api_tokens`
BEGIN
  SELECT RAISE(ABORT, 'api tokens are revoked, never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `api_tokens_immutable` BEFORE UPDATE ON `api_tokens`
WHEN NEW.`token_hash` <> OLD.`token_hash` OR NEW.`user_id` <> OLD.`user_id` OR NEW.`name` <> OLD.`name`
  OR NEW.`prefix` <> OLD.`prefix` OR NEW.`created_at` <> OLD.`created_at`
  OR (OLD.`revoked_at` IS NOT NULL AND (NEW.`revoked_at` IS NULL OR NEW.`revoked_at` <> OLD.`revoked_at`))
BEGIN
  SELECT RAISE(ABORT, 'an api token can only be used or revoked');
END;
