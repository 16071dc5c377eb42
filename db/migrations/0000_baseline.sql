-- The whole schema of db/schema.ts, as drizzle-kit generates it, then the tables and the index
-- that schema.ts does not declare (at the end). The triggers that guard and maintain these tables
-- are in 0001_triggers.sql.
CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`user_id` text NOT NULL,
	`access_token` text,
	`refresh_token` text,
	`id_token` text,
	`access_token_expires_at` text,
	`refresh_token_expires_at` text,
	`scope` text,
	`password` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_provider_account_unique` ON `accounts` (`provider_id`,`account_id`);--> statement-breakpoint
CREATE INDEX `accounts_user_idx` ON `accounts` (`user_id`);--> statement-breakpoint
CREATE TABLE `actors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text,
	`iso3` text,
	`region` text,
	`sub_region` text,
	`intermediate_region` text,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`archived_at` text,
	CONSTRAINT "actors_kind" CHECK("kind" IN ('state', 'un_entity', 'igo', 'cso', 'nhri', 'trade_union', 'private_sector', 'academia', 'local_government')),
	CONSTRAINT "actors_iso3_format" CHECK("iso3" IS NULL OR ("kind" = 'state' AND "iso3" GLOB '[A-Z][A-Z][A-Z]')),
	CONSTRAINT "actors_demo_has_no_iso3" CHECK("is_demo" = 0 OR "iso3" IS NULL),
	CONSTRAINT "actors_is_demo_bool" CHECK("is_demo" IN (0, 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `actors_iso3_unique` ON `actors` (`iso3`);--> statement-breakpoint
CREATE UNIQUE INDEX `actors_name_unique` ON `actors` (`name`);--> statement-breakpoint
CREATE INDEX `actors_kind_idx` ON `actors` (`kind`);--> statement-breakpoint
CREATE INDEX `actors_region_idx` ON `actors` (`region`);--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`last_used_at` text,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "api_tokens_name_length" CHECK(length(trim("name")) BETWEEN 1 AND 100)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_user_idx` ON `api_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`user_id` text,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	`request_id` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "audit_log_before_json" CHECK("before" IS NULL OR json_valid("before")),
	CONSTRAINT "audit_log_after_json" CHECK("after" IS NULL OR json_valid("after"))
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `commitment_duty_bearers` (
	`commitment_id` integer NOT NULL,
	`duty_bearer` text NOT NULL,
	PRIMARY KEY(`commitment_id`, `duty_bearer`),
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "commitment_duty_bearers_value" CHECK("duty_bearer" IN ('states', 'international_community', 'all_stakeholders'))
);
--> statement-breakpoint
CREATE TABLE `commitment_objectives` (
	`commitment_id` integer NOT NULL,
	`objective` integer NOT NULL,
	PRIMARY KEY(`commitment_id`, `objective`),
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`objective`) REFERENCES `gcm_objectives`(`number`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commitment_objectives_objective_idx` ON `commitment_objectives` (`objective`);--> statement-breakpoint
CREATE TABLE `commitment_paragraphs` (
	`commitment_id` integer NOT NULL,
	`paragraph` integer NOT NULL,
	PRIMARY KEY(`commitment_id`, `paragraph`),
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "commitment_paragraphs_positive" CHECK("paragraph" > 0)
);
--> statement-breakpoint
CREATE TABLE `commitment_rights_holders` (
	`commitment_id` integer NOT NULL,
	`rights_holder` text NOT NULL,
	PRIMARY KEY(`commitment_id`, `rights_holder`),
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "commitment_rights_holders_value" CHECK("rights_holder" IN ('migrants', 'smuggled_migrants', 'trafficking_victims', 'refugees_asylum_seekers', 'internally_displaced', 'migrant_workers', 'women_children', 'people_affected_by_conflict'))
);
--> statement-breakpoint
CREATE TABLE `commitment_sdg_targets` (
	`commitment_id` integer NOT NULL,
	`sdg_target` text NOT NULL,
	PRIMARY KEY(`commitment_id`, `sdg_target`),
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sdg_target`) REFERENCES `sdg_targets`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commitment_sdg_targets_target_idx` ON `commitment_sdg_targets` (`sdg_target`);--> statement-breakpoint
CREATE TABLE `commitments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`source_id` integer NOT NULL,
	`title` text NOT NULL,
	`text` text NOT NULL,
	`paragraphs` text NOT NULL,
	`theme` text NOT NULL,
	`position` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`source_id`) REFERENCES `source_documents`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "commitments_theme" CHECK("theme" IN ('trafficking_smuggling_links', 'smuggling', 'trafficking', 'root_causes_demand', 'prevention_law_enforcement', 'safe_regular_migration', 'human_rights_approach')),
	CONSTRAINT "commitments_code_format" CHECK("code" GLOB '[A-Z][A-Z]*-[0-9][0-9]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `commitments_code_unique` ON `commitments` (`code`);--> statement-breakpoint
CREATE INDEX `commitments_theme_idx` ON `commitments` (`theme`);--> statement-breakpoint
CREATE TABLE `current_status` (
	`commitment_id` integer NOT NULL,
	`subject_id` integer NOT NULL,
	`perspective` text NOT NULL,
	`entry_id` integer NOT NULL,
	`status` text NOT NULL,
	`as_of` text NOT NULL,
	`published_at` text NOT NULL,
	`adverse_effects` integer NOT NULL,
	PRIMARY KEY(`commitment_id`, `subject_id`, `perspective`),
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `progress_entries`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "current_status_perspective" CHECK("perspective" IN ('self', 'independent'))
);
--> statement-breakpoint
CREATE INDEX `current_status_subject_idx` ON `current_status` (`subject_id`,`commitment_id`,`perspective`,`status`,`as_of`,`entry_id`);--> statement-breakpoint
CREATE TABLE `gcm_objectives` (
	`number` integer PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	CONSTRAINT "gcm_objectives_number_range" CHECK("number" BETWEEN 1 AND 23)
);
--> statement-breakpoint
CREATE TABLE `progress_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idempotency_key` text NOT NULL,
	`commitment_id` integer NOT NULL,
	`subject_id` integer NOT NULL,
	`reporter_id` integer NOT NULL,
	`perspective` text GENERATED ALWAYS AS (CASE WHEN "subject_id" = "reporter_id" THEN 'self' ELSE 'independent' END) STORED NOT NULL,
	`status` text NOT NULL,
	`as_of` text NOT NULL,
	`summary` text NOT NULL,
	`narrative` text DEFAULT '' NOT NULL,
	`measures` text DEFAULT '[]' NOT NULL,
	`evidence` text DEFAULT '[]' NOT NULL,
	`confidence` text,
	`adverse_effects` integer DEFAULT false NOT NULL,
	`adverse_effects_description` text,
	`supersedes_id` integer,
	`state` text NOT NULL,
	`return_note` text,
	`created_by` text NOT NULL,
	`approved_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`submitted_at` text,
	`returned_at` text,
	`published_at` text,
	`superseded_by_id` integer,
	`superseded_at` text,
	`withdrawn_at` text,
	`withdrawn_by` text,
	`withdrawal_reason` text,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reporter_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supersedes_id`) REFERENCES `progress_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`superseded_by_id`) REFERENCES `progress_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`withdrawn_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "progress_entries_status" CHECK("status" IN ('not_started', 'limited', 'substantial', 'complete', 'regressed', 'unable_to_assess')),
	CONSTRAINT "progress_entries_state" CHECK("state" IN ('draft', 'submitted', 'returned', 'published')),
	CONSTRAINT "progress_entries_confidence" CHECK("confidence" IS NULL OR "confidence" IN ('high', 'medium', 'low')),
	CONSTRAINT "progress_entries_as_of_date" CHECK(date("as_of") IS "as_of" AND "as_of" >= '1990-01-01'),
	CONSTRAINT "progress_entries_summary_present" CHECK(length(trim("summary")) > 0),
	CONSTRAINT "progress_entries_measures_json" CHECK(json_valid("measures") AND json_type("measures") = 'array'),
	CONSTRAINT "progress_entries_evidence_json" CHECK(json_valid("evidence") AND json_type("evidence") = 'array'),
	CONSTRAINT "progress_entries_self_report_has_no_confidence" CHECK("subject_id" <> "reporter_id" OR "confidence" IS NULL),
	CONSTRAINT "progress_entries_adverse_effects_described" CHECK("adverse_effects" = 0 OR length(trim(coalesce("adverse_effects_description", ''))) > 0),
	CONSTRAINT "progress_entries_adverse_effects_bool" CHECK("adverse_effects" IN (0, 1)),
	CONSTRAINT "progress_entries_published_has_time" CHECK("state" <> 'published' OR "published_at" IS NOT NULL),
	CONSTRAINT "progress_entries_returned_has_note" CHECK("state" <> 'returned' OR length(trim(coalesce("return_note", ''))) > 0),
	CONSTRAINT "progress_entries_withdrawal_complete" CHECK(("withdrawn_at" IS NULL AND "withdrawn_by" IS NULL AND "withdrawal_reason" IS NULL) OR ("state" = 'published' AND "withdrawn_at" IS NOT NULL AND "withdrawn_by" IS NOT NULL AND length(trim(coalesce("withdrawal_reason", ''))) > 0)),
	CONSTRAINT "progress_entries_not_self_superseding" CHECK("supersedes_id" IS NULL OR "supersedes_id" <> "id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `progress_entries_idempotency_key_unique` ON `progress_entries` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `progress_entries_public_pair_idx` ON `progress_entries` (`commitment_id`,`subject_id`,`perspective`,`as_of`,`published_at`);--> statement-breakpoint
CREATE INDEX `progress_entries_subject_idx` ON `progress_entries` (`subject_id`,`as_of`);--> statement-breakpoint
CREATE INDEX `progress_entries_reporter_idx` ON `progress_entries` (`reporter_id`,`as_of`);--> statement-breakpoint
CREATE INDEX `progress_entries_state_idx` ON `progress_entries` (`state`,`as_of`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`count` integer NOT NULL,
	`last_request` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rate_limits_key_unique` ON `rate_limits` (`key`);--> statement-breakpoint
CREATE TABLE `sdg_targets` (
	`code` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`token` text NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` text NOT NULL,
	`ip_address` text,
	`user_agent` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token_unique` ON `sessions` (`token`);--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sign_in_attempts` (
	`email` text NOT NULL,
	`address` text NOT NULL,
	`failures` integer NOT NULL,
	`window_started_at` integer NOT NULL,
	`last_failed_at` integer,
	`last_succeeded_at` integer,
	PRIMARY KEY(`email`, `address`),
	CONSTRAINT "sign_in_attempts_failures" CHECK("failures" >= 0)
);
--> statement-breakpoint
CREATE INDEX `sign_in_attempts_window_idx` ON `sign_in_attempts` (`window_started_at`);--> statement-breakpoint
CREATE TABLE `source_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`author` text NOT NULL,
	`published_on` text NOT NULL,
	`place` text NOT NULL,
	`reference` text,
	`url` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`archived_at` text,
	CONSTRAINT "source_documents_published_on_date" CHECK(date("published_on") IS "published_on")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `source_documents_slug_unique` ON `source_documents` ("slug");--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`email_verified` integer DEFAULT false NOT NULL,
	`image` text,
	`role` text NOT NULL,
	`actor_id` integer,
	`is_demo` integer DEFAULT false NOT NULL,
	`disabled_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role" CHECK("role" IN ('admin', 'focal_point', 'contributor')),
	CONSTRAINT "users_member_has_actor" CHECK("role" = 'admin' OR "actor_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (lower("email"));--> statement-breakpoint
CREATE TABLE `verifications` (
	`id` text PRIMARY KEY NOT NULL,
	`identifier` text NOT NULL,
	`value` text NOT NULL,
	`expires_at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `verifications_identifier_idx` ON `verifications` (`identifier`);--> statement-breakpoint
CREATE TABLE `workspace` (
	`id` integer PRIMARY KEY NOT NULL,
	`mode` text NOT NULL,
	`seeded_at` text NOT NULL,
	CONSTRAINT "workspace_single_row" CHECK("id" = 1),
	CONSTRAINT "workspace_mode" CHECK("mode" IN ('demo', 'real'))
);
--> statement-breakpoint
-- Not declared in db/schema.ts: read and written with SQL of their own.
-- A one-row counter of changes to what the overview's figures are computed from, bumped by the
-- triggers in 0001_triggers.sql in the same transaction as the change, whichever process writes,
-- so a cache keyed by it never serves figures older than the data (db/queries/data-version.ts).
CREATE TABLE `data_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	CONSTRAINT "data_version_single_row" CHECK("id" = 1)
);
--> statement-breakpoint
INSERT INTO `data_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
-- Entries that joined or left the counted set (published, not withdrawn, not superseded) after
-- they were written, logged by a trigger. The in-memory index of counted entries
-- (db/status-index/status-index.ts) reads the rows after the last one it saw, and the entries
-- with ids above the greatest it saw, to catch up with any writer. New entries need no row: ids
-- only grow.
CREATE TABLE `counted_entry_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL
);
--> statement-breakpoint
-- While its one row exists, an entry's INSERT leaves its pair's current status alone. Only an
-- import puts it, inside its own transaction, and brings the current statuses of the pairs it
-- wrote up to date at once before anything else writes and before the commit
-- (db/import/import-store.ts): the row is never committed, so every other writer keeps the trigger.
CREATE TABLE `current_status_deferred` (
	`id` integer PRIMARY KEY NOT NULL,
	CONSTRAINT "current_status_deferred_single_row" CHECK("id" = 1)
);
--> statement-breakpoint
-- The entries that take part in roll-ups, in each pair's order of currency, with their status: the
-- index of counted entries and the matrix read this partial index alone, in order, instead of
-- sorting the table (db/status-index/status-index.ts, db/queries/matrix.ts).
CREATE INDEX `progress_entries_counted_idx` ON `progress_entries`
  (`perspective`, `commitment_id`, `subject_id`, `as_of`, `published_at`, `status`, `adverse_effects`)
WHERE `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL;
