-- A person's own entries by state, most recently changed first (my entries and the home page):
-- without it each of those lists scanned every entry and sorted.
CREATE INDEX `progress_entries_author_idx` ON `progress_entries` (`created_by`,`state`,`updated_at`);