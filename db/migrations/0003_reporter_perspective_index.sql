-- An actor's independent assessments (the reporter and perspective filters of the published
-- list, on every actor page): for a reporter of 100,000 self-reports the reporter index alone
-- read and skipped them all to count and page its few assessments; this index holds just those.
CREATE INDEX `progress_entries_reporter_perspective_idx` ON `progress_entries` (`reporter_id`,`perspective`,`state`,`as_of`,`published_at`);
