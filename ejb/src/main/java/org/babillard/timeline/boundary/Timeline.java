package org.babillard.timeline.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
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

    private static final String FROM = "select p from Post p join fetch p.author a left join p.channel c where p.id < :before and ";
    private static final String NEWEST_FIRST = " order by p.id desc";

    /** Mine, the people I follow, my channels, my topics; first posts of threads only. */
    static final String HOME = FROM + Visibility.READABLE + """
             and p.replyTo is null
             and (a.id = :reader
                  or a.id in (select f.followed.id from Follow f where f.follower.id = :reader)
                  or c.id in (select m.channel.id from Membership m where m.employee.id = :reader)
                  or p.id in (select t.post.id from PostTag t, TopicFollow tf where tf.employee.id = :reader and t.tag = tf.tag))"""
            + NEWEST_FIRST;

    static final String COMPANY = FROM + Visibility.READABLE + " and p.replyTo is null" + NEWEST_FIRST;

    static final String CHANNEL = FROM + Visibility.READABLE + " and c.id = :channel and p.replyTo is null" + NEWEST_FIRST;

    static final String TOPIC = FROM + Visibility.READABLE
            + " and p.id in (select t.post.id from PostTag t where t.tag = :tag)" + NEWEST_FIRST;

    static final String PROFILE = FROM + Visibility.READABLE + " and a.username = :author" + NEWEST_FIRST;

    static final String BOOKMARKS = FROM + Visibility.READABLE
            + " and p.id in (select b.post.id from Bookmark b where b.employee.id = :reader)" + NEWEST_FIRST;

    static final String REPLIES = """
            select p from Post p join fetch p.author a left join p.channel c
            where p.thread.id = :thread and p.deletedAt is null order by p.id""";

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Inject
    Visibility visibility;

    /** The reader's home: their posts and those of the people, channels and topics they follow. */
    public TimelinePage home(String reader, Long before, int size) {
        Employee me = reader(reader);
        return page(me, query(HOME, me, before), size);
    }

    /** Everything the reader may read, company-wide and in channels. */
    public TimelinePage company(String reader, Long before, int size) {
        Employee me = reader(reader);
        return page(me, query(COMPANY, me, before), size);
    }

    /** A channel's threads; a private channel is "not found" for those outside it. */
    public TimelinePage channel(String reader, long channelId, Long before, int size) throws Refused {
        Employee me = reader(reader);
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null || !visibility.canRead(me, channel)) {
            throw Refused.notFound("channel " + channelId);
        }
        return page(me, query(CHANNEL, me, before).setParameter("channel", channelId), size);
    }

    /** The posts with a hashtag that the reader may read. */
    public TimelinePage topic(String reader, String tag, Long before, int size) {
        Employee me = reader(reader);
        String key = Markup.tag(tag);
        if (key == null) {
            return new TimelinePage(List.of(), null);
        }
        return page(me, query(TOPIC, me, before).setParameter("tag", key), size);
    }

    /** One person's posts and replies that the reader may read (served by the index on author and id). */
    public TimelinePage profile(String reader, String author, Long before, int size) {
        Employee me = reader(reader);
        return page(me, query(PROFILE, me, before).setParameter("author", author), size);
    }

    /** The reader's bookmarks that they may still read. */
    public TimelinePage bookmarks(String reader, Long before, int size) {
        Employee me = reader(reader);
        return page(me, query(BOOKMARKS, me, before), size);
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
        boolean firstDeleted = first.isDeleted() && !first.isHidden() && visibility.canRead(me, first.getChannel());
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
                    null, null, shown.size(), List.of(), false, false, false, false, false);
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

    /** How many posts newer than {@code after} the reader's home holds (at most a page), for "3 new posts". */
    public int newerOnHome(String reader, long after) {
        Employee me = reader(reader);
        String newer = HOME.replace("p.id < :before", "p.id > :after");
        return em.createQuery(newer, Post.class).setParameter("reader", me.getId()).setParameter("after", after)
                .setMaxResults(LARGEST_PAGE_SIZE).getResultList().size();
    }

    private Employee reader(String username) {
        return people.find(username).orElseThrow(() -> new IllegalArgumentException("No employee " + username));
    }

    private TypedQuery<Post> query(String jpql, Employee reader, Long before) {
        TypedQuery<Post> query = em.createQuery(jpql, Post.class)
                .setParameter("before", before == null ? Long.MAX_VALUE : before);
        return jpql.contains(":reader") ? query.setParameter("reader", reader.getId()) : query;
    }

    private TimelinePage page(Employee reader, TypedQuery<Post> query, int size) {
        int limit = Math.max(1, Math.min(LARGEST_PAGE_SIZE, size));
        List<Post> posts = query.setMaxResults(limit + 1).getResultList();
        boolean more = posts.size() > limit;
        List<TimelineEntry> entries = entries(reader, posts.subList(0, Math.min(limit, posts.size())));
        return new TimelinePage(entries, more ? entries.get(entries.size() - 1).id() : null);
    }

    /** Entries with reactions and bookmarks in two queries for the whole page. */
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
        boolean admin = visibility.isAdmin(reader);
        Map<Long, Boolean> moderatesChannel = new HashMap<>();
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
                    p.getAuthor().getId().equals(reader.getId()), moderates));
        }
        return entries;
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
