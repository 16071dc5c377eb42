CREATE TABLE `mail_settings` (
	`user_id` text PRIMARY KEY NOT NULL,
	`unsubscribe_token` text NOT NULL,
	`review_waiting` integer DEFAULT true NOT NULL,
	`entry_returned` integer DEFAULT true NOT NULL,
	`round_reminder` integer DEFAULT true NOT NULL,
	`digest` integer DEFAULT true NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_settings_token_unique` ON `mail_settings` (`unsubscribe_token`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`user_id` text NOT NULL,
	`subject_key` text NOT NULL,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`body_text` text NOT NULL,
	`body_html` text NOT NULL,
	`unsubscribe_url` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`claimed_until` text,
	`sent_at` text,
	`dropped_at` text,
	`last_error` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "outbox_kind" CHECK("kind" IN ('review_waiting', 'entry_returned', 'round_reminder', 'digest')),
	CONSTRAINT "outbox_attempts" CHECK("attempts" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_message_unique` ON `outbox` (`kind`,`user_id`,`subject_key`);--> statement-breakpoint
CREATE INDEX `outbox_pending_idx` ON `outbox` (`next_attempt_at`) WHERE "sent_at" IS NULL AND "dropped_at" IS NULL;--> statement-breakpoint
CREATE INDEX `outbox_created_idx` ON `outbox` (`created_at`);--> statement-breakpoint
-- The outbox is the record of what was sent: rows are never deleted.
CREATE TRIGGER `outbox_no_delete` BEFORE DELETE ON `outbox`
BEGIN SELECT RAISE(ABORT, 'outbox rows are never deleted'); END;
--> statement-breakpoint
-- A message recorded sent stays recorded once: no sender can send it again or move its time.
CREATE TRIGGER `outbox_sent_once` BEFORE UPDATE ON `outbox`
WHEN OLD.`sent_at` IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'an outbox row recorded sent never changes'); END;
--> statement-breakpoint
-- What a message says and to whom is fixed when it is enqueued.
CREATE TRIGGER `outbox_message_immutable` BEFORE UPDATE ON `outbox`
WHEN NEW.`kind` IS NOT OLD.`kind` OR NEW.`user_id` IS NOT OLD.`user_id`
  OR NEW.`subject_key` IS NOT OLD.`subject_key` OR NEW.`recipient` IS NOT OLD.`recipient`
  OR NEW.`subject` IS NOT OLD.`subject` OR NEW.`body_text` IS NOT OLD.`body_text`
  OR NEW.`body_html` IS NOT OLD.`body_html` OR NEW.`created_at` IS NOT OLD.`created_at`
BEGIN SELECT RAISE(ABORT, 'an outbox message cannot be changed once enqueued'); END;
--> statement-breakpoint
CREATE TRIGGER `mail_settings_no_delete` BEFORE DELETE ON `mail_settings`
BEGIN SELECT RAISE(ABORT, 'e-mail settings are turned off, never deleted'); END;
