-- A counter of changes to what the dashboard figures are computed from, bumped in the same
-- transaction as the change by whichever process writes (the app, a script, an import), so a
-- cache of figures keyed by it never serves a figure older than the data (db/cache.ts).
CREATE TABLE `data_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	CONSTRAINT "data_version_single_row" CHECK("id" = 1)
);
--> statement-breakpoint
INSERT INTO `data_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
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
