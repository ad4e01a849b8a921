-- Sharing a post: shared_post_id is the post a share shows (on the share itself); readable_with is the post
-- whose readers bound this post's readers (on a share and on every reply in its thread), so that sharing never
-- widens who can read the original. Both reference the original, which is never physically removed.
ALTER TABLE post ADD COLUMN shared_post_id BIGINT;
ALTER TABLE post ADD COLUMN readable_with BIGINT;
ALTER TABLE post ADD CONSTRAINT post_shared_post_fk FOREIGN KEY (shared_post_id) REFERENCES post (id);
ALTER TABLE post ADD CONSTRAINT post_readable_with_fk FOREIGN KEY (readable_with) REFERENCES post (id);
CREATE INDEX post_shared_post_idx ON post (shared_post_id);
