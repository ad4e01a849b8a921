package org.babillard.announcements.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.babillard.announcements.control.Publication;
import org.babillard.announcements.entity.Announcement;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What the clock does to announcements: sends out the scheduled ones whose time has come, and reminds the
 * recipients of must-read ones who have not acknowledged them after {@code babillard.announcements.reminder-hours}
 * (default 24; 0 turns reminders off), once each. Each announcement is locked while it is handled, so that two
 * nodes (or two runs) never send it or remind its readers twice.
 */
@Stateless
public class AnnouncementDispatch {

    public static final String REMINDER_HOURS = "babillard.announcements.reminder-hours";

    @PersistenceContext
    EntityManager em;

    @Inject
    Publication publication;

    /** @return how many announcements went out */
    public int releaseDue(Instant now) {
        List<Long> due = em.createQuery("select a.id from Announcement a where a.publishedAt is null and a.publishAt <= :now "
                + "order by a.publishAt", Long.class).setParameter("now", now.atOffset(ZoneOffset.UTC)).getResultList();
        int released = 0;
        for (Long id : due) {
            Announcement a = em.find(Announcement.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (a != null && !a.isPublished()) {
                publication.goOut(a, now);
                released++;
            }
        }
        return released;
    }

    /** @return how many people were reminded */
    public int remindDue(Instant now) {
        double hours = reminderHours();
        if (hours <= 0) {
            return 0;
        }
        Instant cutoff = now.minus(Duration.ofMinutes(Math.round(hours * 60)));
        // Native SQL: EclipseLink may inline a boolean parameter as 1, which H2 and PostgreSQL refuse.
        List<Long> due = ((List<?>) em.createNativeQuery("""
                SELECT a.id FROM announcement a WHERE a.must_read = TRUE AND a.published_at IS NOT NULL
                  AND a.published_at <= ?1 AND (a.expires_at IS NULL OR a.expires_at > ?2)
                  AND EXISTS (SELECT 1 FROM announcement_recipient r WHERE r.announcement_id = a.id
                              AND r.acknowledged_at IS NULL AND r.reminded_at IS NULL)
                ORDER BY a.id""").setParameter(1, cutoff.atOffset(ZoneOffset.UTC)).setParameter(2, now.atOffset(ZoneOffset.UTC))
                .getResultList()).stream().map(n -> ((Number) n).longValue()).toList();
        int reminded = 0;
        for (Long id : due) {
            Announcement a = em.find(Announcement.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (a != null) {
                reminded += publication.remind(a, now);
            }
        }
        return reminded;
    }

    /** The configured delay before a reminder, in hours (fractions allowed, for trials). */
    public double reminderHours() {
        try {
            return Double.parseDouble(System.getProperty(REMINDER_HOURS, "24"));
        } catch (NumberFormatException e) {
            return 24;
        }
    }
}
