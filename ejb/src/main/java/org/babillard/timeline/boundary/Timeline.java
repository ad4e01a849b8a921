package org.babillard.timeline.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.babillard.attachments.boundary.AttachmentInfo;
import org.babillard.attachments.control.PostAttachments;
import org.babillard.channels.entity.Channel;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.control.Markup;
import org.babillard.posts.control.Visibility;
import org.babillard.posts.entity.Bookmark;
import org.babillard.posts.entity.Post;
import org.babillard.posts.entity.Reaction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading posts newest first, a page at a time, with keyset pagination: a page starts below the id of the
 * previous page's last post, so paging stays fast and stable while new posts arrive. Every query carries
 * {@link Visibility#READABLE}; docs/timelines.md says which index serves which timeline.
 */
@Stateless
public class Timeline {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int LARGEST_PAGE_SIZE = 100;
    /** The most replies a conversation shows at once. */
    public static final int LARGEST_THREAD = 500;
    /** How many names a reaction's tooltip lists. */
    static final int NAMES_PER_REACTION = 10;

    private static final String FROM_BELOW = "where p.id < :before and ";
    private static final String FROM_ABOVE = "where p.id > :before and ";
    private static final String FROM = "select p from Post p join fetch p.author a left join p.channel c " + FROM_BELOW;
    private static final String NEWEST_FIRST = " order by p.id desc";
    private static final String OLDEST_FIRST = " order by p.id";

    /*
     * "The first post of a thread", written so that no index can serve it: `reply_to_id is null` alone lets H2 read
     * the whole reply_to index (three posts in four are first posts) and sort them, instead of reading the primary
     * key backwards and stopping at the page's end (34 s instead of milliseconds at 1,000,000 posts, docs/timelines.md).
     */
    static final String FIRST_POST = " (p.replyTo is null or p.id < 0)";

    /*
     * The home timeline, in two steps (docs/timelines.md, "The home timeline at 1,000,000 posts").
     * 1. The window: the newest HOME_WINDOW post ids below the bound. The people the reader follows (and themselves) and
     *    their channels: ids from the post table alone, its primary key read backwards and stopping at the page's end,
     *    none of the lists being allowed an index ("+ 0"); their topics and the posts that mention them through those
     *    indexes, within the window; then the newest of all those ids with the whole rule, in one query (merge). For
     *    most readers the page is full within a few hundred posts, whatever the size of the table. A planner cannot
     *    know this (the most followed people write the most): reading each source's index instead means reading and
     *    sorting all their posts (193,700 posts, 18 s on H2, for a reader who follows 45 of the most active people).
     * 2. Only when the window did not fill the page (a reader who follows few and quiet sources), each source on its
     *    own index below the window (post_author_idx, post_channel_idx, post_tag_tag_idx, mention_employee_idx): few
     *    posts each, precisely because the window held so few. The page is the newest of all.
     * The window's size is `babillard.timeline.home-window` (the integration tests make it tiny, so that every test
     * of the home timeline goes through both steps).
     */
    static final long HOME_WINDOW = Math.max(1, Long.getLong("babillard.timeline.home-window", 10_000));

    private static final String IN_WINDOW = "p.id >= :edge and ";

    /**
     * The ids of the posts with one of the reader's topics, and of those that mention the reader, between two ids
     * (post_tag_tag_idx, mention_employee_idx), newest first; then those posts by their primary key. Written as
     * {@code p.id in (subquery)} together with a range of ids, H2 reads the range and runs the subquery for each post
     * (4.2 s for a window of 10,000 posts). One query per topic: with {@code t.tag in (two tags)}, H2 reads all the posts
     * of both tags (3.3 s instead of 21 ms).
     */
    static final String TOPIC_IDS = "select t.post.id from PostTag t where t.tag = :value and t.post.id < :before and t.post.id >= :edge"
            + " order by t.post.id desc";

    static final String MENTION_IDS = "select m.post.id from Mention m where m.employee.id = :value and m.post.id < :before"
            + " and m.post.id >= :edge order by m.post.id desc";

    static final String HOME_BY_IDS = FROM + FIRST_POST + " and p.id in :ids and" + Visibility.READABLE + NEWEST_FIRST;

    static final String TOPIC_BY_IDS = FROM + "p.id in :ids and" + Visibility.READABLE + NEWEST_FIRST;

    /** The most ids {@link #merge} reads from a source at a time (it starts with a few more than the page). */
    static final int IDS_BATCH = 500;

    /** A channel's threads, in the home timeline's two steps: the window on the primary key, then post_channel_idx. */
    static final String CHANNEL_SCAN = FROM + IN_WINDOW + FIRST_POST + " and (c.id + 0) = :channel and" + Visibility.READABLE + NEWEST_FIRST;

    static final String CHANNEL = FROM + FIRST_POST + " and p.channel.id = :channel and" + Visibility.READABLE + NEWEST_FIRST;

    static final String PROFILE = FROM + Visibility.READABLE + " and a.id = :author" + NEWEST_FIRST;

    static final String BOOKMARKS = FROM + Visibility.READABLE
            + " and p.id in (select b.post.id from Bookmark b where b.employee.id = :reader)" + NEWEST_FIRST;

    /** The posts the reader gave one reaction to (Mastodon's favourites). */
    static final String REACTED = FROM + Visibility.READABLE
            + " and p.id in (select r.post.id from Reaction r where r.employee.id = :reader and r.emoji = :emoji)" + NEWEST_FIRST;

    /** The reader's own notebook entries (served by the index on author and id). */
    static final String NOTEBOOK = FROM + Visibility.READABLE
            + " and a.id = :reader and p.audience = org.babillard.posts.entity.Post.Audience.NOTEBOOK" + NEWEST_FIRST;

    static final String NOTEBOOK_SEARCH = NOTEBOOK.replace(NEWEST_FIRST,
            " and lower(p.text) like :words escape '!'" + NEWEST_FIRST);

    static final String REPLIES = """
            select p from Post p join fetch p.author a left join p.channel c
            where p.thread.id = :thread and p.deletedAt is null order by p.id""";

    @PersistenceContext
    EntityManager em;

    @Inject
    PostAttachments postAttachments;

    @Inject
    People people;

    @Inject
    Visibility visibility;

    /** The reader's home: their posts, those of the people, channels and topics they follow, and those that mention them. */
    public TimelinePage home(String reader, Long before, int size) {
        Employee me = reader(reader);
        int limit = Math.max(1, Math.min(LARGEST_PAGE_SIZE, size));
        List<Post> posts = home(me, FROM_BELOW, before == null ? Long.MAX_VALUE : before, limit + 1);
        boolean more = posts.size() > limit;
        List<TimelineEntry> entries = entries(me, posts.subList(0, Math.min(limit, posts.size())));
        return new TimelinePage(entries, more ? entries.get(entries.size() - 1).id() : null);
    }

    /**
     * Everything the reader may read, company-wide and in channels: the post ids from the primary key alone, then the
     * rule on those (as the home timeline's window, docs/timelines.md). Asked as one query with the rule, H2 read and
     * sorted the whole table at 1,000,000 posts: every request of the load test that read this stream timed out.
     */
    public TimelinePage company(String reader, Long before, int size) {
        Employee me = reader(reader);
        int limit = Math.max(1, Math.min(LARGEST_PAGE_SIZE, size));
        java.util.TreeMap<Long, Post> union = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        merge(union, List.of(window("", true, 0)), HOME_BY_IDS, true, before == null ? Long.MAX_VALUE : before, me, limit + 1);
        List<Post> posts = union.values().stream().limit(limit + 1).toList();
        boolean more = posts.size() > limit;
        List<TimelineEntry> entries = entries(me, posts.subList(0, Math.min(limit, posts.size())));
        return new TimelinePage(entries, more ? entries.get(entries.size() - 1).id() : null);
    }

    /** A channel's threads; a private channel is "not found" for those outside it. */
    public TimelinePage channel(String reader, long channelId, Long before, int size) throws Refused {
        Employee me = reader(reader);
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null || !visibility.canRead(me, channel)) {
            throw Refused.notFound("channel " + channelId);
        }
        return windowed(me, CHANNEL_SCAN, CHANNEL, "channel", channelId, before, size);
    }

    /** The posts with a hashtag that the reader may read. */
    public TimelinePage topic(String reader, String tag, Long before, int size) {
        Employee me = reader(reader);
        String key = Markup.tag(tag);
        if (key == null) {
            return new TimelinePage(List.of(), null);
        }
        int limit = Math.max(1, Math.min(LARGEST_PAGE_SIZE, size));
        java.util.TreeMap<Long, Post> posts = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        merge(posts, List.of(indexed(TOPIC_IDS, key, true, 0)), TOPIC_BY_IDS, true, before == null ? Long.MAX_VALUE : before, me,
                limit + 1);
        List<Post> page = posts.values().stream().limit(limit + 1L).toList();
        boolean more = page.size() > limit;
        List<TimelineEntry> entries = entries(me, page.subList(0, Math.min(limit, page.size())));
        return new TimelinePage(entries, more ? entries.get(entries.size() - 1).id() : null);
    }

    /** One person's posts and replies that the reader may read (served by the index on author and id). */
    public TimelinePage profile(String reader, String author, Long before, int size) {
        Employee me = reader(reader);
        java.util.Optional<Employee> person = people.find(author);
        if (person.isEmpty()) {
            return new TimelinePage(List.of(), null);
        }
        return page(me, query(PROFILE, me, before).setParameter("author", person.get().getId()), size);
    }

    /** The reader's bookmarks that they may still read. */
    public TimelinePage bookmarks(String reader, Long before, int size) {
        Employee me = reader(reader);
        return page(me, query(BOOKMARKS, me, before), size);
    }

    /** The posts the reader gave this reaction to, that they may still read. */
    public TimelinePage reacted(String reader, Reaction.Emoji emoji, Long before, int size) {
        Employee me = reader(reader);
        return page(me, query(REACTED, me, before).setParameter("emoji", emoji.name()), size);
    }

    /**
     * The reader's private notebook, newest first; with words, only the entries holding them (case ignored).
     * Nobody else's entries, ever: the query is on the reader's own id.
     */
    public TimelinePage notebook(String reader, String words, Long before, int size) {
        Employee me = reader(reader);
        String wanted = words == null ? "" : words.strip().toLowerCase(java.util.Locale.ROOT);
        if (wanted.isEmpty()) {
            return page(me, query(NOTEBOOK, me, before), size);
        }
        String pattern = "%" + wanted.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return page(me, query(NOTEBOOK_SEARCH, me, before).setParameter("words", pattern), size);
    }

    /** The pinned posts of a channel. */
    public List<TimelineEntry> pinned(String reader, long channelId) throws Refused {
        Employee me = reader(reader);
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null || !visibility.canRead(me, channel)) {
            throw Refused.notFound("channel " + channelId);
        }
        return entries(me, em.createNamedQuery(Post.PINNED, Post.class).setParameter("channel", channelId)
                .setMaxResults(LARGEST_PAGE_SIZE).getResultList());
    }

    /**
     * The conversation a post belongs to: its first post and the replies, oldest first. Hidden replies show only
     * to those who moderate them.
     */
    public Conversation conversation(String reader, long postId) throws Refused {
        Employee me = reader(reader);
        Post post = em.find(Post.class, postId);
        if (post == null) {
            throw Refused.notFound("post " + postId);
        }
        Post first = post.getThreadRoot();
        // A deleted first post still holds its thread together: its replies stay readable where the channel is.
        boolean firstDeleted = first.isDeleted() && !first.isHidden() && visibility.canRead(me, first.getChannel())
                && visibility.inAudience(me, first);
        boolean readable = post == first ? visibility.canRead(me, first) || (firstDeleted && first.getReplies() > 0)
                : visibility.canRead(me, post) && (visibility.canRead(me, first) || firstDeleted);
        if (!readable) {
            throw Refused.notFound("post " + postId);
        }
        boolean moderates = visibility.canModerate(me, first);
        List<Post> replies = em.createQuery(REPLIES, Post.class).setParameter("thread", first.getId())
                .setMaxResults(LARGEST_THREAD + 1).getResultList();
        boolean more = replies.size() > LARGEST_THREAD;
        List<Post> shown = replies.stream().limit(LARGEST_THREAD).filter(r -> !r.isHidden() || moderates).toList();
        if (post == first && firstDeleted && shown.isEmpty()) {
            throw Refused.notFound("post " + postId);
        }
        List<Post> all = new ArrayList<>();
        all.add(first);
        all.addAll(shown);
        List<TimelineEntry> entries = entries(me, all);
        TimelineEntry head = entries.get(0);
        if (firstDeleted) {
            head = new TimelineEntry(head.id(), "", "", true, "", head.createdAt(), null, 0, head.channel(), null,
                    null, null, shown.size(), List.of(), false, false, false, false, false, null, List.of(),
                    head.audience(), null);
        }
        return new Conversation(head, List.copyOf(entries.subList(1, entries.size())), more, firstDeleted);
    }

    /** The entry of one post for this reader. */
    public TimelineEntry entry(String reader, long postId) throws Refused {
        Employee me = reader(reader);
        Post post = em.find(Post.class, postId);
        if (post == null || !visibility.canRead(me, post)) {
            throw Refused.notFound("post " + postId);
        }
        return entries(me, List.of(post)).get(0);
    }

    /** Whether the reader could read this post before it was deleted (false for one they never could). */
    public boolean couldRead(String reader, long postId) {
        Post post = em.find(Post.class, postId);
        return post != null && visibility.couldRead(reader(reader), post);
    }

    /** How many posts newer than {@code after} the reader's home holds (at most a page), for "3 new posts". */
    public int newerOnHome(String reader, long after) {
        return home(reader(reader), FROM_ABOVE, after, LARGEST_PAGE_SIZE).size();
    }

    /**
     * The newest posts of the reader's home below {@code bound} (or the oldest above it), at most {@code max}: the
     * window's sources together (its people and channels, each topic, the mentions), then, if the page is not full,
     * each source below (above) the window; the page is the newest (oldest) {@code max} of all.
     */
    private List<Post> home(Employee me, String from, long bound, int max) {
        List<Long> authors = new ArrayList<>(em.createQuery(
                "select f.followed.id from Follow f where f.follower.id = :reader", Long.class)
                .setParameter("reader", me.getId()).getResultList());
        authors.add(me.getId());
        List<Long> channels = em.createQuery(
                "select m.channel.id from Membership m where m.employee.id = :reader", Long.class)
                .setParameter("reader", me.getId()).getResultList();
        List<String> tags = em.createQuery("select t.tag from TopicFollow t where t.employee.id = :reader", String.class)
                .setParameter("reader", me.getId()).getResultList();
        boolean below = from.equals(FROM_BELOW);
        java.util.Comparator<Long> order = below ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder();
        java.util.TreeMap<Long, Post> union = new java.util.TreeMap<>(order);
        Long newest = em.createQuery("select max(p.id) from Post p", Long.class).getSingleResult();
        if (newest == null) {
            return List.of();
        }
        // The window: [edge, start) below, (start, edge] above.
        long start = below ? Math.min(bound, newest + 1) : bound;
        long edge = below ? Math.max(0, start - HOME_WINDOW) : Math.min(newest, bound + HOME_WINDOW);
        List<Merge.Ids> sources = new ArrayList<>();
        sources.add(window(" AND (author_id + 0 IN (" + numbers(authors) + ")"
                + (channels.isEmpty() ? ")" : " OR channel_id + 0 IN (" + numbers(channels) + "))"), below, edge));
        for (String tag : tags) {
            sources.add(indexed(TOPIC_IDS, tag, below, edge));
        }
        sources.add(indexed(MENTION_IDS, me.getId(), below, edge));
        merge(union, sources, HOME_BY_IDS, below, start, me, max);
        boolean rest = below ? edge > 0 : edge < newest;
        if (union.size() < max && rest) {
            // Beyond the window: below it (posts < edge) or above it (posts > edge).
            eachSource(union, "author_id", authors, below, edge, me, max);
            eachSource(union, "channel_id", channels, below, edge, me, max);
            for (String tag : tags) {
                merge(union, List.of(indexed(TOPIC_IDS, tag, below, last(union, below, max))), HOME_BY_IDS, below, edge, me, max);
            }
            merge(union, List.of(indexed(MENTION_IDS, me.getId(), below, last(union, below, max))), HOME_BY_IDS, below, edge,
                    me, max);
        }
        return union.values().stream().limit(max).toList();
    }

    /**
     * Posts of the window as far as {@code edge} (included) that meet the SQL condition {@code sources} (empty: any):
     * ids from the post table alone, its primary key read from the cursor, none of the lists allowed an index, the
     * posts deleted or hidden left out at once. Written as one query with the rule and the author and channel joined,
     * H2 evaluated the rule for every post of the window before the lists (a third of the API's home timeline time at
     * 1,000,000 posts, docs/benchmarks.md). Also the company stream's whole way (its window is the table).
     */
    private Merge.Ids window(String sources, boolean below, long edge) {
        String sql = "SELECT id FROM post WHERE " + (below ? "id < ? AND id >= ?" : "id > ? AND id <= ?")
                + " AND (reply_to_id IS NULL OR id < 0) AND deleted_at IS NULL AND hidden_at IS NULL" + sources
                + " ORDER BY id" + (below ? " DESC" : "") + " LIMIT ";
        return (cursor, size) -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery(sql + size).setParameter(1, cursor).setParameter(2, edge).getResultList();
            return ids.stream().map(Number::longValue).toList();
        };
    }

    /** The ids a JPQL query of an index finds (a topic's, the mentions of someone) as far as {@code edge} (included). */
    private Merge.Ids indexed(String jpql, Object value, boolean below, long edge) {
        String query = below ? jpql : jpql.replace(".id < :before", ".id > :before").replace(".id >= :edge", ".id <= :edge")
                .replace(" desc", "");
        return (cursor, size) -> em.createQuery(query, Long.class).setParameter("value", value).setParameter("before", cursor)
                .setParameter("edge", edge).setMaxResults(size).getResultList();
    }

    /**
     * Adds to {@code union} the newest posts below {@code start} (the oldest above it) that the reader may read among
     * those the sources name, until {@code max} are found or the sources have no more ({@link Merge}: the sources' ids
     * merged, then the whole rule of {@link Visibility#READABLE} asked once for the nearest of them all, loading only
     * the posts that make the page). Each source checked and loaded on its own, a reader with two topics loaded three
     * pages of posts to show one, and the topics' posts were a tenth of the home page's time (docs/benchmarks.md).
     */
    private void merge(Map<Long, Post> union, List<Merge.Ids> sources, String posts, boolean below, long start, Employee me,
                       int max) {
        String postQuery = below ? posts : posts.replace(FROM_BELOW, FROM_ABOVE).replace(NEWEST_FIRST, OLDEST_FIRST);
        Merge.Readable<Post> rule = (ids, most) -> em.createQuery(postQuery, Post.class).setParameter("before", start)
                .setParameter("reader", me.getId()).setParameter("ids", ids).setMaxResults(most).getResultList();
        for (Post p : Merge.nearest(sources, rule, below, start, max, IDS_BATCH)) {
            union.putIfAbsent(p.getId(), p);
        }
    }

    /** Ids as an SQL list: numbers read from the database, never text from a request. */
    private static String numbers(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }

    /**
     * Beyond the window: each person (or channel) on its own index (post_author_idx, post_channel_idx: author or
     * channel, then id), from the window's edge outwards, until it has given the page's worth or has no more. A post
     * older (newer, above) than the page the union already holds cannot enter it, so each source stops there: once
     * the first sources have filled the page, the others read only the few posts newer than its last. One query for
     * all the sources ({@code author_id in (...)}) made H2 read and sort every post of every source (193,700 posts
     * and seconds for a reader who follows the most active people, measured after a burst of posts by others had
     * pushed their posts out of the window; docs/benchmarks.md).
     */
    private void eachSource(java.util.TreeMap<Long, Post> union, String column, List<Long> sources, boolean below, long edge, Employee me,
                            int max) {
        for (Long source : sources) {
            merge(union, List.of(window(" AND " + column + " = " + source.longValue(), below, last(union, below, max))), HOME_BY_IDS,
                    below, edge, me, max);
        }
    }

    /** How far beyond the window a source need be read: to the page's last post once the union fills a page, else to the end. */
    private static long last(java.util.TreeMap<Long, Post> union, boolean below, int max) {
        long end = below ? 0 : Long.MAX_VALUE;
        return union.size() < max ? end : union.keySet().stream().skip(max - 1L).findFirst().orElse(end);
    }

    /** How many threads newer than {@code after} a channel holds for this reader (at most a page). */
    public int newerInChannel(String reader, long channelId, long after) {
        Employee me = reader(reader);
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null || !visibility.canRead(me, channel)) {
            return 0;
        }
        // The primary key from the newest post shown: the few posts above it (the channel's index would read them all).
        String newer = CHANNEL_SCAN.replace(FROM_BELOW + IN_WINDOW, "where p.id > :after and ");
        return em.createQuery(newer, Post.class).setParameter("reader", me.getId()).setParameter("after", after)
                .setParameter("channel", channelId).setMaxResults(LARGEST_PAGE_SIZE).getResultList().size();
    }

    /** How many posts newer than {@code after} the company stream holds (at most a page), for "3 new posts". */
    public int newerOnCompany(String reader, long after) {
        Employee me = reader(reader);
        Map<Long, Post> union = new java.util.TreeMap<>();
        merge(union, List.of(window("", false, Long.MAX_VALUE)), HOME_BY_IDS, false, after, me, LARGEST_PAGE_SIZE);
        return union.size();
    }

    private Employee reader(String username) {
        Employee reader = people.find(username).orElseThrow(() -> new IllegalArgumentException("No employee " + username));
        // As in every other boundary: a former employee reads nothing, not even through a session left open.
        if (!reader.isActive()) {
            throw new IllegalStateException(username + " no longer works here");
        }
        return reader;
    }

    private TypedQuery<Post> query(String jpql, Employee reader, Long before) {
        TypedQuery<Post> query = em.createQuery(jpql, Post.class)
                .setParameter("before", before == null ? Long.MAX_VALUE : before);
        return jpql.contains(":reader") ? query.setParameter("reader", reader.getId()) : query;
    }

    /**
     * A page of one source in the home timeline's two steps: the window below {@code before} (the scan query, none of
     * whose conditions an index may serve but the primary key's range), then, if the page is not full, the indexed
     * query below the window.
     */
    private TimelinePage windowed(Employee me, String scan, String indexed, String name, Object value, Long before, int size) {
        int limit = Math.max(1, Math.min(LARGEST_PAGE_SIZE, size));
        Long newest = em.createQuery("select max(p.id) from Post p", Long.class).getSingleResult();
        if (newest == null) {
            return new TimelinePage(List.of(), null);
        }
        long start = Math.min(before == null ? Long.MAX_VALUE : before, newest + 1);
        long edge = Math.max(0, start - HOME_WINDOW);
        List<Post> posts = new ArrayList<>(em.createQuery(scan, Post.class).setParameter("before", start)
                .setParameter("edge", edge).setParameter("reader", me.getId()).setParameter(name, value)
                .setMaxResults(limit + 1).getResultList());
        if (posts.size() < limit + 1 && edge > 0) {
            posts.addAll(query(indexed, me, edge).setParameter(name, value).setMaxResults(limit + 1 - posts.size()).getResultList());
        }
        boolean more = posts.size() > limit;
        List<TimelineEntry> entries = entries(me, posts.subList(0, Math.min(limit, posts.size())));
        return new TimelinePage(entries, more ? entries.get(entries.size() - 1).id() : null);
    }

    private TimelinePage page(Employee reader, TypedQuery<Post> query, int size) {
        int limit = Math.max(1, Math.min(LARGEST_PAGE_SIZE, size));
        List<Post> posts = query.setMaxResults(limit + 1).getResultList();
        boolean more = posts.size() > limit;
        List<TimelineEntry> entries = entries(reader, posts.subList(0, Math.min(limit, posts.size())));
        return new TimelinePage(entries, more ? entries.get(entries.size() - 1).id() : null);
    }

    /** Entries with reactions, bookmarks and attachments in three queries for the whole page. */
    private List<TimelineEntry> entries(Employee reader, List<Post> posts) {
        if (posts.isEmpty()) {
            return List.of();
        }
        List<Long> ids = posts.stream().map(Post::getId).toList();
        Map<Long, Map<String, List<Object[]>>> reactions = new HashMap<>();
        for (Object[] row : em.createNamedQuery(Reaction.ON_POSTS, Object[].class).setParameter("posts", ids).getResultList()) {
            reactions.computeIfAbsent((Long) row[0], k -> new LinkedHashMap<>())
                    .computeIfAbsent((String) row[1], k -> new ArrayList<>()).add(row);
        }
        Set<Long> bookmarked = new HashSet<>(em.createNamedQuery(Bookmark.AMONG, Long.class)
                .setParameter("employee", reader.getId()).setParameter("posts", ids).getResultList());
        List<Long> withShared = new ArrayList<>(ids);
        posts.stream().map(Post::getSharedPost).filter(java.util.Objects::nonNull).forEach(o -> withShared.add(o.getId()));
        Map<Long, List<AttachmentInfo>> attachments = postAttachments.of(withShared);
        boolean admin = visibility.isAdmin(reader);
        Map<Long, Boolean> moderatesChannel = new HashMap<>();
        // Authors come with the page's query (join fetch), so their statuses cost no query of their own.
        java.time.Instant now = java.time.Clock.systemUTC().instant();
        List<TimelineEntry> entries = new ArrayList<>(posts.size());
        for (Post p : posts) {
            Channel c = p.getChannel();
            TimelineEntry.ChannelRef channel = c == null ? null
                    : new TimelineEntry.ChannelRef(c.getId(), c.getSlug(), c.getName(), c.isPrivate());
            boolean moderates = admin || (c != null
                    && moderatesChannel.computeIfAbsent(c.getId(), id -> visibility.canModerate(reader, c)));
            Post replyTo = p.getReplyTo();
            entries.add(new TimelineEntry(p.getId(), p.getAuthor().getUsername(), p.getAuthor().getDisplayName(),
                    p.getAuthor().isActive(), p.getText(), p.getCreatedAt(), p.getEditedAt(), p.getVersion(), channel,
                    p.getThread() == null ? null : p.getThread().getId(),
                    replyTo == null ? null : replyTo.getId(),
                    replyTo == null ? null : replyTo.getAuthor().getUsername(),
                    p.getReplies(), counts(reactions.getOrDefault(p.getId(), Map.of()), reader),
                    bookmarked.contains(p.getId()), p.isPinned(), p.isHidden(),
                    p.getAuthor().getId().equals(reader.getId()), moderates && !p.getAudience().isRestricted(),
                    p.getAuthor().statusAt(now), attachments.getOrDefault(p.getId(), List.of()),
                    p.getAudience().name(), shared(p.getSharedPost(), attachments)));
        }
        return entries;
    }

    /** What a share shows of its original (readable by whoever reads the share: the query's rule says so). */
    private static TimelineEntry.Shared shared(Post original, Map<Long, List<AttachmentInfo>> attachments) {
        if (original == null) {
            return null;
        }
        Channel c = original.getChannel();
        return new TimelineEntry.Shared(original.getId(), original.getAuthor().getUsername(),
                original.getAuthor().getDisplayName(), original.getAuthor().isActive(), original.getText(),
                original.getCreatedAt(), original.isEdited(),
                c == null ? null : new TimelineEntry.ChannelRef(c.getId(), c.getSlug(), c.getName(), c.isPrivate()),
                attachments.getOrDefault(original.getId(), List.of()));
    }

    private static List<TimelineEntry.ReactionCount> counts(Map<String, List<Object[]>> byEmoji, Employee reader) {
        List<TimelineEntry.ReactionCount> counts = new ArrayList<>();
        for (Reaction.Emoji emoji : Reaction.Emoji.values()) {
            List<Object[]> rows = byEmoji.get(emoji.name());
            if (rows == null) {
                continue;
            }
            boolean mine = rows.stream().anyMatch(r -> reader.getUsername().equals(r[2]));
            List<String> names = rows.stream().limit(NAMES_PER_REACTION).map(r -> (String) r[3]).toList();
            counts.add(new TimelineEntry.ReactionCount(emoji.name(), emoji.glyph(), rows.size(), mine, names));
        }
        return counts;
    }
}
