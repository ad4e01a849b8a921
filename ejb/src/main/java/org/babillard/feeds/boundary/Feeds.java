package org.babillard.feeds.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.feeds.entity.FeedToken;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.Employee;
import org.babillard.platform.entity.SecretToken;

import java.time.Clock;
import java.util.Optional;

/**
 * The secret tokens of the Atom feeds. A feed reader cannot log in, so every feed address carries its owner's
 * token and the feed shows what that owner may read; the owner revokes or renews it, and it stops working when
 * they leave the company.
 */
@Stateless
public class Feeds {

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    Clock clock = Clock.systemUTC();

    /** The person's feed token, or empty when they have none (nothing is made). */
    public Optional<String> token(String username) {
        return people.find(username).map(e -> em.find(FeedToken.class, e.getId())).map(FeedToken::getToken);
    }

    /** Gives the person a new feed token: the addresses made with the former one stop working. */
    public Optional<String> renew(String username) {
        Optional<Employee> owner = people.find(username).filter(Employee::isActive);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        FeedToken former = em.find(FeedToken.class, owner.get().getId());
        if (former != null) {
            em.remove(former);
            em.flush();
        }
        FeedToken token = new FeedToken(owner.get().getId(), SecretToken.random(), clock.instant());
        em.persist(token);
        return Optional.of(token.getToken());
    }

    /** Revokes the person's feed token: every feed address they gave out answers "not found". */
    public void revoke(String username) {
        people.find(username).map(e -> em.find(FeedToken.class, e.getId())).ifPresent(em::remove);
    }

    /** The username whose token this is, if the token exists and its owner still works here. */
    public Optional<String> owner(String token) {
        if (!SecretToken.wellFormed(token)) {
            return Optional.empty();
        }
        return em.createQuery("select t from FeedToken t where t.token = :t", FeedToken.class)
                .setParameter("t", token).getResultStream().findFirst()
                .map(t -> em.find(Employee.class, t.getEmployeeId()))
                .filter(Employee::isActive)
                .map(Employee::getUsername);
    }
}
