package org.babillard.following.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.following.entity.Follow;
import org.babillard.following.entity.TopicFollow;
import org.babillard.notifications.control.Notifier;
import org.babillard.notifications.entity.Notification;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.control.Markup;
import org.babillard.posts.entity.PostTag;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Following colleagues and #topics, whose posts then come into the follower's home timeline. */
@Stateless
public class Following {

    /** A topic and how many readable posts carried it lately. */
    public record Trend(String tag, long posts) implements java.io.Serializable {
        public String getTag() {
            return tag;
        }

        public long getPosts() {
            return posts;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Inject
    Notifier notifier;

    /** Follows a colleague (again following is harmless); they are notified the first time. */
    public void follow(String followerUsername, String followedUsername) throws Refused {
        Employee follower = actor(followerUsername);
        Employee followed = people.find(followedUsername).filter(Employee::isActive)
                .orElseThrow(() -> Refused.notFound("employee " + followedUsername));
        if (follower.getId().equals(followed.getId())) {
            throw new Refused(Refused.Reason.INVALID, "follow.self");
        }
        if (follow(follower, followed).isEmpty()) {
            em.persist(new Follow(follower, followed, Clock.systemUTC().instant()));
            count(follower, followed, 1);
            // Only the first time: following, unfollowing and following again must not ring the bell each time.
            long told = em.createNamedQuery(Notification.EARLIER, Long.class).setParameter("recipient", followed.getId())
                    .setParameter("actor", follower.getId()).setParameter("kind", Notification.Kind.FOLLOW)
                    .getSingleResult();
            if (told == 0) {
                notifier.notify(followed, Notification.Kind.FOLLOW, follower, null, null);
            }
        }
    }

    /** Follows without telling anyone: what the directory sync does for a newcomer and their manager. */
    public boolean followQuietly(Employee follower, Employee followed) {
        if (follower.getId().equals(followed.getId()) || follow(follower, followed).isPresent()) {
            return false;
        }
        em.persist(new Follow(follower, followed, Clock.systemUTC().instant()));
        count(follower, followed, 1);
        return true;
    }

    public void unfollow(String followerUsername, String followedUsername) {
        Employee follower = actor(followerUsername);
        people.find(followedUsername).flatMap(followed -> follow(follower, followed)).ifPresent(f -> {
            em.remove(f);
            count(follower, f.getFollowed(), -1);
        });
    }

    /**
     * Keeps the two people's counts (employee.followers_count, following_count, V22_2) with SQL increments in the
     * follow's own transaction: the Mastodon API shows them with every account, counting them per request was slow.
     */
    private void count(Employee follower, Employee followed, int delta) {
        String change = delta > 0 ? " + 1" : " - 1";
        String positive = delta > 0 ? "" : " AND %s > 0";
        em.createNativeQuery("UPDATE employee SET following_count = following_count" + change + " WHERE id = ?"
                + positive.formatted("following_count")).setParameter(1, follower.getId()).executeUpdate();
        em.createNativeQuery("UPDATE employee SET followers_count = followers_count" + change + " WHERE id = ?"
                + positive.formatted("followers_count")).setParameter(1, followed.getId()).executeUpdate();
    }

    public boolean follows(String followerUsername, String followedUsername) {
        Optional<Employee> follower = people.find(followerUsername);
        Optional<Employee> followed = people.find(followedUsername);
        return follower.isPresent() && followed.isPresent() && follow(follower.get(), followed.get()).isPresent();
    }

    public long followers(String username) {
        return people.find(username).map(e -> em.createNamedQuery(Follow.FOLLOWERS_COUNT, Long.class)
                .setParameter("employee", e.getId()).getSingleResult()).orElse(0L);
    }

    public long following(String username) {
        return people.find(username).map(e -> em.createNamedQuery(Follow.FOLLOWING_COUNT, Long.class)
                .setParameter("employee", e.getId()).getSingleResult()).orElse(0L);
    }

    /** The colleagues this person follows, by name. */
    public List<Employee> followed(String username, int limit) {
        return people.find(username).map(e -> em.createNamedQuery(Follow.FOLLOWED_BY, Employee.class)
                .setParameter("employee", e.getId()).setMaxResults(limit).getResultList()).orElse(List.of());
    }

    public List<Employee> followersOf(String username, int limit) {
        return people.find(username).map(e -> em.createNamedQuery(Follow.FOLLOWERS, Employee.class)
                .setParameter("employee", e.getId()).setMaxResults(limit).getResultList()).orElse(List.of());
    }

    /** Follows a #topic; the tag is normalised (lower case, without '#'). */
    public String followTopic(String username, String tag) throws Refused {
        Employee employee = actor(username);
        String key = Markup.tag(tag);
        if (key == null) {
            throw new Refused(Refused.Reason.INVALID, "topic.invalid");
        }
        if (topic(employee, key).isEmpty()) {
            em.persist(new TopicFollow(employee, key, Clock.systemUTC().instant()));
        }
        return key;
    }

    public void unfollowTopic(String username, String tag) {
        Employee employee = actor(username);
        String key = Markup.tag(tag);
        if (key != null) {
            topic(employee, key).ifPresent(em::remove);
        }
    }

    public boolean followsTopic(String username, String tag) {
        String key = Markup.tag(tag);
        return key != null && people.find(username).flatMap(e -> topic(e, key)).isPresent();
    }

    public List<String> topics(String username) {
        return people.find(username).map(e -> em.createNamedQuery(TopicFollow.TAGS_OF, String.class)
                .setParameter("employee", e.getId()).getResultList()).orElse(List.of());
    }

    /**
     * The topics most used in the last days, counting only posts everyone may read (company-wide and open
     * channels), so that a private channel's topics never show.
     */
    public List<Trend> trending(int days, int limit) {
        OffsetDateTime since = Clock.systemUTC().instant().minus(Duration.ofDays(Math.max(1, days))).atOffset(ZoneOffset.UTC);
        return em.createNamedQuery(PostTag.TRENDING, Object[].class).setParameter("since", since)
                .setMaxResults(Math.max(1, Math.min(limit, 50))).getResultList().stream()
                .map(r -> new Trend((String) r[0], (Long) r[1])).toList();
    }

    private Optional<Follow> follow(Employee follower, Employee followed) {
        return em.createNamedQuery(Follow.OF, Follow.class).setParameter("follower", follower.getId())
                .setParameter("followed", followed.getId()).getResultStream().findFirst();
    }

    private Optional<TopicFollow> topic(Employee employee, String key) {
        return em.createNamedQuery(TopicFollow.OF, TopicFollow.class).setParameter("employee", employee.getId())
                .setParameter("tag", key).getResultStream().findFirst();
    }

    private Employee actor(String username) {
        Employee employee = people.find(username).orElseThrow(() -> new IllegalArgumentException("No employee " + username));
        if (!employee.isActive()) {
            throw new IllegalStateException(username + " no longer works here");
        }
        return employee;
    }

}
