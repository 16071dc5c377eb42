CREATE TABLE `commitment_translations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commitment_id` integer NOT NULL,
	`locale` text NOT NULL,
	`version` integer NOT NULL,
	`title` text NOT NULL,
	`text` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "commitment_translations_locale" CHECK("locale" IN ('ar', 'en', 'es', 'fr', 'ru', 'zh')),
	CONSTRAINT "commitment_translations_version_positive" CHECK("version" > 0),
	CONSTRAINT "commitment_translations_not_empty" CHECK(length(trim("title")) > 0 AND length(trim("text")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `commitment_translations_version_unique` ON `commitment_translations` (`commitment_id`,`locale`,`version`);
--> statement-breakpoint
-- Append-only: a change to a translation is a new version, so who wrote which wording, and when,
-- stays known.
CREATE TRIGGER `commitment_translations_no_update` BEFORE UPDATE ON `commitment_translations`
BEGIN SELECT RAISE(ABORT, 'commitment translations are never changed: add a new version instead'); END;
--> statement-breakpoint
CREATE TRIGGER `commitment_translations_no_delete` BEFORE DELETE ON `commitment_translations`
BEGIN SELECT RAISE(ABORT, 'commitment translations are never deleted: add a new version instead'); END;
--> statement-breakpoint
-- The API's cached reads and the exports carry the translations: a new one moves the data version.
CREATE TRIGGER `data_version_commitment_translations_insert` AFTER INSERT ON `commitment_translations`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
