package org.babillard.mail.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.mail.control.MailConfig;
import org.babillard.mail.control.Tokens;
import org.babillard.mail.entity.MailPreference;
import org.babillard.mail.entity.MailToken;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;

import java.time.Clock;
import java.time.Instant;

/**
 * Each person's own mail settings: how they hear from Babillard, their quiet hours, text messages, and their
 * secret posting address. Everyone reads and changes only their own.
 */
@Stateless
public class MailPreferences {

    @PersistenceContext
    EntityManager em;

    @Inject
    MailConfig config;

    public MailSettings of(String username) throws Refused {
        Employee e = employee(username);
        MailPreference p = em.find(MailPreference.class, e.getId());
        if (p == null) {
            p = MailPreference.defaults(e.getId());
        }
        String posting = postingToken(e);
        return new MailSettings(p.getDelivery(), p.getQuietFrom(), p.getQuietUntil(), p.isSms(), e.getMail(),
                blankToNull(e.getPhone()), posting == null ? null : config.tokenAddress(posting), config.digestHour());
    }

    /**
     * @throws Refused INVALID when quiet hours are outside 0-23, or only one of them is given
     */
    public MailSettings choose(String username, MailPreference.Delivery delivery, Integer quietFrom, Integer quietUntil,
                               boolean sms) throws Refused {
        Employee e = employee(username);
        if ((quietFrom == null) != (quietUntil == null) || outOfDay(quietFrom) || outOfDay(quietUntil)) {
            throw new Refused(Refused.Reason.INVALID, "mail.quietHours");
        }
        MailPreference p = em.find(MailPreference.class, e.getId());
        if (p == null) {
            p = MailPreference.defaults(e.getId());
            em.persist(p);
        }
        p.choose(delivery, quietFrom, quietUntil, sms);
        em.flush();
        return of(username);
    }

    /** A new secret posting address for the person; the one they had stops working. @return the address */
    public String newPostingAddress(String username) throws Refused {
        Employee e = employee(username);
        Instant now = Clock.systemUTC().instant();
        revokeAll(e, now);
        MailToken token = new MailToken(Tokens.fresh(), e, MailToken.Kind.POSTING, null, now);
        em.persist(token);
        return config.tokenAddress(token.getToken());
    }

    /** The person's posting address stops working; mails to it are refused. */
    public void revokePostingAddress(String username) throws Refused {
        revokeAll(employee(username), Clock.systemUTC().instant());
    }

    private void revokeAll(Employee e, Instant now) {
        em.createNamedQuery(MailToken.POSTING_OF, MailToken.class).setParameter("owner", e.getId())
                .getResultList().forEach(t -> t.revoke(now));
    }

    private String postingToken(Employee e) {
        return em.createNamedQuery(MailToken.POSTING_OF, MailToken.class).setParameter("owner", e.getId())
                .getResultStream().findFirst().map(MailToken::getToken).orElse(null);
    }

    private Employee employee(String username) throws Refused {
        return em.createNamedQuery(Employee.FIND_BY_USERNAME, Employee.class).setParameter("username", username)
                .getResultStream().filter(Employee::isActive).findFirst()
                .orElseThrow(() -> Refused.notFound("employee " + username));
    }

    private static boolean outOfDay(Integer hour) {
        return hour != null && (hour < 0 || hour > 23);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
