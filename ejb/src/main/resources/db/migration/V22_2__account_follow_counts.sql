-- How many people follow each person and how many they follow: the Mastodon API gives both with every account, so
-- with every post of a timeline. Counting them per request read thousands of follows for each popular author of the
-- page (a third of the API's home timeline time at 400,000 follows, docs/benchmarks.md); Following keeps them up to
-- date as people follow and unfollow, and Erasure when a former employee's follows go.
ALTER TABLE employee ADD COLUMN followers_count BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE employee ADD COLUMN following_count BIGINT DEFAULT 0 NOT NULL;
UPDATE employee SET followers_count = (SELECT COUNT(*) FROM follow f WHERE f.followed_id = employee.id),
    following_count = (SELECT COUNT(*) FROM follow f WHERE f.follower_id = employee.id);
