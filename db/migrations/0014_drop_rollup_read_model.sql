-- The read model of migration 0009 (kept status counts per commitment, kind of actor and region,
-- counts per as-of month, contested pairs, per-actor totals, and the quarterly changes rewritten by
-- 0012) is no longer read: every figure, group and status over time of a view, now or at a past
-- date, comes from the in-memory index of counted entries (db/queries/status-index.ts, migration
-- 0011). Its triggers cost every write (a published insert ~27 us for the changes alone, plus the
-- counts on every change of a current status); they go with their tables. current_status (0002,
-- 0003, 0010, 0013) and its indexes stay: the matrix and the exports read it.
DROP TRIGGER `rollup_current_status_insert`;
--> statement-breakpoint
DROP TRIGGER `rollup_current_status_delete`;
--> statement-breakpoint
DROP TRIGGER `rollup_entry_counted_insert`;
--> statement-breakpoint
DROP TRIGGER `rollup_entry_counted_join`;
--> statement-breakpoint
DROP TRIGGER `rollup_entry_counted_leave`;
--> statement-breakpoint
DROP TRIGGER `rollup_actor_regroup`;
--> statement-breakpoint
DROP TABLE `rollup_status_counts`;
--> statement-breakpoint
DROP TABLE `rollup_region_status_counts`;
--> statement-breakpoint
DROP TABLE `rollup_as_of_months`;
--> statement-breakpoint
DROP TABLE `rollup_contested`;
--> statement-breakpoint
DROP TABLE `rollup_actor_counts`;
--> statement-breakpoint
DROP TABLE `rollup_status_changes`;
--> statement-breakpoint
DROP TABLE `rollup_region_status_changes`;
