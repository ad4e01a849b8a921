package org.babillard.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.babillard.audit.entity.AuditAction;
import org.babillard.audit.entity.AuditEvent;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The audit log: append-only. {@link #record} joins the caller's transaction, so that a moderation that rolls back
 * leaves no line claiming it happened; logins (which run outside any transaction) get their own.
 * Read by administrators only (the admin pages' constraint), newest first, a page at a time.
 */
@Stateless
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    public void record(AuditAction action, String actor, String target, String detail, String address) {
        em.persist(new AuditEvent(OffsetDateTime.now(Clock.systemUTC()).withOffsetSameInstant(ZoneOffset.UTC), blankToNull(actor),
                action, blankToNull(target), blankToNull(detail), blankToNull(address)));
    }

    public void record(AuditAction action, String actor, String target, String detail) {
        record(action, actor, target, detail, null);
    }

    /** Whether this person logged in from this address since that instant (the login throttle's known addresses). */
    public boolean loggedInFrom(String username, String address, OffsetDateTime since) {
        // A name with control characters is nobody's (and PostgreSQL refuses NUL even as a query parameter).
        if (username == null || username.isBlank() || address == null || address.isBlank()
                || username.chars().anyMatch(Character::isISOControl)) {
            return false;
        }
        return em.createQuery("select count(e) from AuditEvent e where e.actor = :actor and e.action = :action"
                        + " and e.address = :address and e.at > :since", Long.class)
                .setParameter("actor", username.trim()).setParameter("action", AuditAction.LOGIN)
                .setParameter("address", address.trim()).setParameter("since", since).getSingleResult() > 0;
    }

    /**
     * Lines older than {@code beforeId} (null: the newest), optionally of one action and of one person (as actor
     * or target, exact username), newest first.
     */
    public List<AuditEvent> page(AuditAction action, String person, Long beforeId, int limit) {
        StringBuilder jpql = new StringBuilder("select e from AuditEvent e where 1 = 1");
        if (action != null) {
            jpql.append(" and e.action = :action");
        }
        String who = blankToNull(person);
        if (who != null) {
            jpql.append(" and (e.actor = :person or e.target = :person)");
        }
        if (beforeId != null) {
            jpql.append(" and e.id < :before");
        }
        jpql.append(" order by e.id desc");
        TypedQuery<AuditEvent> query = em.createQuery(jpql.toString(), AuditEvent.class);
        if (action != null) {
            query.setParameter("action", action);
        }
        if (who != null) {
            query.setParameter("person", who);
        }
        if (beforeId != null) {
            query.setParameter("before", beforeId);
        }
        return query.setMaxResults(Math.max(1, Math.min(limit, 500))).getResultList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
