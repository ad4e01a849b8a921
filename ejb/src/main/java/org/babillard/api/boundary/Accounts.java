package org.babillard.api.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.people.entity.Employee;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** People as API accounts, several at once (a page of statuses names its authors in four queries). */
@Stateless
public class Accounts {

    @PersistenceContext
    EntityManager em;

    @jakarta.inject.Inject
    org.babillard.people.boundary.People people;

    public Optional<AccountView> account(String username) {
        return Optional.ofNullable(views(List.of(username)).get(username));
    }

    /** The accounts of these usernames that exist, by username, in the order given. */
    public Map<String, AccountView> views(Collection<String> usernames) {
        Map<String, AccountView> views = new LinkedHashMap<>();
        List<String> wanted = usernames.stream().filter(u -> u != null && !u.isBlank()).distinct().toList();
        if (wanted.isEmpty()) {
            return views;
        }
        List<Employee> employees = em.createQuery("select e from Employee e where e.username in :u", Employee.class)
                .setParameter("u", wanted).getResultList();
        if (employees.isEmpty()) {
            return views;
        }
        List<Long> ids = employees.stream().map(Employee::getId).toList();
        Map<Long, Long> followers = new HashMap<>();
        Map<Long, Long> following = new HashMap<>();
        Map<Long, Long> statuses = new HashMap<>();
        Map<Long, Instant> last = new HashMap<>();
        // Kept by Posts and Following as posts and follows come and go (V22_1, V22_2): counting them here read every
        // post and every follow of the page's authors.
        for (Object[] row : em.createQuery("select e.id, e.publicPosts, e.lastPublicPostAt, e.followersCount, e.followingCount"
                + " from Employee e where e.id in :ids", Object[].class).setParameter("ids", ids).getResultList()) {
            statuses.put((Long) row[0], ((Number) row[1]).longValue());
            if (row[2] != null) {
                last.put((Long) row[0], ((OffsetDateTime) row[2]).toInstant());
            }
            followers.put((Long) row[0], ((Number) row[3]).longValue());
            following.put((Long) row[0], ((Number) row[4]).longValue());
        }
        Map<String, Employee> byName = new HashMap<>();
        employees.forEach(e -> byName.put(e.getUsername(), e));
        Instant now = Clock.systemUTC().instant();
        for (String username : wanted) {
            Employee e = byName.get(username);
            if (e == null) {
                continue;
            }
            Instant created = e.getFirstLogin() != null ? e.getFirstLogin() : now;
            views.put(username, new AccountView(e.getUsername(), e.getDisplayName(), e.getTitle(), e.getDepartment(),
                    e.getSite(), created, followers.getOrDefault(e.getId(), 0L), following.getOrDefault(e.getId(), 0L),
                    statuses.getOrDefault(e.getId(), 0L), last.get(e.getId()), e.getPhotoHash(), e.isActive(),
                    e.statusAt(now), e.isBot()));
        }
        return views;
    }

    /** People whose name, title, department or site hold the words (accents and case ignored), at most {@code limit}. */
    public List<String> search(String query, int limit) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return people.search(query, Math.max(1, Math.min(limit, 80))).stream().map(c -> c.username()).toList();
    }

    /** The usernames who follow (or whom follows) this person, newest first, below the follow id {@code before}. */
    public List<Object[]> follows(String username, boolean followers, Long before, int limit) {
        String jpql = followers
                ? "select f.id, f.follower.username from Follow f where f.followed.username = :u and f.id < :before order by f.id desc"
                : "select f.id, f.followed.username from Follow f where f.follower.username = :u and f.id < :before order by f.id desc";
        return em.createQuery(jpql, Object[].class).setParameter("u", username)
                .setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setMaxResults(Math.max(1, Math.min(limit, 80))).getResultList();
    }

    /** How many people work here, and how many company-wide posts (which everyone may read) there are. */
    public long[] instanceCounts() {
        long users = em.createQuery("select count(e) from Employee e where e.leftAt is null and e.botSince is null", Long.class).getSingleResult();
        long posts = em.createQuery("""
                select count(p) from Post p where p.channel is null and p.deletedAt is null and p.hiddenAt is null
                and p.audience = org.babillard.posts.entity.Post.Audience.COMPANY and p.readableWith is null""", Long.class)
                .getSingleResult();
        return new long[] {users, posts};
    }
}
