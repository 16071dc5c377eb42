CREATE TABLE `reporting_round_actors` (
	`round_id` integer NOT NULL,
	`actor_id` integer NOT NULL,
	PRIMARY KEY(`round_id`, `actor_id`),
	FOREIGN KEY (`round_id`) REFERENCES `reporting_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reporting_round_commitments` (
	`round_id` integer NOT NULL,
	`commitment_id` integer NOT NULL,
	PRIMARY KEY(`round_id`, `commitment_id`),
	FOREIGN KEY (`round_id`) REFERENCES `reporting_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reporting_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`opens_on` text NOT NULL,
	`due_on` text NOT NULL,
	`asks` text NOT NULL,
	`region` text,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`closed_at` text,
	`archived_at` text,
	CONSTRAINT "reporting_rounds_asks" CHECK("asks" IN ('all_states', 'region', 'list')),
	CONSTRAINT "reporting_rounds_dates" CHECK(date("opens_on") IS "opens_on" AND date("due_on") IS "due_on" AND "due_on" >= "opens_on"),
	CONSTRAINT "reporting_rounds_region" CHECK(("asks" = 'region') = ("region" IS NOT NULL))
);
--> statement-breakpoint
-- Rounds are closed and archived, never deleted; their lists are rewritten on edit, with the
-- round's before and after in the audit log.
CREATE TRIGGER `reporting_rounds_no_delete` BEFORE DELETE ON `reporting_rounds`
BEGIN SELECT RAISE(ABORT, 'reporting rounds are never deleted: archive instead'); END;
--> statement-breakpoint
-- A round write moves the data version like any write the API's cached reads depend on.
CREATE TRIGGER `data_version_reporting_rounds_insert` AFTER INSERT ON `reporting_rounds`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_reporting_rounds_update` AFTER UPDATE ON `reporting_rounds`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_reporting_round_commitments_insert` AFTER INSERT ON `reporting_round_commitments`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_reporting_round_commitments_delete` AFTER DELETE ON `reporting_round_commitments`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_reporting_round_actors_insert` AFTER INSERT ON `reporting_round_actors`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_reporting_round_actors_delete` AFTER DELETE ON `reporting_round_actors`
BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
