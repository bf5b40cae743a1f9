-- Check-ins the user can correct (issue 13): one journal of what they entered, so /undo can take
-- back the most recent entry of any kind; each metrics reading with the values it replaced, so
-- undoing it restores them; and when a rest day was taken.

CREATE TABLE entries (
    entry_id    INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('post', 'followers', 'metrics', 'rest')),
    ref         TEXT    NOT NULL,  -- post_id, follower_counts.id, metric_readings.id, or the rest date
    recorded_at TEXT    NOT NULL
);
CREATE INDEX entries_user ON entries (user_id, entry_id);

CREATE TABLE metric_readings (
    reading_id     INTEGER PRIMARY KEY,
    post_id        INTEGER NOT NULL REFERENCES posts (post_id) ON DELETE CASCADE,
    recorded_at    TEXT    NOT NULL,
    -- what the user typed
    saves          INTEGER,
    likes          INTEGER,
    views          INTEGER,
    comments       INTEGER,
    shares         INTEGER,
    -- what it replaced: the post's metrics row before (had_metrics = 0: there was none) and hit
    had_metrics    INTEGER NOT NULL,
    prev_saves     INTEGER,
    prev_likes     INTEGER,
    prev_views     INTEGER,
    prev_comments  INTEGER,
    prev_shares    INTEGER,
    prev_updated_at TEXT,
    prev_hit_at    TEXT,
    prev_hit_date  TEXT
);
CREATE INDEX metric_readings_post ON metric_readings (post_id);

ALTER TABLE rest_days ADD COLUMN taken_at TEXT;  -- NULL for rest days from before the journal
