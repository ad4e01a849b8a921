package org.babillard.statistics.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.announcements.entity.Announcement;
import org.babillard.channels.entity.Channel;
import org.babillard.mail.control.MailConfig;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.control.Visibility;
import org.babillard.posts.entity.Post;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrators' dashboard figures over the last days: posts and distinct authors per day, the busiest
 * channels and topics, and how must-read announcements were acknowledged. Written for a million posts: the window's
 * first post is found through the {@code created_at} index and the posts are counted over an id range of the primary
 * key (post ids grow with time); topics over post_tag's {@code created_at} index. Notebook entries and deleted posts are not counted. A private channel the
 * administrator is not in is counted without its name.
 */
@Stateless
public class Statistics {

    /** How many channels, topics and announcements the lists show. */
    public static final int TOP = 10;

    private static final String FIRST_SINCE = "select p.id from Post p where p.createdAt >= :since order by p.createdAt, p.id";
    private static final String DAY = "select count(p), count(distinct p.author.id) from Post p"
            + " where p.id >= :from and p.id < :to and p.deletedAt is null and p.audience <> :notebook";
    private static final String CHANNELS = "select p.channel.id, count(p) from Post p where p.id >= :from"
            + " and p.channel is not null and p.deletedAt is null group by p.channel.id order by count(p) desc";
    /**
     * Topics of posts everyone may read (company-wide or in an open channel): a topic name can tell too much. The
     * window is on post_tag's own (created_at, tag) index.
     */
    private static final String TOPICS = "select t.tag, count(*) from post_tag t join post p on p.id = t.post_id"
            + " left join channel c on c.id = p.channel_id where t.created_at >= ?1 and p.deleted_at is null"
            + " and p.audience = 'COMPANY' and (c.id is null or c.access = 'OPEN') group by t.tag order by count(*) desc, t.tag";
    private static final String MUST_READ = "select a.id from announcement a where a.must_read = TRUE"
            + " and a.published_at is not null order by a.published_at desc";
    private static final String ACKNOWLEDGED = "select r.announcementId, count(r), count(r.acknowledgedAt) from Recipient r"
            + " where r.announcementId in :ids group by r.announcementId";

    /** One day: posts published, and how many people published them. */
    public record Day(LocalDate day, long posts, long authors) implements Serializable {
        public LocalDate getDay() {
            return day;
        }

        public long getPosts() {
            return posts;
        }

        public long getAuthors() {
            return authors;
        }
    }

    /** A channel or a topic and its number of posts; {@code name} null for a private channel the reader is not in. */
    public record Count(String name, String slug, long posts) implements Serializable {
        public String getName() {
            return name;
        }

        public String getSlug() {
            return slug;
        }

        public long getPosts() {
            return posts;
        }
    }

    /** A must-read announcement: how many it went to and how many acknowledged it. */
    public record Acknowledgements(long id, String titleFr, String titleEn, long recipients, long acknowledged)
            implements Serializable {
        public long getId() {
            return id;
        }

        public String getTitleFr() {
            return titleFr;
        }

        public String getTitleEn() {
            return titleEn;
        }

        public long getRecipients() {
            return recipients;
        }

        public long getAcknowledged() {
            return acknowledged;
        }

        public int getPercent() {
            return recipients == 0 ? 0 : (int) Math.round(100.0 * acknowledged / recipients);
        }
    }

    /** Everything the dashboard shows, days oldest first. */
    public record Dashboard(List<Day> days, List<Count> channels, List<Count> topics, List<Acknowledgements> announcements)
            implements Serializable {
        public List<Day> getDays() {
            return days;
        }

        public List<Count> getChannels() {
            return channels;
        }

        public List<Count> getTopics() {
            return topics;
        }

        public List<Acknowledgements> getAnnouncements() {
            return announcements;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Inject
    Visibility visibility;

    @Inject
    MailConfig config;

    /**
     * The figures of the last {@code days} days (today included, in the company's time zone).
     *
     * @throws Refused NOT_ALLOWED for anyone but an administrator
     */
    public Dashboard dashboard(String adminUsername, int days) throws Refused {
        Employee admin = people.find(adminUsername).filter(visibility::isAdmin)
                .orElseThrow(() -> Refused.notAllowed("statistics"));
        ZoneId zone = config.zone();
        LocalDate today = LocalDate.now(zone);
        LocalDate first = today.minusDays(days - 1L);
        // Each day's first post id; the day after today's is "no end".
        long[] starts = new long[days + 1];
        for (int i = 0; i <= days; i++) {
            starts[i] = i == days ? Long.MAX_VALUE : firstIdSince(first.plusDays(i).atStartOfDay(zone).toOffsetDateTime());
        }
        List<Day> perDay = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            long from = starts[i];
            long to = starts[i + 1];
            if (from >= to) {
                perDay.add(new Day(first.plusDays(i), 0, 0));
                continue;
            }
            Object[] row = em.createQuery(DAY, Object[].class).setParameter("from", from).setParameter("to", to)
                    .setParameter("notebook", Post.Audience.NOTEBOOK).getSingleResult();
            perDay.add(new Day(first.plusDays(i), ((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        }
        return new Dashboard(perDay, channels(admin, starts[0]), topics(first.atStartOfDay(zone).toOffsetDateTime()),
                announcements());
    }

    /** The id of the first post at or after this instant (Long.MAX_VALUE if none): one step down the index. */
    private long firstIdSince(OffsetDateTime since) {
        return em.createQuery(FIRST_SINCE, Long.class).setParameter("since", since).setMaxResults(1)
                .getResultStream().findFirst().orElse(Long.MAX_VALUE);
    }

    private List<Count> channels(Employee admin, long from) {
        List<Count> top = new ArrayList<>();
        for (Object[] row : em.createQuery(CHANNELS, Object[].class).setParameter("from", from).setMaxResults(TOP).getResultList()) {
            Channel channel = em.find(Channel.class, row[0]);
            boolean named = visibility.canRead(admin, channel);
            top.add(new Count(named ? channel.getName() : null, named ? channel.getSlug() : null, ((Number) row[1]).longValue()));
        }
        return top;
    }

    @SuppressWarnings("unchecked")
    private List<Count> topics(OffsetDateTime since) {
        List<Object[]> rows = em.createNativeQuery(TOPICS).setParameter(1, since).setMaxResults(TOP).getResultList();
        return rows.stream().map(r -> new Count((String) r[0], (String) r[0], ((Number) r[1]).longValue())).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Acknowledgements> announcements() {
        List<Long> ids = ((List<Number>) em.createNativeQuery(MUST_READ).setMaxResults(TOP).getResultList()).stream()
                .map(Number::longValue).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Acknowledgements> byId = new HashMap<>();
        for (Object[] r : em.createQuery(ACKNOWLEDGED, Object[].class).setParameter("ids", ids).getResultList()) {
            Announcement a = em.find(Announcement.class, r[0]);
            byId.put(a.getId(), new Acknowledgements(a.getId(), a.getTitleFr(), a.getTitleEn(), ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue()));
        }
        return ids.stream().map(byId::get).filter(a -> a != null).toList();
    }
}
