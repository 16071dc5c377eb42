-- A file import of many entries (db/queries/import-store.ts) may defer the derived data an entry's
-- INSERT keeps (its pair's current status, migrations 0003/0010, and the read model's status
-- changes, 0009/0012) to the end of its write, in the same transaction: it puts the one row of
-- `rollup_deferred`, inserts its entries, then brings current_status and the changes of every pair
-- it wrote to up to date at once, from the pairs' counted entries before and after, and deletes
-- the row before anything else writes (before any UPDATE of an entry, and before the commit). The
-- row is never committed: no other connection ever sees it, and every other writer keeps its
-- triggers. The same kept rows (counts all zero aside); for the bench's 100,000-row file at
-- 1,000,000 entries the entries' INSERTs took ~97 us of CPU a row, now ~48, and the catch-up ~0.6 s
-- (issue 6). Every other trigger is unchanged; the check of the empty table costs ~nothing.
CREATE TABLE `rollup_deferred` (
	`id` integer PRIMARY KEY NOT NULL,
	CONSTRAINT "rollup_deferred_single_row" CHECK("id" = 1)
);
--> statement-breakpoint
DROP TRIGGER `current_status_after_insert`;
--> statement-breakpoint
CREATE TRIGGER `current_status_after_insert` AFTER INSERT ON `progress_entries`
WHEN NEW.`state` = 'published'
  AND NOT EXISTS (SELECT 1 FROM `rollup_deferred`)
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
DROP TRIGGER `rollup_entry_counted_insert`;
--> statement-breakpoint
CREATE TRIGGER `rollup_entry_counted_insert` AFTER INSERT ON `progress_entries`
WHEN NEW.`state` = 'published' AND NEW.`withdrawn_at` IS NULL AND NEW.`superseded_by_id` IS NULL
  AND NOT EXISTS (SELECT 1 FROM `rollup_deferred`)
BEGIN
  INSERT INTO `rollup_status_changes` (`perspective`, `active`, `commitment_id`, `kind`, `quarter`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`)
  SELECT NEW.`perspective`, a.`archived_at` IS NULL, NEW.`commitment_id`, a.`kind`, CASE s.`side` WHEN 1 THEN x.`quarter` ELSE x.`next_quarter` END,
    (CASE s.`side` WHEN 1 THEN x.`next_quarter` IS NOT x.`quarter` ELSE -1 END) * ((NEW.`status` IS 'not_started') - (x.`prev` IS 'not_started')), (CASE s.`side` WHEN 1 THEN x.`next_quarter` IS NOT x.`quarter` ELSE -1 END) * ((NEW.`status` IS 'limited') - (x.`prev` IS 'limited')), (CASE s.`side` WHEN 1 THEN x.`next_quarter` IS NOT x.`quarter` ELSE -1 END) * ((NEW.`status` IS 'substantial') - (x.`prev` IS 'substantial')), (CASE s.`side` WHEN 1 THEN x.`next_quarter` IS NOT x.`quarter` ELSE -1 END) * ((NEW.`status` IS 'complete') - (x.`prev` IS 'complete')), (CASE s.`side` WHEN 1 THEN x.`next_quarter` IS NOT x.`quarter` ELSE -1 END) * ((NEW.`status` IS 'regressed') - (x.`prev` IS 'regressed')), (CASE s.`side` WHEN 1 THEN x.`next_quarter` IS NOT x.`quarter` ELSE -1 END) * ((NEW.`status` IS 'unable_to_assess') - (x.`prev` IS 'unable_to_assess'))
  FROM `actors` a, (SELECT max(0, (CAST(substr(NEW.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(NEW.`as_of`, 6, 2) AS INTEGER) - 1) / 3) AS `quarter`,
      (SELECT `status` FROM `progress_entries` WHERE `perspective` = NEW.`perspective` AND `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
        AND (`as_of`, `published_at`, `id`) < (NEW.`as_of`, NEW.`published_at`, NEW.`id`)
        ORDER BY `as_of` DESC, `published_at` DESC, `id` DESC LIMIT 1) AS `prev`,
      (SELECT max(0, (CAST(substr(`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(`as_of`, 6, 2) AS INTEGER) - 1) / 3) FROM `progress_entries` WHERE `perspective` = NEW.`perspective` AND `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
        AND (`as_of`, `published_at`, `id`) > (NEW.`as_of`, NEW.`published_at`, NEW.`id`)
        ORDER BY `as_of`, `published_at`, `id` LIMIT 1) AS `next_quarter`) x, (SELECT 1 AS `side` UNION ALL SELECT 2) s
  WHERE a.`id` = NEW.`subject_id` AND (s.`side` = 1 OR x.`next_quarter` <> x.`quarter`)
  ON CONFLICT DO UPDATE SET `not_started` = `not_started` + excluded.`not_started`, `limited` = `limited` + excluded.`limited`, `substantial` = `substantial` + excluded.`substantial`, `complete` = `complete` + excluded.`complete`, `regressed` = `regressed` + excluded.`regressed`, `unable_to_assess` = `unable_to_assess` + excluded.`unable_to_assess`;
  INSERT INTO `rollup_region_status_changes` (`perspective`, `active`, `region`, `commitment_id`, `kind`, `quarter`, `not_started`, `limited`, `substantial`, `complete`, `regressed`, `unable_to_assess`)
  SELECT NEW.`perspective`, a.`archived_at` IS NULL, coalesce(a.`region`, ''), NEW.`commitment_id`, a.`kind`, CASE s.`side` WHEN 1 THEN x.`quarter` ELSE x.`next_quarter` END,
    (CASE s.`side` WHEN 1 THEN x.`next_quarter` IS NOT x.`quarter` ELSE -1 END) * ((NEW.`status` IS 'not_started') - (x.`prev` IS 'not_started')), (CASE s.`side` WHEN 1 THEN x.`next_quarter` IS NOT x.`quarter` ELSE -1 END) * ((NEW.`status` IS 'limited') - (x.`prev` IS 'limited')), (CASE s.`side` WHEN 1 THEN x.`next_quarter` IS NOT x.`quarter` ELSE -1 END) * ((NEW.`status` IS 'substantial') - (x.`prev` IS 'substantial')), (CASE s.`side` WHEN 1 THEN x.`next_quarter` IS NOT x.`quarter` ELSE -1 END) * ((NEW.`status` IS 'complete') - (x.`prev` IS 'complete')), (CASE s.`side` WHEN 1 THEN x.`next_quarter` IS NOT x.`quarter` ELSE -1 END) * ((NEW.`status` IS 'regressed') - (x.`prev` IS 'regressed')), (CASE s.`side` WHEN 1 THEN x.`next_quarter` IS NOT x.`quarter` ELSE -1 END) * ((NEW.`status` IS 'unable_to_assess') - (x.`prev` IS 'unable_to_assess'))
  FROM `actors` a, (SELECT max(0, (CAST(substr(NEW.`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(NEW.`as_of`, 6, 2) AS INTEGER) - 1) / 3) AS `quarter`,
      (SELECT `status` FROM `progress_entries` WHERE `perspective` = NEW.`perspective` AND `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
        AND (`as_of`, `published_at`, `id`) < (NEW.`as_of`, NEW.`published_at`, NEW.`id`)
        ORDER BY `as_of` DESC, `published_at` DESC, `id` DESC LIMIT 1) AS `prev`,
      (SELECT max(0, (CAST(substr(`as_of`, 1, 4) AS INTEGER) - 2019) * 4 + (CAST(substr(`as_of`, 6, 2) AS INTEGER) - 1) / 3) FROM `progress_entries` WHERE `perspective` = NEW.`perspective` AND `commitment_id` = NEW.`commitment_id` AND `subject_id` = NEW.`subject_id` AND `state` = 'published' AND `withdrawn_at` IS NULL AND `superseded_by_id` IS NULL
        AND (`as_of`, `published_at`, `id`) > (NEW.`as_of`, NEW.`published_at`, NEW.`id`)
        ORDER BY `as_of`, `published_at`, `id` LIMIT 1) AS `next_quarter`) x, (SELECT 1 AS `side` UNION ALL SELECT 2) s
  WHERE a.`id` = NEW.`subject_id` AND (s.`side` = 1 OR x.`next_quarter` <> x.`quarter`)
  ON CONFLICT DO UPDATE SET `not_started` = `not_started` + excluded.`not_started`, `limited` = `limited` + excluded.`limited`, `substantial` = `substantial` + excluded.`substantial`, `complete` = `complete` + excluded.`complete`, `regressed` = `regressed` + excluded.`regressed`, `unable_to_assess` = `unable_to_assess` + excluded.`unable_to_assess`;
END;
