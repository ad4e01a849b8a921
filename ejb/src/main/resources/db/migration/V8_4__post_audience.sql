-- Who may read a post, chosen at posting: COMPANY (everyone, or the channel's readers when channel_id is set),
-- MENTIONED (its author and the people its first post mentions), NOTEBOOK (its author alone, ever).
-- Replies take their thread's audience. Every existing post was company-wide or in a channel.
ALTER TABLE post ADD COLUMN audience VARCHAR(16) DEFAULT 'COMPANY' NOT NULL;
