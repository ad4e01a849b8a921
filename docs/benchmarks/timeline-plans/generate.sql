-- 10,000 employees, 300 channels (30 private), 1,000,000 posts, ~50 follows each, ~5 memberships each
INSERT INTO employee (id, username, directory_dn, display_name, version, active)
SELECT i, 'user' || i, 'uid=user' || i || ',ou=people', 'User ' || i, 0, true FROM generate_series(1, 10000) i;
INSERT INTO channel (id, slug, name, access, posting, created_at, version)
SELECT i, 'ch' || i, 'Channel ' || i, CASE WHEN i % 10 = 0 THEN 'PRIVATE' ELSE 'OPEN' END, 'MEMBERS', now(), 0 FROM generate_series(1, 300) i;
INSERT INTO channel_member (id, channel_id, employee_id, role, joined_at, version)
SELECT row_number() over (), c, e, 'MEMBER', now(), 0 FROM (
  SELECT DISTINCT e, 1 + ((e * 7 + k * 13) % 300) AS c FROM generate_series(1, 10000) e, generate_series(1, 5) k) x;
INSERT INTO follow (id, follower_id, followed_id, created_at)
SELECT row_number() over (), f, d, now() FROM (
  SELECT DISTINCT f, 1 + ((f * 31 + k * 197) % 10000) AS d FROM generate_series(1, 10000) f, generate_series(1, 50) k) x WHERE f <> d;
INSERT INTO post (id, author_id, text, created_at, version, channel_id)
SELECT i, 1 + (i::bigint * 7919) % 10000, 'Post number ' || i || ' about things', now() - (1000000 - i)::double precision * interval '30 seconds', 0,
       CASE WHEN i % 4 = 0 THEN 1 + (i % 300) ELSE NULL END
FROM generate_series(1, 1000000) i;
INSERT INTO post_tag (id, post_id, tag, created_at)
SELECT i / 10, i, 'tag' || (i % 200), now() FROM generate_series(10, 1000000, 10) i;
INSERT INTO topic_follow (id, employee_id, tag, created_at)
SELECT e, e, 'tag' || (e % 200), now() FROM generate_series(1, 10000) e;
ANALYZE;
