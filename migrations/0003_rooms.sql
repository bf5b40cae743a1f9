-- Group accountability rooms: groups and their settings, memberships, what each member shares,
-- cheers, follows between members, and weekly buddies.

ALTER TABLE users ADD COLUMN share_streaks INTEGER NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN share_posts INTEGER NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN share_followers INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN share_handles INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN private_chat INTEGER NOT NULL DEFAULT 0;  -- has talked to the bot alone
-- Before rooms, every user had talked to the bot in private.
UPDATE users SET private_chat = 1;

CREATE TABLE groups (
    chat_id         INTEGER PRIMARY KEY,
    title           TEXT    NOT NULL DEFAULT '',
    language        TEXT    CHECK (language IN ('en', 'zh')),
    timezone        TEXT    NOT NULL,
    digest_time     TEXT    NOT NULL DEFAULT '21:00',
    mention_missing INTEGER NOT NULL DEFAULT 0,
    board_metric    TEXT    NOT NULL DEFAULT 'days'
        CHECK (board_metric IN ('days', 'streak', 'hits', 'growth')),
    topic_id        INTEGER,                      -- the forum topic the bot posts into
    buddies_on      INTEGER NOT NULL DEFAULT 0,
    goal_kind       TEXT    CHECK (goal_kind IN ('days', 'posts')),
    goal_value      INTEGER,
    active          INTEGER NOT NULL DEFAULT 1,   -- 0 while the bot is not in the group
    next_digest_at  TEXT,                         -- UTC; also carries the weekly and monthly
    created_at      TEXT    NOT NULL
);
CREATE INDEX groups_digest_due ON groups (next_digest_at) WHERE active = 1;

CREATE TABLE memberships (
    chat_id   INTEGER NOT NULL REFERENCES groups (chat_id) ON DELETE CASCADE ON UPDATE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    joined_at TEXT    NOT NULL,
    PRIMARY KEY (chat_id, user_id)
) WITHOUT ROWID;
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE cheers (
    cheer_id  INTEGER PRIMARY KEY,
    post_id   INTEGER NOT NULL REFERENCES posts (post_id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    chat_id   INTEGER NOT NULL,
    cheered_at TEXT   NOT NULL,
    notice    TEXT,                               -- the delivery period that told the author
    UNIQUE (post_id, user_id)
);
CREATE INDEX cheers_untold ON cheers (cheered_at) WHERE notice IS NULL;

CREATE TABLE follows (
    follower_id INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    followed_id INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    platform    TEXT    NOT NULL,                 -- a platform key, or '*' for "everywhere"
    followed_at TEXT    NOT NULL,
    PRIMARY KEY (follower_id, followed_id, platform)
) WITHOUT ROWID;

CREATE TABLE buddies (
    chat_id  INTEGER NOT NULL REFERENCES groups (chat_id) ON DELETE CASCADE ON UPDATE CASCADE,
    week     TEXT    NOT NULL,                    -- the Monday the pairing is for
    user_id  INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    buddy_id INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    PRIMARY KEY (chat_id, week, user_id)
) WITHOUT ROWID;
