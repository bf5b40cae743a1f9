-- A post link sent to the bot as a plain message (issue 13): kept until the user answers "Log
-- this as today's … post?", so the buttons (which cannot carry the link) find it again, and a
-- second press finds it answered.

CREATE TABLE shared_links (
    share_id    INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    text        TEXT    NOT NULL,  -- the message as sent; read again when a button is pressed
    local_date  TEXT    NOT NULL,  -- the user's day it was shared: "today" in the question
    received_at TEXT    NOT NULL,
    answer      TEXT               -- NULL while asked; 'no', or the number of the post logged
);
CREATE INDEX shared_links_user ON shared_links (user_id, share_id);
