package org.babillard.people.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.people.entity.DirectoryProfile;
import org.babillard.people.entity.Employee;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/** The employees Babillard knows: their profiles, kept current from the directory, and their preferences. */
@Stateless
public class People {

    public static final Set<String> LANGUAGES = Set.of("fr", "en");

    @PersistenceContext
    EntityManager em;

    public Optional<Employee> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(Employee.FIND_BY_USERNAME, Employee.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    /** Creates the profile at a first login, or refreshes it from the directory at a later one. */
    public Employee loggedIn(String username, DirectoryProfile profile) {
        var now = Clock.systemUTC().instant();
        Optional<Employee> known = find(username);
        if (known.isPresent()) {
            known.get().loggedIn(profile, now);
            return known.get();
        }
        Employee created = new Employee(username, profile, now);
        em.persist(created);
        return created;
    }

    /** Remembers the language a person chose ("fr" or "en"). */
    public void chooseLanguage(String username, String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("Unsupported language " + language);
        }
        find(username).ifPresent(e -> e.chooseLanguage(language));
    }
}
