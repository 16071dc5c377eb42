-- The dashboard's read model at scale (issue 6): aggregates kept by triggers in the same
-- transaction as every write, so a roll-up sums a few thousand kept rows instead of reading every
-- pair or every entry, and is never stale. Derived data only: each table equals a recomputation
-- by the roll-up module (db/rollup-model.test.ts after random writes; test/crash/invariants.ts
-- after every crash). Actors are grouped by what the dashboard filters them on: kind, region
-- ('' for none) and active (not archived); statuses are columns, so one row holds a group's six counts.
--
-- Current statuses per perspective, commitment and kind of actor (and adverse effects reported).
CREATE TABLE `rollup_status_counts` (
	`perspective` text NOT NULL,
	`active` integer NOT NULL,
	`commitment_id` integer NOT NULL,
	`kind` text NOT NULL,
	`not_started` integer NOT NULL DEFAULT 0,
	`limited` integer NOT NULL DEFAULT 0,
	`substantial` integer NOT NULL DEFAULT 0,
	`complete` integer NOT NULL DEFAULT 0,
	`regressed` integer NOT NULL DEFAULT 0,
	`unable_to_assess` integer NOT NULL DEFAULT 0,
	`adverse` integer NOT NULL DEFAULT 0,
	PRIMARY KEY (`perspective`, `active`, `commitment_id`, `kind`)
) WITHOUT ROWID;
--> statement-breakpoint
-- The same per region (views filtered by region).
CREATE TABLE `rollup_region_status_counts` (
	`perspective` text NOT NULL,
	`active` integer NOT NULL,
	`region` text NOT NULL,
	`commitment_id` integer NOT NULL,
	`kind` text NOT NULL,
	`not_started` integer NOT NULL DEFAULT 0,
	`limited` integer NOT NULL DEFAULT 0,
	`substantial` integer NOT NULL DEFAULT 0,
	`complete` integer NOT NULL DEFAULT 0,
	`regressed` integer NOT NULL DEFAULT 0,
	`unable_to_assess` integer NOT NULL DEFAULT 0,
	`adverse` integer NOT NULL DEFAULT 0,
	PRIMARY KEY (`perspective`, `active`, `region`, `commitment_id`, `kind`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Current statuses by the month of their as-of date (the stale count: statuses older than a date).
CREATE TABLE `rollup_as_of_months` (
	`perspective` text NOT NULL,
	`active` integer NOT NULL,
	`month` text NOT NULL,
	`commitment_id` integer NOT NULL,
	`kind` text NOT NULL,
	`pairs` integer NOT NULL DEFAULT 0,
	PRIMARY KEY (`perspective`, `active`, `month`, `commitment_id`, `kind`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Contested pairs: self-reported and independent statuses 2+ steps apart, or either regressed.
CREATE TABLE `rollup_contested` (
	`active` integer NOT NULL,
	`region` text NOT NULL,
	`commitment_id` integer NOT NULL,
	`kind` text NOT NULL,
	`pairs` integer NOT NULL DEFAULT 0,
	PRIMARY KEY (`active`, `region`, `commitment_id`, `kind`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Current statuses per actor over all of its commitments (the by-actor chart subtracts what a view leaves out).
CREATE TABLE `rollup_actor_counts` (
	`perspective` text NOT NULL,
	`subject_id` integer NOT NULL,
	`status` integer NOT NULL,
	`pairs` integer NOT NULL DEFAULT 0,
	PRIMARY KEY (`perspective`, `subject_id`, `status`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Status over time: the net change, per quarter since 2019-Q1 (quarter 0; earlier dates count from
-- it), in the number of pairs holding each status at the quarter's end. Each counted entry is
-- current from its as-of quarter until the quarter of its pair's next counted entry, so the
-- counts at the end of quarter q are the sums of changes up to q (lib/rollup.ts statusOverTime).
CREATE TABLE `rollup_status_changes` (
	`perspective` text NOT NULL,
	`active` integer NOT NULL,
	`commitment_id` integer NOT NULL,
	`kind` text NOT NULL,
	`quarter` integer NOT NULL,
	`not_started` integer NOT NULL DEFAULT 0,
	`limited` integer NOT NULL DEFAULT 0,
	`substantial` integer NOT NULL DEFAULT 0,
	`complete` integer NOT NULL DEFAULT 0,
	`regressed` integer NOT NULL DEFAULT 0,
	`unable_to_assess` integer NOT NULL DEFAULT 0,
	PRIMARY KEY (`perspective`, `active`, `commitment_id`, `kind`, `quarter`)
) WITHOUT ROWID;
--> statement-breakpoint
-- The same per region.
CREATE TABLE `rollup_region_status_changes` (
	`perspective` text NOT NULL,
	`active` integer NOT NULL,
	`region` text NOT NULL,
	`commitment_id` integer NOT NULL,
	`kind` text NOT NULL,
	`quarter` integer NOT NULL,
	`not_started` integer NOT NULL DEFAULT 0,
	`limited` integer NOT NULL DEFAULT 0,
	`substantial` integer NOT NULL DEFAULT 0,
	`complete` integer NOT NULL DEFAULT 0,
	`regressed` integer NOT NULL DEFAULT 0,
	`unable_to_assess` integer NOT NULL DEFAULT 0,
	PRIMARY KEY (`perspective`, `active`, `region`, `commitment_id`, `kind`, `quarter`)
) WITHOUT ROWID;
--> statement-breakpoint
-- One actor's recent statuses (the stale count of a view filtered by actor kind or region).
CREATE INDEX `current_status_subject_as_of_idx` ON `current_status` (`perspective`, `subject_id`, `as_of`, `commitment_id`);
--> statement-breakpoint
-- A view's current statuses by commitment, without visiting the table (the by-actor chart of a filtered view).
CREATE INDEX `current_status_commitment_idx` ON `current_status` (`commitment_id`, `perspective`, `subject_id`, `status`);
--> statement-breakpoint
-- Statuses of one as-of month (the partial month at the stale date).
CREATE INDEX `current_status_as_of_idx` ON `current_status` (`perspective`, `as_of`);
--> statement-breakpoint
CREATE TRIGGER `rollup_current_status_insert` AFTER INSERT ON `current_status`
BEGIN
  INSERT INTO `rollup_status_counts` (`perspective`, `active`, `commitment_id`, `kind`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`, `adverse`)
  SELECT NEW.`perspective`, a.`archived_at` IS NULL, NEW.`commitment_id`, a.`kind`, CASE WHEN NEW.`status` = 'not_started' THEN 1 ELSE 0 END, CASE WHEN NEW.`status` = 'limited' THEN 1 ELSE 0 END, CASE WHEN NEW.`status` = 'substantial' THEN 1 ELSE 0 END, CASE WHEN NEW.`status` = 'complete' THEN 1 ELSE 0 END, CASE WHEN NEW.`status` = 'regressed' THEN 1 ELSE 0 END, CASE WHEN NEW.`status` = 'unable_to_assess' THEN 1 ELSE 0 END, NEW.`adverse_effects` FROM `actors` a WHERE a.`id` = NEW.`subject_id`
  ON CONFLICT DO UPDATE SET `not_started` = `not_started` + excluded.`not_started`, `limited` = `limited` + excluded.`limited`, `substantial` = `substantial` + excluded.`substantial`, `complete` = `complete` + excluded.`complete`, `regressed` = `regressed` + excluded.`regressed`, `unable_to_assess` = `unable_to_assess` + excluded.`unable_to_assess`, `adverse` = `adverse` + excluded.`adverse`;
  INSERT INTO `rollup_region_status_counts` (`perspective`, `active`, `region`, `commitment_id`, `kind`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`, `adverse`)
  SELECT NEW.`perspective`, a.`archived_at` IS NULL, coalesce(a.`region`, ''), NEW.`commitment_id`, a.`kind`, CASE WHEN NEW.`status` = 'not_started' THEN 1 ELSE 0 END, CASE WHEN NEW.`status` = 'limited' THEN 1 ELSE 0 END, CASE WHEN NEW.`status` = 'substantial' THEN 1 ELSE 0 END, CASE WHEN NEW.`status` = 'complete' THEN 1 ELSE 0 END, CASE WHEN NEW.`status` = 'regressed' THEN 1 ELSE 0 END, CASE WHEN NEW.`status` = 'unable_to_assess' THEN 1 ELSE 0 END, NEW.`adverse_effects` FROM `actors` a WHERE a.`id` = NEW.`subject_id`
  ON CONFLICT DO UPDATE SET `not_started` = `not_started` + excluded.`not_started`, `limited` = `limited` + excluded.`limited`, `substantial` = `substantial` + excluded.`substantial`, `complete` = `complete` + excluded.`complete`, `regressed` = `regressed` + excluded.`regressed`, `unable_to_assess` = `unable_to_assess` + excluded.`unable_to_assess`, `adverse` = `adverse` + excluded.`adverse`;
  INSERT INTO `rollup_as_of_months` (`perspective`, `active`, `month`, `commitment_id`, `kind`, `pairs`)
  SELECT NEW.`perspective`, a.`archived_at` IS NULL, substr(NEW.`as_of`, 1, 7), NEW.`commitment_id`, a.`kind`, 1 FROM `actors` a WHERE a.`id` = NEW.`subject_id`
  ON CONFLICT DO UPDATE SET `pairs` = `pairs` + excluded.`pairs`;
  INSERT INTO `rollup_actor_counts` (`perspective`, `subject_id`, `status`, `pairs`) VALUES (NEW.`perspective`, NEW.`subject_id`, NEW.`status`, 1)
  ON CONFLICT DO UPDATE SET `pairs` = `pairs` + excluded.`pairs`;
  INSERT INTO `rollup_contested` (`active`, `region`, `commitment_id`, `kind`, `pairs`)
  SELECT a.`archived_at` IS NULL, coalesce(a.`region`, ''), NEW.`commitment_id`, a.`kind`, 1
  FROM `actors` a, `current_status` o
  WHERE a.`id` = NEW.`subject_id` AND o.`commitment_id` = NEW.`commitment_id` AND o.`subject_id` = NEW.`subject_id` AND o.`perspective` <> NEW.`perspective`
    AND (NEW.`status` = 'regressed' OR o.`status` = 'regressed' OR abs((CASE NEW.`status` WHEN 'not_started' THEN 0 WHEN 'limited' THEN 1 WHEN 'substantial' THEN 2 WHEN 'complete' THEN 3 WHEN 'regressed' THEN 0 END) - (CASE o.`status` WHEN 'not_started' THEN 0 WHEN 'limited' THEN 1 WHEN 'substantial' THEN 2 WHEN 'complete' THEN 3 WHEN 'regressed' THEN 0 END)) >= 2)
  ON CONFLICT DO UPDATE SET `pairs` = `pairs` + excluded.`pairs`;
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_current_status_delete` AFTER DELETE ON `current_status`
BEGIN
  INSERT INTO `rollup_status_counts` (`perspective`, `active`, `commitment_id`, `kind`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`, `adverse`)
  SELECT OLD.`perspective`, a.`archived_at` IS NULL, OLD.`commitment_id`, a.`kind`, CASE WHEN OLD.`status` = 'not_started' THEN -1 ELSE 0 END, CASE WHEN OLD.`status` = 'limited' THEN -1 ELSE 0 END, CASE WHEN OLD.`status` = 'substantial' THEN -1 ELSE 0 END, CASE WHEN OLD.`status` = 'complete' THEN -1 ELSE 0 END, CASE WHEN OLD.`status` = 'regressed' THEN -1 ELSE 0 END, CASE WHEN OLD.`status` = 'unable_to_assess' THEN -1 ELSE 0 END, -OLD.`adverse_effects` FROM `actors` a WHERE a.`id` = OLD.`subject_id`
  ON CONFLICT DO UPDATE SET `not_started` = `not_started` + excluded.`not_started`, `limited` = `limited` + excluded.`limited`, `substantial` = `substantial` + excluded.`substantial`, `complete` = `complete` + excluded.`complete`, `regressed` = `regressed` + excluded.`regressed`, `unable_to_assess` = `unable_to_assess` + excluded.`unable_to_assess`, `adverse` = `adverse` + excluded.`adverse`;
  INSERT INTO `rollup_region_status_counts` (`perspective`, `active`, `region`, `commitment_id`, `kind`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`, `adverse`)
  SELECT OLD.`perspective`, a.`archived_at` IS NULL, coalesce(a.`region`, ''), OLD.`commitment_id`, a.`kind`, CASE WHEN OLD.`status` = 'not_started' THEN -1 ELSE 0 END, CASE WHEN OLD.`status` = 'limited' THEN -1 ELSE 0 END, CASE WHEN OLD.`status` = 'substantial' THEN -1 ELSE 0 END, CASE WHEN OLD.`status` = 'complete' THEN -1 ELSE 0 END, CASE WHEN OLD.`status` = 'regressed' THEN -1 ELSE 0 END, CASE WHEN OLD.`status` = 'unable_to_assess' THEN -1 ELSE 0 END, -OLD.`adverse_effects` FROM `actors` a WHERE a.`id` = OLD.`subject_id`
  ON CONFLICT DO UPDATE SET `not_started` = `not_started` + excluded.`not_started`, `limited` = `limited` + excluded.`limited`, `substantial` = `substantial` + excluded.`substantial`, `complete` = `complete` + excluded.`complete`, `regressed` = `regressed` + excluded.`regressed`, `unable_to_assess` = `unable_to_assess` + excluded.`unable_to_assess`, `adverse` = `adverse` + excluded.`adverse`;
  INSERT INTO `rollup_as_of_months` (`perspective`, `active`, `month`, `commitment_id`, `kind`, `pairs`)
  SELECT OLD.`perspective`, a.`archived_at` IS NULL, substr(OLD.`as_of`, 1, 7), OLD.`commitment_id`, a.`kind`, -1 FROM `actors` a WHERE a.`id` = OLD.`subject_id`
  ON CONFLICT DO UPDATE SET `pairs` = `pairs` + excluded.`pairs`;
  INSERT INTO `rollup_actor_counts` (`perspective`, `subject_id`, `status`, `pairs`) VALUES (OLD.`perspective`, OLD.`subject_id`, OLD.`status`, -1)
  ON CONFLICT DO UPDATE SET `pairs` = `pairs` + excluded.`pairs`;
  INSERT INTO `rollup_contested` (`active`, `region`, `commitment_id`, `kind`, `pairs`)
  SELECT a.`archived_at` IS NULL, coalesce(a.`region`, ''), OLD.`commitment_id`, a.`kind`, -1
  FROM `actors` a, `current_status` o
  WHERE a.`id` = OLD.`subject_id` AND o.`commitment_id` = OLD.`commitment_id` AND o.`subject_id` = OLD.`subject_id` AND o.`perspective` <> OLD.`perspective`
    AND (OLD.`status` = 'regressed' OR o.`status` = 'regressed' OR abs((CASE OLD.`status` WHEN 'not_started' THEN 0 WHEN 'limited' THEN 1 WHEN 'substantial' THEN 2 WHEN 'complete' THEN 3 WHEN 'regressed' THEN 0 END) - (CASE o.`status` WHEN 'not_started' THEN 0 WHEN 'limited' THEN 1 WHEN 'substantial' THEN 2 WHEN 'complete' THEN 3 WHEN 'regressed' THEN 0 END)) >= 2)
  ON CONFLICT DO UPDATE SET `pairs` = `pairs` + excluded.`pairs`;
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_entry_counted_insert` AFTER INSERT ON `progress_entries`
WHEN NEW.`state` = 'published' AND NEW.`withdrawn_at` IS NULL AND NEW.`superseded_by_id` IS NULL
BEGIN
  INSERT INTO `rollup_status_changes` (`perspective`, `active`, `commitment_id`, `kind`, `quarter`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`)
  SELECT * FROM (
    SELECT NEW.`perspective`, a.`archived_at` IS NULL, NEW.`commitment_id`, a.`kind`, d.`quarter`, sum(CASE WHEN d.`status` = 'not_started' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'limited' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'substantial' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'complete' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'regressed' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'unable_to_assess' THEN d.`change` ELSE 0 END)
    FROM `actors` a, (
      SELECT max(0, (CAST(substr(NEW.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(NEW.`as_of`, 6, 2) AS INTEGER) - 1) / 3) AS `quarter`, NEW.`status` AS `status`, 1 AS `change`
      UNION ALL SELECT max(0, (CAST(substr(NEW.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(NEW.`as_of`, 6, 2) AS INTEGER) - 1) / 3), p.`status`, -1 FROM (SELECT (SELECT `status` FROM `progress_entries`
        WHERE `perspective` = NEW.`perspective` AND `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) < (NEW.`as_of`, NEW.`published_at`, NEW.`id`)
        ORDER BY `as_of` DESC, `published_at` DESC, `id` DESC LIMIT 1) AS `status`) p WHERE p.`status` IS NOT NULL
      UNION ALL SELECT max(0, (CAST(substr(n.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(n.`as_of`, 6, 2) AS INTEGER) - 1) / 3), NEW.`status`, -1 FROM (SELECT `status`, `as_of` FROM `progress_entries`
        WHERE `perspective` = NEW.`perspective` AND `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) > (NEW.`as_of`, NEW.`published_at`, NEW.`id`)
        ORDER BY `as_of`, `published_at`, `id` LIMIT 1) n
      UNION ALL SELECT max(0, (CAST(substr(n.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(n.`as_of`, 6, 2) AS INTEGER) - 1) / 3), p.`status`, 1 FROM (SELECT (SELECT `status` FROM `progress_entries`
        WHERE `perspective` = NEW.`perspective` AND `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) < (NEW.`as_of`, NEW.`published_at`, NEW.`id`)
        ORDER BY `as_of` DESC, `published_at` DESC, `id` DESC LIMIT 1) AS `status`) p, (SELECT `status`, `as_of` FROM `progress_entries`
        WHERE `perspective` = NEW.`perspective` AND `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) > (NEW.`as_of`, NEW.`published_at`, NEW.`id`)
        ORDER BY `as_of`, `published_at`, `id` LIMIT 1) n WHERE p.`status` IS NOT NULL
    ) d
    WHERE a.`id` = NEW.`subject_id`
    GROUP BY d.`quarter`
  ) WHERE true
  ON CONFLICT DO UPDATE SET `not_started` = `not_started` + excluded.`not_started`, `limited` = `limited` + excluded.`limited`, `substantial` = `substantial` + excluded.`substantial`, `complete` = `complete` + excluded.`complete`, `regressed` = `regressed` + excluded.`regressed`, `unable_to_assess` = `unable_to_assess` + excluded.`unable_to_assess`;
  INSERT INTO `rollup_region_status_changes` (`perspective`, `active`, `region`, `commitment_id`, `kind`, `quarter`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`)
  SELECT * FROM (
    SELECT NEW.`perspective`, a.`archived_at` IS NULL, coalesce(a.`region`, ''), NEW.`commitment_id`, a.`kind`, d.`quarter`, sum(CASE WHEN d.`status` = 'not_started' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'limited' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'substantial' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'complete' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'regressed' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'unable_to_assess' THEN d.`change` ELSE 0 END)
    FROM `actors` a, (
      SELECT max(0, (CAST(substr(NEW.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(NEW.`as_of`, 6, 2) AS INTEGER) - 1) / 3) AS `quarter`, NEW.`status` AS `status`, 1 AS `change`
      UNION ALL SELECT max(0, (CAST(substr(NEW.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(NEW.`as_of`, 6, 2) AS INTEGER) - 1) / 3), p.`status`, -1 FROM (SELECT (SELECT `status` FROM `progress_entries`
        WHERE `perspective` = NEW.`perspective` AND `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) < (NEW.`as_of`, NEW.`published_at`, NEW.`id`)
        ORDER BY `as_of` DESC, `published_at` DESC, `id` DESC LIMIT 1) AS `status`) p WHERE p.`status` IS NOT NULL
      UNION ALL SELECT max(0, (CAST(substr(n.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(n.`as_of`, 6, 2) AS INTEGER) - 1) / 3), NEW.`status`, -1 FROM (SELECT `status`, `as_of` FROM `progress_entries`
        WHERE `perspective` = NEW.`perspective` AND `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) > (NEW.`as_of`, NEW.`published_at`, NEW.`id`)
        ORDER BY `as_of`, `published_at`, `id` LIMIT 1) n
      UNION ALL SELECT max(0, (CAST(substr(n.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(n.`as_of`, 6, 2) AS INTEGER) - 1) / 3), p.`status`, 1 FROM (SELECT (SELECT `status` FROM `progress_entries`
        WHERE `perspective` = NEW.`perspective` AND `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) < (NEW.`as_of`, NEW.`published_at`, NEW.`id`)
        ORDER BY `as_of` DESC, `published_at` DESC, `id` DESC LIMIT 1) AS `status`) p, (SELECT `status`, `as_of` FROM `progress_entries`
        WHERE `perspective` = NEW.`perspective` AND `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) > (NEW.`as_of`, NEW.`published_at`, NEW.`id`)
        ORDER BY `as_of`, `published_at`, `id` LIMIT 1) n WHERE p.`status` IS NOT NULL
    ) d
    WHERE a.`id` = NEW.`subject_id`
    GROUP BY d.`quarter`
  ) WHERE true
  ON CONFLICT DO UPDATE SET `not_started` = `not_started` + excluded.`not_started`, `limited` = `limited` + excluded.`limited`, `substantial` = `substantial` + excluded.`substantial`, `complete` = `complete` + excluded.`complete`, `regressed` = `regressed` + excluded.`regressed`, `unable_to_assess` = `unable_to_assess` + excluded.`unable_to_assess`;
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_entry_counted_join` AFTER UPDATE OF `state`, `withdrawn_at`, `superseded_by_id` ON `progress_entries`
WHEN NOT (OLD.`state` = 'published' AND OLD.`withdrawn_at` IS NULL AND OLD.`superseded_by_id` IS NULL)
  AND NEW.`state` = 'published' AND NEW.`withdrawn_at` IS NULL AND NEW.`superseded_by_id` IS NULL
BEGIN
  INSERT INTO `rollup_status_changes` (`perspective`, `active`, `commitment_id`, `kind`, `quarter`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`)
  SELECT * FROM (
    SELECT NEW.`perspective`, a.`archived_at` IS NULL, NEW.`commitment_id`, a.`kind`, d.`quarter`, sum(CASE WHEN d.`status` = 'not_started' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'limited' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'substantial' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'complete' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'regressed' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'unable_to_assess' THEN d.`change` ELSE 0 END)
    FROM `actors` a, (
      SELECT max(0, (CAST(substr(NEW.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(NEW.`as_of`, 6, 2) AS INTEGER) - 1) / 3) AS `quarter`, NEW.`status` AS `status`, 1 AS `change`
      UNION ALL SELECT max(0, (CAST(substr(NEW.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(NEW.`as_of`, 6, 2) AS INTEGER) - 1) / 3), p.`status`, -1 FROM (SELECT (SELECT `status` FROM `progress_entries`
        WHERE `perspective` = NEW.`perspective` AND `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) < (NEW.`as_of`, NEW.`published_at`, NEW.`id`)
        ORDER BY `as_of` DESC, `published_at` DESC, `id` DESC LIMIT 1) AS `status`) p WHERE p.`status` IS NOT NULL
      UNION ALL SELECT max(0, (CAST(substr(n.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(n.`as_of`, 6, 2) AS INTEGER) - 1) / 3), NEW.`status`, -1 FROM (SELECT `status`, `as_of` FROM `progress_entries`
        WHERE `perspective` = NEW.`perspective` AND `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) > (NEW.`as_of`, NEW.`published_at`, NEW.`id`)
        ORDER BY `as_of`, `published_at`, `id` LIMIT 1) n
      UNION ALL SELECT max(0, (CAST(substr(n.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(n.`as_of`, 6, 2) AS INTEGER) - 1) / 3), p.`status`, 1 FROM (SELECT (SELECT `status` FROM `progress_entries`
        WHERE `perspective` = NEW.`perspective` AND `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) < (NEW.`as_of`, NEW.`published_at`, NEW.`id`)
        ORDER BY `as_of` DESC, `published_at` DESC, `id` DESC LIMIT 1) AS `status`) p, (SELECT `status`, `as_of` FROM `progress_entries`
        WHERE `perspective` = NEW.`perspective` AND `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) > (NEW.`as_of`, NEW.`published_at`, NEW.`id`)
        ORDER BY `as_of`, `published_at`, `id` LIMIT 1) n WHERE p.`status` IS NOT NULL
    ) d
    WHERE a.`id` = NEW.`subject_id`
    GROUP BY d.`quarter`
  ) WHERE true
  ON CONFLICT DO UPDATE SET `not_started` = `not_started` + excluded.`not_started`, `limited` = `limited` + excluded.`limited`, `substantial` = `substantial` + excluded.`substantial`, `complete` = `complete` + excluded.`complete`, `regressed` = `regressed` + excluded.`regressed`, `unable_to_assess` = `unable_to_assess` + excluded.`unable_to_assess`;
  INSERT INTO `rollup_region_status_changes` (`perspective`, `active`, `region`, `commitment_id`, `kind`, `quarter`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`)
  SELECT * FROM (
    SELECT NEW.`perspective`, a.`archived_at` IS NULL, coalesce(a.`region`, ''), NEW.`commitment_id`, a.`kind`, d.`quarter`, sum(CASE WHEN d.`status` = 'not_started' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'limited' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'substantial' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'complete' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'regressed' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'unable_to_assess' THEN d.`change` ELSE 0 END)
    FROM `actors` a, (
      SELECT max(0, (CAST(substr(NEW.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(NEW.`as_of`, 6, 2) AS INTEGER) - 1) / 3) AS `quarter`, NEW.`status` AS `status`, 1 AS `change`
      UNION ALL SELECT max(0, (CAST(substr(NEW.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(NEW.`as_of`, 6, 2) AS INTEGER) - 1) / 3), p.`status`, -1 FROM (SELECT (SELECT `status` FROM `progress_entries`
        WHERE `perspective` = NEW.`perspective` AND `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) < (NEW.`as_of`, NEW.`published_at`, NEW.`id`)
        ORDER BY `as_of` DESC, `published_at` DESC, `id` DESC LIMIT 1) AS `status`) p WHERE p.`status` IS NOT NULL
      UNION ALL SELECT max(0, (CAST(substr(n.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(n.`as_of`, 6, 2) AS INTEGER) - 1) / 3), NEW.`status`, -1 FROM (SELECT `status`, `as_of` FROM `progress_entries`
        WHERE `perspective` = NEW.`perspective` AND `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) > (NEW.`as_of`, NEW.`published_at`, NEW.`id`)
        ORDER BY `as_of`, `published_at`, `id` LIMIT 1) n
      UNION ALL SELECT max(0, (CAST(substr(n.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(n.`as_of`, 6, 2) AS INTEGER) - 1) / 3), p.`status`, 1 FROM (SELECT (SELECT `status` FROM `progress_entries`
        WHERE `perspective` = NEW.`perspective` AND `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) < (NEW.`as_of`, NEW.`published_at`, NEW.`id`)
        ORDER BY `as_of` DESC, `published_at` DESC, `id` DESC LIMIT 1) AS `status`) p, (SELECT `status`, `as_of` FROM `progress_entries`
        WHERE `perspective` = NEW.`perspective` AND `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) > (NEW.`as_of`, NEW.`published_at`, NEW.`id`)
        ORDER BY `as_of`, `published_at`, `id` LIMIT 1) n WHERE p.`status` IS NOT NULL
    ) d
    WHERE a.`id` = NEW.`subject_id`
    GROUP BY d.`quarter`
  ) WHERE true
  ON CONFLICT DO UPDATE SET `not_started` = `not_started` + excluded.`not_started`, `limited` = `limited` + excluded.`limited`, `substantial` = `substantial` + excluded.`substantial`, `complete` = `complete` + excluded.`complete`, `regressed` = `regressed` + excluded.`regressed`, `unable_to_assess` = `unable_to_assess` + excluded.`unable_to_assess`;
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_entry_counted_leave` AFTER UPDATE OF `state`, `withdrawn_at`, `superseded_by_id` ON `progress_entries`
WHEN OLD.`state` = 'published' AND OLD.`withdrawn_at` IS NULL AND OLD.`superseded_by_id` IS NULL
  AND NOT (NEW.`state` = 'published' AND NEW.`withdrawn_at` IS NULL AND NEW.`superseded_by_id` IS NULL)
BEGIN
  INSERT INTO `rollup_status_changes` (`perspective`, `active`, `commitment_id`, `kind`, `quarter`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`)
  SELECT * FROM (
    SELECT OLD.`perspective`, a.`archived_at` IS NULL, OLD.`commitment_id`, a.`kind`, d.`quarter`, sum(CASE WHEN d.`status` = 'not_started' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'limited' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'substantial' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'complete' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'regressed' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'unable_to_assess' THEN d.`change` ELSE 0 END)
    FROM `actors` a, (
      SELECT max(0, (CAST(substr(OLD.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(OLD.`as_of`, 6, 2) AS INTEGER) - 1) / 3) AS `quarter`, OLD.`status` AS `status`, -1 AS `change`
      UNION ALL SELECT max(0, (CAST(substr(OLD.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(OLD.`as_of`, 6, 2) AS INTEGER) - 1) / 3), p.`status`, 1 FROM (SELECT (SELECT `status` FROM `progress_entries`
        WHERE `perspective` = OLD.`perspective` AND `commitment_id` = OLD.`commitment_id` AND `subject_id` = OLD.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) < (OLD.`as_of`, OLD.`published_at`, OLD.`id`)
        ORDER BY `as_of` DESC, `published_at` DESC, `id` DESC LIMIT 1) AS `status`) p WHERE p.`status` IS NOT NULL
      UNION ALL SELECT max(0, (CAST(substr(n.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(n.`as_of`, 6, 2) AS INTEGER) - 1) / 3), OLD.`status`, 1 FROM (SELECT `status`, `as_of` FROM `progress_entries`
        WHERE `perspective` = OLD.`perspective` AND `commitment_id` = OLD.`commitment_id` AND `subject_id` = OLD.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) > (OLD.`as_of`, OLD.`published_at`, OLD.`id`)
        ORDER BY `as_of`, `published_at`, `id` LIMIT 1) n
      UNION ALL SELECT max(0, (CAST(substr(n.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(n.`as_of`, 6, 2) AS INTEGER) - 1) / 3), p.`status`, -1 FROM (SELECT (SELECT `status` FROM `progress_entries`
        WHERE `perspective` = OLD.`perspective` AND `commitment_id` = OLD.`commitment_id` AND `subject_id` = OLD.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) < (OLD.`as_of`, OLD.`published_at`, OLD.`id`)
        ORDER BY `as_of` DESC, `published_at` DESC, `id` DESC LIMIT 1) AS `status`) p, (SELECT `status`, `as_of` FROM `progress_entries`
        WHERE `perspective` = OLD.`perspective` AND `commitment_id` = OLD.`commitment_id` AND `subject_id` = OLD.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) > (OLD.`as_of`, OLD.`published_at`, OLD.`id`)
        ORDER BY `as_of`, `published_at`, `id` LIMIT 1) n WHERE p.`status` IS NOT NULL
    ) d
    WHERE a.`id` = OLD.`subject_id`
    GROUP BY d.`quarter`
  ) WHERE true
  ON CONFLICT DO UPDATE SET `not_started` = `not_started` + excluded.`not_started`, `limited` = `limited` + excluded.`limited`, `substantial` = `substantial` + excluded.`substantial`, `complete` = `complete` + excluded.`complete`, `regressed` = `regressed` + excluded.`regressed`, `unable_to_assess` = `unable_to_assess` + excluded.`unable_to_assess`;
  INSERT INTO `rollup_region_status_changes` (`perspective`, `active`, `region`, `commitment_id`, `kind`, `quarter`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`)
  SELECT * FROM (
    SELECT OLD.`perspective`, a.`archived_at` IS NULL, coalesce(a.`region`, ''), OLD.`commitment_id`, a.`kind`, d.`quarter`, sum(CASE WHEN d.`status` = 'not_started' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'limited' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'substantial' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'complete' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'regressed' THEN d.`change` ELSE 0 END), sum(CASE WHEN d.`status` = 'unable_to_assess' THEN d.`change` ELSE 0 END)
    FROM `actors` a, (
      SELECT max(0, (CAST(substr(OLD.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(OLD.`as_of`, 6, 2) AS INTEGER) - 1) / 3) AS `quarter`, OLD.`status` AS `status`, -1 AS `change`
      UNION ALL SELECT max(0, (CAST(substr(OLD.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(OLD.`as_of`, 6, 2) AS INTEGER) - 1) / 3), p.`status`, 1 FROM (SELECT (SELECT `status` FROM `progress_entries`
        WHERE `perspective` = OLD.`perspective` AND `commitment_id` = OLD.`commitment_id` AND `subject_id` = OLD.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) < (OLD.`as_of`, OLD.`published_at`, OLD.`id`)
        ORDER BY `as_of` DESC, `published_at` DESC, `id` DESC LIMIT 1) AS `status`) p WHERE p.`status` IS NOT NULL
      UNION ALL SELECT max(0, (CAST(substr(n.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(n.`as_of`, 6, 2) AS INTEGER) - 1) / 3), OLD.`status`, 1 FROM (SELECT `status`, `as_of` FROM `progress_entries`
        WHERE `perspective` = OLD.`perspective` AND `commitment_id` = OLD.`commitment_id` AND `subject_id` = OLD.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) > (OLD.`as_of`, OLD.`published_at`, OLD.`id`)
        ORDER BY `as_of`, `published_at`, `id` LIMIT 1) n
      UNION ALL SELECT max(0, (CAST(substr(n.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(n.`as_of`, 6, 2) AS INTEGER) - 1) / 3), p.`status`, -1 FROM (SELECT (SELECT `status` FROM `progress_entries`
        WHERE `perspective` = OLD.`perspective` AND `commitment_id` = OLD.`commitment_id` AND `subject_id` = OLD.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) < (OLD.`as_of`, OLD.`published_at`, OLD.`id`)
        ORDER BY `as_of` DESC, `published_at` DESC, `id` DESC LIMIT 1) AS `status`) p, (SELECT `status`, `as_of` FROM `progress_entries`
        WHERE `perspective` = OLD.`perspective` AND `commitment_id` = OLD.`commitment_id` AND `subject_id` = OLD.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
          AND (`as_of`, `published_at`, `id`) > (OLD.`as_of`, OLD.`published_at`, OLD.`id`)
        ORDER BY `as_of`, `published_at`, `id` LIMIT 1) n WHERE p.`status` IS NOT NULL
    ) d
    WHERE a.`id` = OLD.`subject_id`
    GROUP BY d.`quarter`
  ) WHERE true
  ON CONFLICT DO UPDATE SET `not_started` = `not_started` + excluded.`not_started`, `limited` = `limited` + excluded.`limited`, `substantial` = `substantial` + excluded.`substantial`, `complete` = `complete` + excluded.`complete`, `regressed` = `regressed` + excluded.`regressed`, `unable_to_assess` = `unable_to_assess` + excluded.`unable_to_assess`;
END;
--> statement-breakpoint
CREATE TRIGGER `rollup_actor_regroup` AFTER UPDATE OF `kind`, `region`, `archived_at` ON `actors`
WHEN OLD.`kind` IS NOT NEW.`kind` OR coalesce(OLD.`region`, '') IS NOT coalesce(NEW.`region`, '') OR (OLD.`archived_at` IS NULL) IS NOT (NEW.`archived_at` IS NULL)
BEGIN
  INSERT INTO `rollup_status_counts` (`perspective`, `active`, `commitment_id`, `kind`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`, `adverse`)
  SELECT * FROM (
    SELECT `perspective`, OLD.`archived_at` IS NULL, `commitment_id`, OLD.`kind`, sum(CASE WHEN `status` = 'not_started' THEN -1 ELSE 0 END), sum(CASE WHEN `status` = 'limited' THEN -1 ELSE 0 END), sum(CASE WHEN `status` = 'substantial' THEN -1 ELSE 0 END), sum(CASE WHEN `status` = 'complete' THEN -1 ELSE 0 END), sum(CASE WHEN `status` = 'regressed' THEN -1 ELSE 0 END), sum(CASE WHEN `status` = 'unable_to_assess' THEN -1 ELSE 0 END), -sum(`adverse_effects`)
    FROM `current_status` WHERE `subject_id` = OLD.`id` GROUP BY `perspective`, `commitment_id`
  ) WHERE true
  ON CONFLICT DO UPDATE SET `not_started` = `not_started` + excluded.`not_started`, `limited` = `limited` + excluded.`limited`, `substantial` = `substantial` + excluded.`substantial`, `complete` = `complete` + excluded.`complete`, `regressed` = `regressed` + excluded.`regressed`, `unable_to_assess` = `unable_to_assess` + excluded.`unable_to_assess`, `adverse` = `adverse` + excluded.`adverse`;
  INSERT INTO `rollup_region_status_counts` (`perspective`, `active`, `region`, `commitment_id`, `kind`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`, `adverse`)
  SELECT * FROM (
    SELECT `perspective`, OLD.`archived_at` IS NULL, coalesce(OLD.`region`, ''), `commitment_id`, OLD.`kind`, sum(CASE WHEN `status` = 'not_started' THEN -1 ELSE 0 END), sum(CASE WHEN `status` = 'limited' THEN -1 ELSE 0 END), sum(CASE WHEN `status` = 'substantial' THEN -1 ELSE 0 END), sum(CASE WHEN `status` = 'complete' THEN -1 ELSE 0 END), sum(CASE WHEN `status` = 'regressed' THEN -1 ELSE 0 END), sum(CASE WHEN `status` = 'unable_to_assess' THEN -1 ELSE 0 END), -sum(`adverse_effects`)
    FROM `current_status` WHERE `subject_id` = OLD.`id` GROUP BY `perspective`, `commitment_id`
  ) WHERE true
  ON CONFLICT DO UPDATE SET `not_started` = `not_started` + excluded.`not_started`, `limited` = `limited` + excluded.`limited`, `substantial` = `substantial` + excluded.`substantial`, `complete` = `complete` + excluded.`complete`, `regressed` = `regressed` + excluded.`regressed`, `unable_to_assess` = `unable_to_assess` + excluded.`unable_to_assess`, `adverse` = `adverse` + excluded.`adverse`;
  INSERT INTO `rollup_as_of_months` (`perspective`, `active`, `month`, `commitment_id`, `kind`, `pairs`)
  SELECT * FROM (
    SELECT `perspective`, OLD.`archived_at` IS NULL, substr(`as_of`, 1, 7), `commitment_id`, OLD.`kind`, -count(*)
    FROM `current_status` WHERE `subject_id` = OLD.`id` GROUP BY `perspective`, substr(`as_of`, 1, 7), `commitment_id`
  ) WHERE true
  ON CONFLICT DO UPDATE SET `pairs` = `pairs` + excluded.`pairs`;
  INSERT INTO `rollup_contested` (`active`, `region`, `commitment_id`, `kind`, `pairs`)
  SELECT * FROM (
    SELECT OLD.`archived_at` IS NULL, coalesce(OLD.`region`, ''), s.`commitment_id`, OLD.`kind`, -count(*)
    FROM `current_status` s JOIN `current_status` i ON i.`commitment_id` = s.`commitment_id` AND i.`subject_id` = s.`subject_id` AND i.`perspective` = 'independent'
    WHERE s.`subject_id` = OLD.`id` AND s.`perspective` = 'self' AND (s.`status` = 'regressed' OR i.`status` = 'regressed' OR abs((CASE s.`status` WHEN 'not_started' THEN 0 WHEN 'limited' THEN 1 WHEN 'substantial' THEN 2 WHEN 'complete' THEN 3 WHEN 'regressed' THEN 0 END) - (CASE i.`status` WHEN 'not_started' THEN 0 WHEN 'limited' THEN 1 WHEN 'substantial' THEN 2 WHEN 'complete' THEN 3 WHEN 'regressed' THEN 0 END)) >= 2)
    GROUP BY s.`commitment_id`
  ) WHERE true
  ON CONFLICT DO UPDATE SET `pairs` = `pairs` + excluded.`pairs`;
  INSERT INTO `rollup_status_changes` (`perspective`, `active`, `commitment_id`, `kind`, `quarter`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`)
  SELECT * FROM (
    SELECT e.`perspective`, OLD.`archived_at` IS NULL, e.`commitment_id`, OLD.`kind`, e.`quarter`, sum(CASE WHEN e.`status` = 'not_started' THEN -e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'limited' THEN -e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'substantial' THEN -e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'complete' THEN -e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'regressed' THEN -e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'unable_to_assess' THEN -e.`change` ELSE 0 END)
    FROM (
      SELECT `perspective`, `commitment_id`, max(0, (CAST(substr(`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(`as_of`, 6, 2) AS INTEGER) - 1) / 3) AS `quarter`, `status`, 1 AS `change`
      FROM `progress_entries` WHERE `subject_id` = OLD.`id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
      UNION ALL
      SELECT `perspective`, `commitment_id`, max(0, (CAST(substr(`next_as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(`next_as_of`, 6, 2) AS INTEGER) - 1) / 3), `status`, -1 FROM (
        SELECT `perspective`, `commitment_id`, `status`,
          lead(`as_of`) OVER (PARTITION BY `perspective`, `commitment_id` ORDER BY `as_of`, `published_at`, `id`) AS `next_as_of`
        FROM `progress_entries` WHERE `subject_id` = OLD.`id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
      ) WHERE `next_as_of` IS NOT NULL
    ) e
    GROUP BY e.`perspective`, e.`commitment_id`, e.`quarter`
  ) WHERE true
  ON CONFLICT DO UPDATE SET `not_started` = `not_started` + excluded.`not_started`, `limited` = `limited` + excluded.`limited`, `substantial` = `substantial` + excluded.`substantial`, `complete` = `complete` + excluded.`complete`, `regressed` = `regressed` + excluded.`regressed`, `unable_to_assess` = `unable_to_assess` + excluded.`unable_to_assess`;
  INSERT INTO `rollup_region_status_changes` (`perspective`, `active`, `region`, `commitment_id`, `kind`, `quarter`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`)
  SELECT * FROM (
    SELECT e.`perspective`, OLD.`archived_at` IS NULL, coalesce(OLD.`region`, ''), e.`commitment_id`, OLD.`kind`, e.`quarter`, sum(CASE WHEN e.`status` = 'not_started' THEN -e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'limited' THEN -e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'substantial' THEN -e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'complete' THEN -e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'regressed' THEN -e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'unable_to_assess' THEN -e.`change` ELSE 0 END)
    FROM (
      SELECT `perspective`, `commitment_id`, max(0, (CAST(substr(`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(`as_of`, 6, 2) AS INTEGER) - 1) / 3) AS `quarter`, `status`, 1 AS `change`
      FROM `progress_entries` WHERE `subject_id` = OLD.`id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
      UNION ALL
      SELECT `perspective`, `commitment_id`, max(0, (CAST(substr(`next_as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(`next_as_of`, 6, 2) AS INTEGER) - 1) / 3), `status`, -1 FROM (
        SELECT `perspective`, `commitment_id`, `status`,
          lead(`as_of`) OVER (PARTITION BY `perspective`, `commitment_id` ORDER BY `as_of`, `published_at`, `id`) AS `next_as_of`
        FROM `progress_entries` WHERE `subject_id` = OLD.`id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
      ) WHERE `next_as_of` IS NOT NULL
    ) e
    GROUP BY e.`perspective`, e.`commitment_id`, e.`quarter`
  ) WHERE true
  ON CONFLICT DO UPDATE SET `not_started` = `not_started` + excluded.`not_started`, `limited` = `limited` + excluded.`limited`, `substantial` = `substantial` + excluded.`substantial`, `complete` = `complete` + excluded.`complete`, `regressed` = `regressed` + excluded.`regressed`, `unable_to_assess` = `unable_to_assess` + excluded.`unable_to_assess`;
  INSERT INTO `rollup_status_counts` (`perspective`, `active`, `commitment_id`, `kind`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`, `adverse`)
  SELECT * FROM (
    SELECT `perspective`, NEW.`archived_at` IS NULL, `commitment_id`, NEW.`kind`, sum(CASE WHEN `status` = 'not_started' THEN 1 ELSE 0 END), sum(CASE WHEN `status` = 'limited' THEN 1 ELSE 0 END), sum(CASE WHEN `status` = 'substantial' THEN 1 ELSE 0 END), sum(CASE WHEN `status` = 'complete' THEN 1 ELSE 0 END), sum(CASE WHEN `status` = 'regressed' THEN 1 ELSE 0 END), sum(CASE WHEN `status` = 'unable_to_assess' THEN 1 ELSE 0 END), sum(`adverse_effects`)
    FROM `current_status` WHERE `subject_id` = NEW.`id` GROUP BY `perspective`, `commitment_id`
  ) WHERE true
  ON CONFLICT DO UPDATE SET `not_started` = `not_started` + excluded.`not_started`, `limited` = `limited` + excluded.`limited`, `substantial` = `substantial` + excluded.`substantial`, `complete` = `complete` + excluded.`complete`, `regressed` = `regressed` + excluded.`regressed`, `unable_to_assess` = `unable_to_assess` + excluded.`unable_to_assess`, `adverse` = `adverse` + excluded.`adverse`;
  INSERT INTO `rollup_region_status_counts` (`perspective`, `active`, `region`, `commitment_id`, `kind`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`, `adverse`)
  SELECT * FROM (
    SELECT `perspective`, NEW.`archived_at` IS NULL, coalesce(NEW.`region`, ''), `commitment_id`, NEW.`kind`, sum(CASE WHEN `status` = 'not_started' THEN 1 ELSE 0 END), sum(CASE WHEN `status` = 'limited' THEN 1 ELSE 0 END), sum(CASE WHEN `status` = 'substantial' THEN 1 ELSE 0 END), sum(CASE WHEN `status` = 'complete' THEN 1 ELSE 0 END), sum(CASE WHEN `status` = 'regressed' THEN 1 ELSE 0 END), sum(CASE WHEN `status` = 'unable_to_assess' THEN 1 ELSE 0 END), sum(`adverse_effects`)
    FROM `current_status` WHERE `subject_id` = NEW.`id` GROUP BY `perspective`, `commitment_id`
  ) WHERE true
  ON CONFLICT DO UPDATE SET `not_started` = `not_started` + excluded.`not_started`, `limited` = `limited` + excluded.`limited`, `substantial` = `substantial` + excluded.`substantial`, `complete` = `complete` + excluded.`complete`, `regressed` = `regressed` + excluded.`regressed`, `unable_to_assess` = `unable_to_assess` + excluded.`unable_to_assess`, `adverse` = `adverse` + excluded.`adverse`;
  INSERT INTO `rollup_as_of_months` (`perspective`, `active`, `month`, `commitment_id`, `kind`, `pairs`)
  SELECT * FROM (
    SELECT `perspective`, NEW.`archived_at` IS NULL, substr(`as_of`, 1, 7), `commitment_id`, NEW.`kind`, count(*)
    FROM `current_status` WHERE `subject_id` = NEW.`id` GROUP BY `perspective`, substr(`as_of`, 1, 7), `commitment_id`
  ) WHERE true
  ON CONFLICT DO UPDATE SET `pairs` = `pairs` + excluded.`pairs`;
  INSERT INTO `rollup_contested` (`active`, `region`, `commitment_id`, `kind`, `pairs`)
  SELECT * FROM (
    SELECT NEW.`archived_at` IS NULL, coalesce(NEW.`region`, ''), s.`commitment_id`, NEW.`kind`, count(*)
    FROM `current_status` s JOIN `current_status` i ON i.`commitment_id` = s.`commitment_id` AND i.`subject_id` = s.`subject_id` AND i.`perspective` = 'independent'
    WHERE s.`subject_id` = NEW.`id` AND s.`perspective` = 'self' AND (s.`status` = 'regressed' OR i.`status` = 'regressed' OR abs((CASE s.`status` WHEN 'not_started' THEN 0 WHEN 'limited' THEN 1 WHEN 'substantial' THEN 2 WHEN 'complete' THEN 3 WHEN 'regressed' THEN 0 END) - (CASE i.`status` WHEN 'not_started' THEN 0 WHEN 'limited' THEN 1 WHEN 'substantial' THEN 2 WHEN 'complete' THEN 3 WHEN 'regressed' THEN 0 END)) >= 2)
    GROUP BY s.`commitment_id`
  ) WHERE true
  ON CONFLICT DO UPDATE SET `pairs` = `pairs` + excluded.`pairs`;
  INSERT INTO `rollup_status_changes` (`perspective`, `active`, `commitment_id`, `kind`, `quarter`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`)
  SELECT * FROM (
    SELECT e.`perspective`, NEW.`archived_at` IS NULL, e.`commitment_id`, NEW.`kind`, e.`quarter`, sum(CASE WHEN e.`status` = 'not_started' THEN e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'limited' THEN e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'substantial' THEN e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'complete' THEN e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'regressed' THEN e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'unable_to_assess' THEN e.`change` ELSE 0 END)
    FROM (
      SELECT `perspective`, `commitment_id`, max(0, (CAST(substr(`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(`as_of`, 6, 2) AS INTEGER) - 1) / 3) AS `quarter`, `status`, 1 AS `change`
      FROM `progress_entries` WHERE `subject_id` = NEW.`id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
      UNION ALL
      SELECT `perspective`, `commitment_id`, max(0, (CAST(substr(`next_as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(`next_as_of`, 6, 2) AS INTEGER) - 1) / 3), `status`, -1 FROM (
        SELECT `perspective`, `commitment_id`, `status`,
          lead(`as_of`) OVER (PARTITION BY `perspective`, `commitment_id` ORDER BY `as_of`, `published_at`, `id`) AS `next_as_of`
        FROM `progress_entries` WHERE `subject_id` = NEW.`id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
      ) WHERE `next_as_of` IS NOT NULL
    ) e
    GROUP BY e.`perspective`, e.`commitment_id`, e.`quarter`
  ) WHERE true
  ON CONFLICT DO UPDATE SET `not_started` = `not_started` + excluded.`not_started`, `limited` = `limited` + excluded.`limited`, `substantial` = `substantial` + excluded.`substantial`, `complete` = `complete` + excluded.`complete`, `regressed` = `regressed` + excluded.`regressed`, `unable_to_assess` = `unable_to_assess` + excluded.`unable_to_assess`;
  INSERT INTO `rollup_region_status_changes` (`perspective`, `active`, `region`, `commitment_id`, `kind`, `quarter`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`)
  SELECT * FROM (
    SELECT e.`perspective`, NEW.`archived_at` IS NULL, coalesce(NEW.`region`, ''), e.`commitment_id`, NEW.`kind`, e.`quarter`, sum(CASE WHEN e.`status` = 'not_started' THEN e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'limited' THEN e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'substantial' THEN e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'complete' THEN e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'regressed' THEN e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'unable_to_assess' THEN e.`change` ELSE 0 END)
    FROM (
      SELECT `perspective`, `commitment_id`, max(0, (CAST(substr(`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(`as_of`, 6, 2) AS INTEGER) - 1) / 3) AS `quarter`, `status`, 1 AS `change`
      FROM `progress_entries` WHERE `subject_id` = NEW.`id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
      UNION ALL
      SELECT `perspective`, `commitment_id`, max(0, (CAST(substr(`next_as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(`next_as_of`, 6, 2) AS INTEGER) - 1) / 3), `status`, -1 FROM (
        SELECT `perspective`, `commitment_id`, `status`,
          lead(`as_of`) OVER (PARTITION BY `perspective`, `commitment_id` ORDER BY `as_of`, `published_at`, `id`) AS `next_as_of`
        FROM `progress_entries` WHERE `subject_id` = NEW.`id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
      ) WHERE `next_as_of` IS NOT NULL
    ) e
    GROUP BY e.`perspective`, e.`commitment_id`, e.`quarter`
  ) WHERE true
  ON CONFLICT DO UPDATE SET `not_started` = `not_started` + excluded.`not_started`, `limited` = `limited` + excluded.`limited`, `substantial` = `substantial` + excluded.`substantial`, `complete` = `complete` + excluded.`complete`, `regressed` = `regressed` + excluded.`regressed`, `unable_to_assess` = `unable_to_assess` + excluded.`unable_to_assess`;
END;
--> statement-breakpoint
-- Databases written before this migration: fill the model once from what is there.
INSERT INTO `rollup_status_counts` (`perspective`, `active`, `commitment_id`, `kind`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`, `adverse`)
SELECT s.`perspective`, a.`archived_at` IS NULL, s.`commitment_id`, a.`kind`, sum(CASE WHEN s.`status` = 'not_started' THEN 1 ELSE 0 END), sum(CASE WHEN s.`status` = 'limited' THEN 1 ELSE 0 END), sum(CASE WHEN s.`status` = 'substantial' THEN 1 ELSE 0 END), sum(CASE WHEN s.`status` = 'complete' THEN 1 ELSE 0 END), sum(CASE WHEN s.`status` = 'regressed' THEN 1 ELSE 0 END), sum(CASE WHEN s.`status` = 'unable_to_assess' THEN 1 ELSE 0 END), sum(s.`adverse_effects`)
FROM `current_status` s JOIN `actors` a ON a.`id` = s.`subject_id` GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO `rollup_region_status_counts` (`perspective`, `active`, `region`, `commitment_id`, `kind`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`, `adverse`)
SELECT s.`perspective`, a.`archived_at` IS NULL, coalesce(a.`region`, ''), s.`commitment_id`, a.`kind`, sum(CASE WHEN s.`status` = 'not_started' THEN 1 ELSE 0 END), sum(CASE WHEN s.`status` = 'limited' THEN 1 ELSE 0 END), sum(CASE WHEN s.`status` = 'substantial' THEN 1 ELSE 0 END), sum(CASE WHEN s.`status` = 'complete' THEN 1 ELSE 0 END), sum(CASE WHEN s.`status` = 'regressed' THEN 1 ELSE 0 END), sum(CASE WHEN s.`status` = 'unable_to_assess' THEN 1 ELSE 0 END), sum(s.`adverse_effects`)
FROM `current_status` s JOIN `actors` a ON a.`id` = s.`subject_id` GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO `rollup_as_of_months` (`perspective`, `active`, `month`, `commitment_id`, `kind`, `pairs`)
SELECT s.`perspective`, a.`archived_at` IS NULL, substr(s.`as_of`, 1, 7), s.`commitment_id`, a.`kind`, count(*)
FROM `current_status` s JOIN `actors` a ON a.`id` = s.`subject_id` GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO `rollup_actor_counts` (`perspective`, `subject_id`, `status`, `pairs`)
SELECT `perspective`, `subject_id`, `status`, count(*) FROM `current_status` GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO `rollup_contested` (`active`, `region`, `commitment_id`, `kind`, `pairs`)
SELECT a.`archived_at` IS NULL, coalesce(a.`region`, ''), s.`commitment_id`, a.`kind`, count(*)
FROM `current_status` s JOIN `current_status` i ON i.`commitment_id` = s.`commitment_id` AND i.`subject_id` = s.`subject_id` AND i.`perspective` = 'independent'
JOIN `actors` a ON a.`id` = s.`subject_id`
WHERE s.`perspective` = 'self' AND (s.`status` = 'regressed' OR i.`status` = 'regressed' OR abs((CASE s.`status` WHEN 'not_started' THEN 0 WHEN 'limited' THEN 1 WHEN 'substantial' THEN 2 WHEN 'complete' THEN 3 WHEN 'regressed' THEN 0 END) - (CASE i.`status` WHEN 'not_started' THEN 0 WHEN 'limited' THEN 1 WHEN 'substantial' THEN 2 WHEN 'complete' THEN 3 WHEN 'regressed' THEN 0 END)) >= 2)
GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO `rollup_status_changes` (`perspective`, `active`, `commitment_id`, `kind`, `quarter`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`)
SELECT e.`perspective`, a.`archived_at` IS NULL, e.`commitment_id`, a.`kind`, e.`quarter`, sum(CASE WHEN e.`status` = 'not_started' THEN e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'limited' THEN e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'substantial' THEN e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'complete' THEN e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'regressed' THEN e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'unable_to_assess' THEN e.`change` ELSE 0 END)
FROM (
  SELECT `perspective`, `commitment_id`, `subject_id`, max(0, (CAST(substr(`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(`as_of`, 6, 2) AS INTEGER) - 1) / 3) AS `quarter`, `status`, 1 AS `change`
  FROM `progress_entries` WHERE `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
  UNION ALL
  SELECT `perspective`, `commitment_id`, `subject_id`, max(0, (CAST(substr(`next_as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(`next_as_of`, 6, 2) AS INTEGER) - 1) / 3), `status`, -1 FROM (
    SELECT `perspective`, `commitment_id`, `subject_id`, `status`,
      lead(`as_of`) OVER (PARTITION BY `perspective`, `commitment_id`, `subject_id` ORDER BY `as_of`, `published_at`, `id`) AS `next_as_of`
    FROM `progress_entries` WHERE `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
  ) WHERE `next_as_of` IS NOT NULL
) e JOIN `actors` a ON a.`id` = e.`subject_id`
GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO `rollup_region_status_changes` (`perspective`, `active`, `region`, `commitment_id`, `kind`, `quarter`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`)
SELECT e.`perspective`, a.`archived_at` IS NULL, coalesce(a.`region`, ''), e.`commitment_id`, a.`kind`, e.`quarter`, sum(CASE WHEN e.`status` = 'not_started' THEN e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'limited' THEN e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'substantial' THEN e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'complete' THEN e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'regressed' THEN e.`change` ELSE 0 END), sum(CASE WHEN e.`status` = 'unable_to_assess' THEN e.`change` ELSE 0 END)
FROM (
  SELECT `perspective`, `commitment_id`, `subject_id`, max(0, (CAST(substr(`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(`as_of`, 6, 2) AS INTEGER) - 1) / 3) AS `quarter`, `status`, 1 AS `change`
  FROM `progress_entries` WHERE `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
  UNION ALL
  SELECT `perspective`, `commitment_id`, `subject_id`, max(0, (CAST(substr(`next_as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(`next_as_of`, 6, 2) AS INTEGER) - 1) / 3), `status`, -1 FROM (
    SELECT `perspective`, `commitment_id`, `subject_id`, `status`,
      lead(`as_of`) OVER (PARTITION BY `perspective`, `commitment_id`, `subject_id` ORDER BY `as_of`, `published_at`, `id`) AS `next_as_of`
    FROM `progress_entries` WHERE `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
  ) WHERE `next_as_of` IS NOT NULL
) e JOIN `actors` a ON a.`id` = e.`subject_id`
GROUP BY 1, 2, 3, 4, 5, 6;
