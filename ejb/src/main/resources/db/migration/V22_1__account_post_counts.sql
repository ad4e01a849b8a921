-- How many posts each person has on their profile (company-wide, shown, not a share), and when the latest was
-- written: the Mastodon API gives both with every account, so with every post of a timeline. Counting them per
-- request read every post of the page's authors (50,000 for the most active at 1,000,000 posts: seconds a page,
-- docs/benchmarks.md); Posts keeps them up to date as posts are written, deleted, hidden and shown again.
ALTER TABLE employee ADD COLUMN public_posts BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE employee ADD COLUMN last_public_post_at TIMESTAMP WITH TIME ZONE;
UPDATE employee SET public_posts = (SELECT COUNT(*) FROM post p WHERE p.author_id = employee.id AND p.channel_id IS NULL
        AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND p.audience = 'COMPANY' AND p.readable_with IS NULL),
    last_public_post_at = (SELECT MAX(p.created_at) FROM post p WHERE p.author_id = employee.id AND p.channel_id IS NULL
        AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND p.audience = 'COMPANY' AND p.readable_with IS NULL);
