-- Goals that fit the person (issue 13): the follower goal is growth during the program unless the
-- user sets a total.
ALTER TABLE users ADD COLUMN follower_goal_kind TEXT NOT NULL DEFAULT 'gain'
    CHECK (follower_goal_kind IN ('gain', 'total'));
