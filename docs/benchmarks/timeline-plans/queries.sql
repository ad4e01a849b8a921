-- The SQL of each timeline as EclipseLink sends it (parameters written in), for EXPLAIN ANALYZE on the data of
-- generate.sql. Reader: employee 42 (follows 50 people, 5 channels, 1 topic); 10001 is a reader who follows nobody.
\timing on
-- Home, people source: the reader and the people they follow, as the explicit list Babillard sends.
SELECT '42,' || string_agg(followed_id::text, ',') AS authors FROM follow WHERE follower_id = 42 \gset
EXPLAIN (ANALYZE, COSTS OFF) SELECT p.id FROM post p JOIN employee a ON a.id = p.author_id LEFT JOIN channel c ON c.id = p.channel_id
WHERE p.id < 9223372036854775807 AND p.deleted_at IS NULL AND p.hidden_at IS NULL
  AND (c.id IS NULL OR c.access = 'OPEN' OR EXISTS (SELECT 1 FROM channel_member vm WHERE vm.channel_id = c.id AND vm.employee_id = 42))
  AND p.reply_to_id IS NULL AND p.author_id IN (:authors)
ORDER BY p.id DESC LIMIT 21;
-- Home, people source, for a reader who follows nobody.
EXPLAIN (ANALYZE, COSTS OFF) SELECT p.id FROM post p JOIN employee a ON a.id = p.author_id LEFT JOIN channel c ON c.id = p.channel_id
WHERE p.id < 9223372036854775807 AND p.deleted_at IS NULL AND p.hidden_at IS NULL
  AND (c.id IS NULL OR c.access = 'OPEN' OR EXISTS (SELECT 1 FROM channel_member vm WHERE vm.channel_id = c.id AND vm.employee_id = 10001))
  AND p.reply_to_id IS NULL AND p.author_id IN (10001)
ORDER BY p.id DESC LIMIT 21;
-- Channel (also the home's channel source, with the reader's channel ids).
EXPLAIN (ANALYZE, COSTS OFF) SELECT p.id FROM post p JOIN employee a ON a.id = p.author_id LEFT JOIN channel c ON c.id = p.channel_id
WHERE p.id < 9223372036854775807 AND p.deleted_at IS NULL AND p.hidden_at IS NULL
  AND (c.id IS NULL OR c.access = 'OPEN' OR EXISTS (SELECT 1 FROM channel_member vm WHERE vm.channel_id = c.id AND vm.employee_id = 42))
  AND c.id = 17 AND p.reply_to_id IS NULL ORDER BY p.id DESC LIMIT 21;
-- Topic.
EXPLAIN (ANALYZE, COSTS OFF) SELECT p.id FROM post p JOIN employee a ON a.id = p.author_id LEFT JOIN channel c ON c.id = p.channel_id
WHERE p.id < 9223372036854775807 AND p.deleted_at IS NULL AND p.hidden_at IS NULL
  AND (c.id IS NULL OR c.access = 'OPEN' OR EXISTS (SELECT 1 FROM channel_member vm WHERE vm.channel_id = c.id AND vm.employee_id = 42))
  AND p.id IN (SELECT t.post_id FROM post_tag t WHERE t.tag = 'tag50') ORDER BY p.id DESC LIMIT 21;
-- Profile of a person with few posts.
EXPLAIN (ANALYZE, COSTS OFF) SELECT p.id FROM post p JOIN employee a ON a.id = p.author_id LEFT JOIN channel c ON c.id = p.channel_id
WHERE p.id < 9223372036854775807 AND p.deleted_at IS NULL AND p.hidden_at IS NULL
  AND (c.id IS NULL OR c.access = 'OPEN' OR EXISTS (SELECT 1 FROM channel_member vm WHERE vm.channel_id = c.id AND vm.employee_id = 42))
  AND p.author_id = 5 ORDER BY p.id DESC LIMIT 21;
-- Company stream.
EXPLAIN (ANALYZE, COSTS OFF) SELECT p.id FROM post p JOIN employee a ON a.id = p.author_id LEFT JOIN channel c ON c.id = p.channel_id
WHERE p.id < 9223372036854775807 AND p.deleted_at IS NULL AND p.hidden_at IS NULL
  AND (c.id IS NULL OR c.access = 'OPEN' OR EXISTS (SELECT 1 FROM channel_member vm WHERE vm.channel_id = c.id AND vm.employee_id = 42))
  AND p.reply_to_id IS NULL ORDER BY p.id DESC LIMIT 21;
