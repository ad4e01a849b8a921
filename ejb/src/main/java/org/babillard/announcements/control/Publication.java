package org.babillard.announcements.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.announcements.boundary.MustReadMessage;
import org.babillard.announcements.entity.Announcement;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Sends an announcement out, inside the caller's transaction: marks it published, writes its recipients with one
 * INSERT ... SELECT that resolves the audience in the database (departments, sites, channel members, and a
 * manager's reports at any depth through a recursive query), then fires {@link MustReadMessage} for a must-read
 * announcement and {@link AnnouncementOut} for the live banner; both are observed after the commit.
 */
@Dependent
public class Publication {

    /**
     * Active employees in the audience of announcement ?1. The manager part walks down the reporting lines from
     * every target manager, 50 levels deep at most, so that a loop in the directory's manager data ends the walk
     * (H2 does not stop a UNION at rows it has already seen, PostgreSQL does; the depth bound works on both). The WITH
     * clause heads the INSERT's query, not a subquery: H2 2.2 mis-binds parameters of a CTE inside a subquery.
     */
    static final String RECIPIENTS = """
            INSERT INTO announcement_recipient (announcement_id, employee_id, department, site)
            WITH RECURSIVE reports (id, dn, depth) AS (
                SELECT r.id, LOWER(r.directory_dn), 1 FROM employee r
                WHERE LOWER(r.manager_dn) IN (SELECT t.name FROM announcement_audience t
                                              WHERE t.announcement_id = ?1 AND t.kind = 'MANAGER')
                UNION ALL
                SELECT x.id, LOWER(x.directory_dn), p.depth + 1 FROM employee x JOIN reports p ON LOWER(x.manager_dn) = p.dn
                WHERE p.depth < 50)
            SELECT ?1, e.id, e.department, e.site FROM employee e
            WHERE e.active = TRUE AND (
              EXISTS (SELECT 1 FROM announcement_audience t WHERE t.announcement_id = ?1 AND (
                  t.kind = 'EVERYONE'
                  OR (t.kind = 'DEPARTMENT' AND t.name = e.department)
                  OR (t.kind = 'SITE' AND t.name = e.site)
                  OR (t.kind = 'CHANNEL' AND EXISTS (SELECT 1 FROM channel_member m
                                                     WHERE m.channel_id = t.channel_id AND m.employee_id = e.id))))
              OR e.id IN (SELECT id FROM reports))""";

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<MustReadMessage> mustRead;

    @Inject
    Event<AnnouncementOut> out;

    /** Sends it out now, unless it already went (the caller holds a lock on it). */
    public void goOut(Announcement announcement, Instant now) {
        if (announcement.isPublished()) {
            return;
        }
        announcement.published(now);
        em.flush();
        em.createNativeQuery(RECIPIENTS).setParameter(1, announcement.getId()).executeUpdate();
        List<String> recipients = em.createQuery(
                "select e.username from Recipient r join r.employee e where r.announcementId = :a order by e.username",
                String.class).setParameter("a", announcement.getId()).getResultList();
        if (announcement.isMustRead() && !recipients.isEmpty()) {
            mustRead.fire(message(announcement, MustReadMessage.Kind.PUBLISHED, recipients));
        }
        out.fire(new AnnouncementOut(announcement.getId(), announcement.isMustRead(), recipients));
    }

    /**
     * Reminds, once, the recipients of a must-read announcement who have not acknowledged it.
     *
     * @return how many were reminded
     */
    public int remind(Announcement announcement, Instant now) {
        List<String> pending = em.createQuery("""
                select e.username from Recipient r join r.employee e
                where r.announcementId = :a and r.acknowledgedAt is null and r.remindedAt is null and e.leftAt is null
                order by e.username""", String.class).setParameter("a", announcement.getId()).getResultList();
        em.createNativeQuery("""
                UPDATE announcement_recipient SET reminded_at = ?1
                WHERE announcement_id = ?2 AND acknowledged_at IS NULL AND reminded_at IS NULL""")
                .setParameter(1, now.atOffset(ZoneOffset.UTC)).setParameter(2, announcement.getId()).executeUpdate();
        if (!pending.isEmpty()) {
            mustRead.fire(message(announcement, MustReadMessage.Kind.REMINDER, pending));
        }
        return pending.size();
    }

    private MustReadMessage message(Announcement a, MustReadMessage.Kind kind, List<String> recipients) {
        return new MustReadMessage(a.getId(), kind, a.getTitleFr(), a.getBodyFr(), a.getTitleEn(), a.getBodyEn(),
                "news.xhtml?a=" + a.getId(), recipients);
    }
}
