-- The owner's commands (issue 16): announcements, who wants them, and when each user was last seen.

-- One row per `/admin announce`: a draft until the owner confirms its preview (or cancels it). On
-- confirm, one delivery per recipient (kind 'announce', period = the announcement id) goes through
-- the outbound queue; the row remembers the owner's status message, to edit with the progress.
CREATE TABLE announcements (
    announcement_id   INTEGER PRIMARY KEY,
    owner_id          INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    text              TEXT    NOT NULL,
    status            TEXT    NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'cancelled', 'sending', 'done')),
    recipients        INTEGER NOT NULL DEFAULT 0,
    status_chat_id    INTEGER,
    status_message_id INTEGER,
    created_at        TEXT    NOT NULL,
    confirmed_at      TEXT
);
CREATE INDEX announcements_sending ON announcements (status) WHERE status = 'sending';

-- `/news off`: no announcements for this user (nudges are a separate choice).
ALTER TABLE users ADD COLUMN news_on INTEGER NOT NULL DEFAULT 1;
-- The UTC instant of the user's latest update, written at most once a day per user (/admin stats).
ALTER TABLE users ADD COLUMN last_seen_at TEXT;
CREATE INDEX users_last_seen ON users (last_seen_at);
CREATE INDEX deliveries_updated ON deliveries (updated_at);
