-- Fewer, better messages: one follow-up a day listing every post that is due, and nudges that back
-- off when they go unanswered.

-- The user's local day of the follow-up message that last asked about this post (NULL: never asked).
ALTER TABLE posts ADD COLUMN followup_asked TEXT;
CREATE INDEX posts_followup_asked ON posts (user_id, followup_asked) WHERE followup_asked IS NOT NULL;
