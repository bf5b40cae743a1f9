-- Updates fetched by long polling, kept before Telegram is told they arrived (the next getUpdates'
-- offset), and let go once handled: a crash in between leaves them here for the next start.
-- Only updates in hand are ever here (a few hundred at most, for seconds).
CREATE TABLE inbox (
    update_id INTEGER PRIMARY KEY,
    body      TEXT    NOT NULL  -- the update as Telegram sent it (JSON)
);
