-- Sign-in failures are counted per e-mail and client address, and an address an e-mail signed in
-- from is remembered (db/sign-in-throttle.ts). The rows of the old per-e-mail count cannot be split
-- by address, and they only ever lived 15 minutes: the table is made anew, empty.
DROP TABLE `sign_in_attempts`;--> statement-breakpoint
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
CREATE INDEX `sign_in_attempts_window_idx` ON `sign_in_attempts` (`window_started_at`);
