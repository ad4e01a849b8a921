package org.babillard.announcements.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.announcements.boundary.MustReadMessage;
import org.babillard.announcements.entity.Announcement;
import org.babillard.announcements.entity.Recipient;
import org.babillard.people.entity.Employee;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sends an announcement out, inside the caller's transaction: marks it published, writes its recipients with one
 * INSERT ... SELECT that resolves the audience in the database (departments, sites, channel members), adds a
 * manager's reports at any depth (one query per level of the reporting lines), then fires {@link MustReadMessage} for a must-read
 * announcement and {@link AnnouncementOut} for the live banner; both are observed after the commit.
 */
@Dependent
public class Publication {

    /**
     * Active employees in the audience of announcement ?1 through its departments, sites, channels and "everyone":
     * one set-based statement. A manager's reports are added level by level ({@link #reports}): a recursive CTE here
     * was evaluated again for every employee row by H2 (10,000 employees: over 30 s, stopped), and H2 2.2 mis-binds
     * parameters of a CTE in a subquery.
     */
    static final String RECIPIENTS = """
            INSERT INTO announcement_recipient (announcement_id, employee_id, department, site)
            SELECT ?1, e.id, e.department, e.site FROM employee e
            WHERE e.active = TRUE AND e.bot_since IS NULL AND EXISTS (SELECT 1 FROM announcement_audience t WHERE t.announcement_id = ?1 AND (
                  t.kind = 'EVERYONE'
                  OR (t.kind = 'DEPARTMENT' AND t.name = e.department)
                  OR (t.kind = 'SITE' AND t.name = e.site)
                  OR (t.kind = 'CHANNEL' AND EXISTS (SELECT 1 FROM channel_member m
                                                     WHERE m.channel_id = t.channel_id AND m.employee_id = e.id))))""";

    /** How deep the reporting lines are followed, whatever the directory says (a loop must end). */
    static final int DEPTH_LIMIT = 50;
    /** The longest IN list sent at once. */
    private static final int CHUNK = 500;

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
        addReports(announcement);
        em.flush();
        List<String> recipients = em.createQuery(
                "select e.username from Recipient r join r.employee e where r.announcementId = :a order by e.username",
                String.class).setParameter("a", announcement.getId()).getResultList();
        if (announcement.isMustRead() && !recipients.isEmpty()) {
            mustRead.fire(message(announcement, MustReadMessage.Kind.PUBLISHED, recipients));
        }
        out.fire(new AnnouncementOut(announcement.getId(), announcement.isMustRead(), recipients));
    }

    /**
     * Adds the active reports, direct and indirect, of the announcement's target managers who are not recipients
     * already: the reporting lines are walked down one level per query, each DN once, {@value #DEPTH_LIMIT} levels
     * at most.
     */
    private void addReports(Announcement announcement) {
        Set<String> frontier = new HashSet<>(em.createQuery("select t.name from AudienceTarget t where t.announcement.id = :a "
                + "and t.kind = org.babillard.announcements.entity.AudienceTarget.Kind.MANAGER", String.class)
                .setParameter("a", announcement.getId()).getResultList());
        if (frontier.isEmpty()) {
            return;
        }
        Set<Long> present = new HashSet<>(em.createQuery("select r.employeeId from Recipient r where r.announcementId = :a",
                Long.class).setParameter("a", announcement.getId()).getResultList());
        Set<String> seen = new HashSet<>(frontier);
        for (int depth = 0; depth < DEPTH_LIMIT && !frontier.isEmpty(); depth++) {
            Set<String> next = new HashSet<>();
            for (Employee report : reports(frontier)) {
                String dn = report.getDirectoryDn().toLowerCase(Locale.ROOT);
                if (seen.add(dn)) {
                    next.add(dn);
                }
                if (report.isActive() && present.add(report.getId())) {
                    em.persist(new Recipient(announcement.getId(), report));
                }
            }
            frontier = next;
        }
    }

    /** The direct reports of these managers (lower-case DNs), former employees included: the lines go through them. */
    List<Employee> reports(Set<String> managerDns) {
        List<String> all = new ArrayList<>(managerDns);
        List<Employee> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.addAll(em.createQuery("select e from Employee e where lower(e.managerDn) in :dns", Employee.class)
                    .setParameter("dns", all.subList(i, Math.min(all.size(), i + CHUNK))).getResultList());
        }
        return out;
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
