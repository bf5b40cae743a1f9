-- Postpact's first schema: users and their profile, posts, tags, post metrics, follower counts.
-- Instants are UTC text 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (sorts as time); local dates are 'YYYY-MM-DD'.

CREATE TABLE users (
    user_id               INTEGER PRIMARY KEY,
    first_name            TEXT    NOT NULL DEFAULT '',
    username              TEXT,
    telegram_language     TEXT,
    language              TEXT    CHECK (language IN ('en', 'zh')),
    timezone              TEXT    NOT NULL,
    nudge_time            TEXT    NOT NULL DEFAULT '20:00',
    day_start             TEXT    NOT NULL DEFAULT '00:00',
    niche                 TEXT    NOT NULL DEFAULT '',
    niche_tags            TEXT    NOT NULL DEFAULT '',  -- space-separated, tags never hold spaces
    posting_days_per_week INTEGER NOT NULL DEFAULT 7 CHECK (posting_days_per_week BETWEEN 1 AND 7),
    hit_threshold         INTEGER NOT NULL DEFAULT 5 CHECK (hit_threshold >= 1),
    awaiting              TEXT,
    onboarded             INTEGER NOT NULL DEFAULT 0,
    created_at            TEXT    NOT NULL,
    updated_at            TEXT    NOT NULL
);

CREATE TABLE user_platforms (
    user_id  INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    platform TEXT    NOT NULL,
    handle   TEXT,
    position INTEGER NOT NULL,
    PRIMARY KEY (user_id, platform)
) WITHOUT ROWID;

CREATE TABLE posts (
    post_id    INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    number     INTEGER NOT NULL,
    platform   TEXT    NOT NULL,
    link       TEXT,
    title      TEXT,
    logged_at  TEXT    NOT NULL,
    local_date TEXT    NOT NULL,
    hit_at     TEXT,                      -- when saves first reached the user's hit threshold
    hit_date   TEXT,                      -- the user's local date at that moment
    UNIQUE (user_id, number)
);
CREATE UNIQUE INDEX posts_user_link ON posts (user_id, link) WHERE link IS NOT NULL;
CREATE INDEX posts_user_date ON posts (user_id, local_date);

CREATE TABLE post_tags (
    post_id INTEGER NOT NULL REFERENCES posts (post_id) ON DELETE CASCADE,
    tag     TEXT    NOT NULL,
    PRIMARY KEY (post_id, tag)
) WITHOUT ROWID;
CREATE INDEX post_tags_tag ON post_tags (tag);

CREATE TABLE post_metrics (
    post_id    INTEGER PRIMARY KEY REFERENCES posts (post_id) ON DELETE CASCADE,
    saves      INTEGER,
    likes      INTEGER,
    views      INTEGER,
    comments   INTEGER,
    shares     INTEGER,
    updated_at TEXT NOT NULL
);

CREATE TABLE follower_counts (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    platform    TEXT    NOT NULL,
    count       INTEGER NOT NULL CHECK (count >= 0),
    recorded_at TEXT    NOT NULL,
    local_date  TEXT    NOT NULL
);
CREATE INDEX follower_counts_user ON follower_counts (user_id, platform, id);
