-- One model of days (issue 13): the posting days a week and the rest days a week are one setting,
-- days off = 7 - posting days. Reconcile the two columns where they overlapped (the old defaults,
-- 7 posting days and 1 rest day, become 6 and 1): the rest days a user allowed are kept.
-- `rest_days_per_week` is no longer read; it keeps what it had, within its old CHECK.
UPDATE users SET posting_days_per_week = MIN(posting_days_per_week, 7 - rest_days_per_week);
