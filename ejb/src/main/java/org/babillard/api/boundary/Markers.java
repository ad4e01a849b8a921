package org.babillard.api.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.api.entity.Marker;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.Employee;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Where an employee's clients stopped reading: "home" and "notifications", as Mastodon's markers. */
@Stateless
public class Markers {

    public static final Set<String> TIMELINES = Set.of("home", "notifications");

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    public List<Marker> of(String username, Collection<String> timelines) {
        List<String> wanted = timelines.stream().filter(TIMELINES::contains).toList();
        if (wanted.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(Marker.OF, Marker.class).setParameter("employee", employee(username).getId())
                .setParameter("timelines", wanted).getResultList();
    }

    public Marker move(String username, String timeline, long lastReadId) {
        if (!TIMELINES.contains(timeline)) {
            throw new IllegalArgumentException(timeline);
        }
        Employee me = employee(username);
        List<Marker> found = em.createNamedQuery(Marker.OF, Marker.class).setParameter("employee", me.getId())
                .setParameter("timelines", List.of(timeline)).getResultList();
        if (found.isEmpty()) {
            Marker marker = new Marker(me, timeline, lastReadId, Clock.systemUTC().instant());
            em.persist(marker);
            return marker;
        }
        found.get(0).move(lastReadId, Clock.systemUTC().instant());
        return found.get(0);
    }

    private Employee employee(String username) {
        return people.find(username).filter(Employee::isActive).orElseThrow(() -> new IllegalStateException(username));
    }
}
