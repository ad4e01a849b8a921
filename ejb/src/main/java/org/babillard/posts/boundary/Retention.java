package org.babillard.posts.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.audit.boundary.AuditLog;
import org.babillard.audit.entity.AuditAction;
import org.babillard.people.boundary.People;
import org.babillard.posts.control.Visibility;
import org.babillard.posts.entity.Post;
import org.babillard.platform.boundary.Refused;
import org.babillard.platform.boundary.Settings;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Retention (docs/administration.md): every night, posts older than their channel's retention, or the company's
 * default for channels without one and for posts outside channels, are deleted the way their authors would delete
 * them ({@link Posts#expire}). Notebook entries are never deleted: they are their author's own notes. Administrators
 * may also apply it at once from the settings page.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    /** Posts deleted per transaction. */
    static final int BATCH = 200;

    private static final String OUTSIDE_CHANNELS = "select p.id from Post p where p.channel is null"
            + " and p.audience <> :notebook and p.deletedAt is null and p.createdAt < :before and p.id > :after order by p.id";
    private static final String IN_CHANNEL = "select p.id from Post p where p.channel.id = :channel"
            + " and p.deletedAt is null and p.createdAt < :before and p.id > :after order by p.id";

    @PersistenceContext
    EntityManager em;

    @Inject
    Posts posts;

    @Inject
    Settings settings;

    @Inject
    AuditLog audit;

    @Inject
    People people;

    @Inject
    Visibility visibility;

    /** Each night; like the other timers, on every node (two nodes deleting the same post delete it once). */
    @Schedule(hour = "3", minute = "17", persistent = false, info = "retention")
    void nightly() {
        int deleted = deleteExpired();
        if (deleted > 0) {
            audit.record(AuditAction.RETENTION_DELETED, null, null, "retention deleted " + deleted + " posts");
        }
    }

    /**
     * An administrator applies retention now ("apply retention now" on the settings page).
     *
     * @return how many posts were deleted
     * @throws Refused NOT_ALLOWED for anyone but an administrator
     */
    public int applyNow(String adminUsername) throws Refused {
        if (people.find(adminUsername).filter(visibility::isAdmin).isEmpty()) {
            throw Refused.notAllowed("retention");
        }
        int deleted = deleteExpired();
        audit.record(AuditAction.RETENTION_DELETED, adminUsername, null, "retention deleted " + deleted + " posts");
        return deleted;
    }

    private int deleteExpired() {
        Optional<Integer> companyDays = settings.retentionDays();
        OffsetDateTime now = Clock.systemUTC().instant().atOffset(ZoneOffset.UTC);
        int deleted = 0;
        if (companyDays.isPresent()) {
            deleted += deleteAll(OUTSIDE_CHANNELS, null, now.minus(Duration.ofDays(companyDays.get())));
        }
        List<Object[]> channels = em.createQuery("select c.id, c.retentionDays from Channel c", Object[].class).getResultList();
        for (Object[] c : channels) {
            Integer days = c[1] != null ? (Integer) c[1] : companyDays.orElse(null);
            if (days != null) {
                deleted += deleteAll(IN_CHANNEL, (Long) c[0], now.minus(Duration.ofDays(days)));
            }
        }
        int total = deleted;
        if (total > 0) {
            LOG.info(() -> "Retention deleted " + total + " posts");
        }
        return total;
    }

    /** Deletes, batch by batch (one transaction each), the posts the query finds. */
    private int deleteAll(String query, Long channel, OffsetDateTime before) {
        int deleted = 0;
        long after = 0;
        while (true) {
            var q = em.createQuery(query, Long.class).setParameter("before", before).setParameter("after", after);
            if (channel == null) {
                q.setParameter("notebook", Post.Audience.NOTEBOOK);
            } else {
                q.setParameter("channel", channel);
            }
            List<Long> ids = q.setMaxResults(BATCH).getResultList();
            if (ids.isEmpty()) {
                return deleted;
            }
            deleted += posts.expire(ids);
            after = ids.get(ids.size() - 1);
        }
    }
}
