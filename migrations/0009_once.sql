-- Nothing stored twice (issue 14): every update the bot handled, recorded in the same transaction
-- as the write it caused, so one Telegram sends again (its confirmation was lost) is skipped.
-- Kept a few days: Telegram keeps an unconfirmed update for 24 hours.
CREATE TABLE handled_updates (
    update_id INTEGER PRIMARY KEY,
    handled_at TEXT NOT NULL
);
CREATE INDEX handled_updates_by_age ON handled_updates (handled_at);

-- The message a post was logged from, so an edit of that `/post` corrects the post.
ALTER TABLE posts ADD COLUMN source_chat_id INTEGER;
ALTER TABLE posts ADD COLUMN source_message_id INTEGER;
CREATE INDEX posts_by_source ON posts (source_chat_id, source_message_id)
    WHERE source_message_id IS NOT NULL;
