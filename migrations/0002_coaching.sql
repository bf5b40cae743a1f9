-- Coaching: the 3-month program, goals, reminders and their settings, rest days, and the deliveries
-- ledger that makes every proactive message go out at most once.

ALTER TABLE users ADD COLUMN follower_target INTEGER NOT NULL DEFAULT 100 CHECK (follower_target >= 1);
ALTER TABLE users ADD COLUMN follower_target_platform TEXT;            -- NULL: total of all platforms
ALTER TABLE users ADD COLUMN rest_days_per_week INTEGER NOT NULL DEFAULT 1
    CHECK (rest_days_per_week BETWEEN 0 AND 3);
ALTER TABLE users ADD COLUMN nudges_on INTEGER NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN last_call_on INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN followups_on INTEGER NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN quiet_hours TEXT;                         -- 'HH:MM-HH:MM' or NULL
ALTER TABLE users ADD COLUMN paused_until TEXT;                        -- last paused local date
ALTER TABLE users ADD COLUMN blocked_at TEXT;                          -- set on a 403, cleared on contact
-- The next proactive message per user, in UTC: the sweeps find what is due from these two indexes.
ALTER TABLE users ADD COLUMN next_nudge_at TEXT;
ALTER TABLE users ADD COLUMN next_nudge_kind TEXT;                     -- nudge | snooze | last_call
ALTER TABLE users ADD COLUMN next_review_at TEXT;
ALTER TABLE users ADD COLUMN next_review_period TEXT;                  -- see bot/domain/review.py
CREATE INDEX users_nudge_due ON users (next_nudge_at) WHERE blocked_at IS NULL;
CREATE INDEX users_review_due ON users (next_review_at) WHERE blocked_at IS NULL;

-- When to ask how a post is doing: ~24 h after logging, then ~72 h (stage 1, then 2; NULL when done).
ALTER TABLE posts ADD COLUMN followup_at TEXT;
ALTER TABLE posts ADD COLUMN followup_stage INTEGER NOT NULL DEFAULT 0;
CREATE INDEX posts_followup_due ON posts (followup_at) WHERE followup_at IS NOT NULL;

CREATE TABLE programs (
    program_id INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    cycle      INTEGER NOT NULL CHECK (cycle >= 1),
    start_date TEXT    NOT NULL,                  -- local date of day 1
    started_at TEXT    NOT NULL,
    ended_at   TEXT,                              -- NULL while it runs
    outcome    TEXT CHECK (outcome IN ('stopped', 'completed'))
);
CREATE UNIQUE INDEX programs_one_running ON programs (user_id) WHERE ended_at IS NULL;

CREATE TABLE rest_days (
    user_id    INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    local_date TEXT    NOT NULL,
    PRIMARY KEY (user_id, local_date)
) WITHOUT ROWID;

-- One row per proactive message, claimed before it is sent: the unique key is what stops a restart
-- or an overlapping sweep from sending the same nudge, follow-up or review twice.
CREATE TABLE deliveries (
    delivery_id INTEGER PRIMARY KEY,
    chat_id     INTEGER NOT NULL,
    kind        TEXT    NOT NULL,
    period      TEXT    NOT NULL,                 -- local date, month, or post and stage
    status      TEXT    NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sending', 'sent', 'skipped', 'failed', 'unknown')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    UNIQUE (chat_id, kind, period)
);
CREATE INDEX deliveries_open ON deliveries (status) WHERE status IN ('pending', 'sending');
