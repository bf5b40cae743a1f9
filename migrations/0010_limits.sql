-- Per-user daily limits (issue 14): how many posts and follower counts each user recorded on each
-- of their local days. Rows older than a couple of days are pruned as new ones are counted.

CREATE TABLE daily_usage (
    user_id INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    kind    TEXT    NOT NULL CHECK (kind IN ('posts', 'follower_counts')),
    day     TEXT    NOT NULL,  -- the user's local date
    used    INTEGER NOT NULL CHECK (used >= 0),
    PRIMARY KEY (user_id, kind, day)
) WITHOUT ROWID;
