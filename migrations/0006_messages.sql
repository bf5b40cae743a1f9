-- Fewer, better messages: one follow-up a day listing every post that is due, and nudges that back
-- off when they go unanswered.

-- The user's local day of the follow-up message that last asked about this post (NULL: never asked).
ALTER TABLE posts ADD COLUMN followup_asked TEXT;
CREATE INDEX posts_followup_asked ON posts (user_id, followup_asked) WHERE followup_asked IS NOT NULL;

-- Nudge back-off (see bot/domain/backoff.py): ignored nudges in a row, the day of the last nudge
-- until it is answered or counted, the day of the last one sent, and the rhythm ('asked' after
-- an unanswered "Keep reminding me?", 'weekly' when chosen; NULL: daily, backing off by itself).
ALTER TABLE users ADD COLUMN nudges_ignored INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN nudge_unanswered TEXT;
ALTER TABLE users ADD COLUMN nudge_last_sent TEXT;
ALTER TABLE users ADD COLUMN nudge_backoff TEXT CHECK (nudge_backoff IN ('asked', 'weekly'));
