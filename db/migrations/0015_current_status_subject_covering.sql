-- The overview's matrix reads a page of actors' current statuses by subject (db/queries/matrix.ts
-- pageStatuses): with an index on subject_id alone, each of a page's ~1,900 rows (10 actors x 200
-- commitments x 2 perspectives at 1,000,000 entries) was a lookup in the table, scattered over its
-- pages, and the cost grew with the table past SQLite's page cache (~10-14 ms a page at 1,000,000
-- entries, ~3 ms at 250,000). The same index, covering what the matrix reads, answers from the
-- index alone (~2.5 ms at 1,000,000). It keeps its name and still serves every lookup by subject.
DROP INDEX `current_status_subject_idx`;--> statement-breakpoint
CREATE INDEX `current_status_subject_idx` ON `current_status` (`subject_id`,`commitment_id`,`perspective`,`status`,`as_of`,`entry_id`);
