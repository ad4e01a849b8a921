package org.babillard.people.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.babillard.people.control.Onboarding;
import org.babillard.people.entity.DirectoryProfile;
import org.babillard.people.entity.Employee;

import org.babillard.people.entity.SearchText;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The employees Babillard knows: their profiles, kept current from the directory, and their preferences. */
@Stateless
public class People {

    public static final Set<String> LANGUAGES = Set.of("fr", "en");
    /** The colour themes a person may choose; having none follows the device's light or dark setting. */
    public static final Set<String> THEMES = Set.of("light", "dark");

    @PersistenceContext
    EntityManager em;

    @Inject
    Onboarding onboarding;

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
            // An erased former employee's profile refuses it (IllegalStateException): their login is no one's.
            known.get().loggedIn(profile, now);
            return known.get();
        }
        Employee created = new Employee(username, profile, now);
        em.persist(created);
        // Someone the sync has not seen yet: if Babillard already knows the company, a newcomer.
        onboarding.firstLogin(created, now);
        return created;
    }

    /** A login, with the roles the directory gave for it. */
    public Employee loggedIn(String username, DirectoryProfile profile, Set<String> roles) {
        Employee employee = loggedIn(username, profile);
        employee.assignRoles(roles);
        return employee;
    }

    /**
     * Colleagues whose name, login, title, department or site hold every word of the query, ignoring case and
     * accents ("helene lyon"); former employees and bots are left out. An empty query lists everyone, by name.
     */
    public List<PersonCard> search(String query, int limit) {
        List<String> words = SearchText.words(query);
        // Only placeholders are put together here; every word is a parameter. "leftAt is null" says "active":
        // with a row limit, EclipseLink's H2 platform writes the boolean literal as 1, which H2 2.x refuses.
        StringBuilder jpql = new StringBuilder("select e from Employee e where e.leftAt is null and e.botSince is null");
        for (int i = 0; i < words.size(); i++) {
            jpql.append(" and e.searchText like :w").append(i).append(" escape '\\'");
        }
        // The search text begins with the name without accents: "Élodie" sorts among the E, not after the Z.
        jpql.append(" order by e.searchText, e.username");
        TypedQuery<Employee> q = em.createQuery(jpql.toString(), Employee.class);
        for (int i = 0; i < words.size(); i++) {
            q.setParameter("w" + i, "%" + escapeLike(words.get(i)) + "%");
        }
        return q.setMaxResults(Math.max(1, Math.min(200, limit))).getResultStream().map(PersonCard::of).toList();
    }

    /** A person's profile with their management chain and direct reports, if Babillard knows them. */
    public Optional<PersonProfile> profile(String username) {
        return find(username).map(person -> new PersonProfile(PersonCard.of(person), person.getMail(), person.getPhone(),
                managersOf(person), reportsOf(person)));
    }

    private List<PersonCard> managersOf(Employee person) {
        List<PersonCard> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(person.getUsername());
        String managerDn = person.getManagerDn();
        // The directory may hold a loop by mistake; a company is rarely deeper than a dozen levels.
        while (managerDn != null && chain.size() < 15) {
            Optional<Employee> manager = byDn(managerDn);
            if (manager.isEmpty() || !seen.add(manager.get().getUsername())) {
                break;
            }
            chain.add(PersonCard.of(manager.get()));
            managerDn = manager.get().getManagerDn();
        }
        return chain;
    }

    private List<PersonCard> reportsOf(Employee person) {
        return em.createNamedQuery(Employee.REPORTS, Employee.class)
                .setParameter("dn", person.getDirectoryDn().toLowerCase(Locale.ROOT))
                .getResultStream().map(PersonCard::of).toList();
    }

    private Optional<Employee> byDn(String dn) {
        return em.createNamedQuery(Employee.FIND_BY_DN, Employee.class)
                .setParameter("dn", dn.toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Remembers the language a person chose ("fr" or "en"). */
    public void chooseLanguage(String username, String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("Unsupported language " + language);
        }
        find(username).ifPresent(e -> e.chooseLanguage(language));
    }

    /** Whether this person should still be offered the welcome page: they never finished or skipped it. */
    public boolean welcomePending(String username) {
        return find(username).filter(e -> !e.isBot()).map(e -> !e.isTourDone()).orElse(false);
    }

    /** The person finished or skipped the welcome page: it is not offered again (the help page still links it). */
    public void tourDone(String username) {
        find(username).ifPresent(e -> e.tourDone(Clock.systemUTC().instant()));
    }

    /**
     * The colleagues a newcomer is suggested to follow, closest first: their manager, then the people who share
     * their manager (their team), then the people who report to them; active people only, never themselves.
     */
    public List<PersonCard> suggestedColleagues(String username, int limit) {
        Optional<Employee> me = find(username);
        if (me.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, Employee> chosen = new java.util.LinkedHashMap<>();
        String managerDn = me.get().getManagerDn();
        if (managerDn != null) {
            String dn = managerDn.toLowerCase(java.util.Locale.ROOT);
            em.createNamedQuery(Employee.FIND_BY_DN, Employee.class).setParameter("dn", dn).getResultStream()
                    .filter(Employee::isActive).findFirst().ifPresent(m -> chosen.put(m.getId(), m));
            em.createNamedQuery(Employee.REPORTS, Employee.class).setParameter("dn", dn).setMaxResults(limit + 2)
                    .getResultStream().forEach(e -> chosen.putIfAbsent(e.getId(), e));
        }
        em.createNamedQuery(Employee.REPORTS, Employee.class)
                .setParameter("dn", me.get().getDirectoryDn().toLowerCase(java.util.Locale.ROOT)).setMaxResults(limit + 1)
                .getResultStream().forEach(e -> chosen.putIfAbsent(e.getId(), e));
        chosen.remove(me.get().getId());
        return chosen.values().stream().filter(e -> e.isActive() && !e.isBot()).limit(Math.max(0, limit))
                .map(PersonCard::of).toList();
    }

    /** Remembers the colour theme a person chose ("light" or "dark"; null follows the device again). */
    public void chooseTheme(String username, String theme) {
        if (theme != null && !THEMES.contains(theme)) {
            throw new IllegalArgumentException("Unsupported theme " + theme);
        }
        find(username).ifPresent(e -> e.chooseTheme(theme));
    }

    /** The version of a person's directory photo (null: none, or no such person), for their avatar. */
    public String photoHash(String username) {
        if (username == null) {
            return null;
        }
        return em.createQuery("select e.photoHash from Employee e where e.username = :username", String.class)
                .setParameter("username", username)
                .getResultList().stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** The versions of these people's photos, by user name, for those who have one (a timeline's authors at once). */
    public java.util.Map<String, String> photoHashes(java.util.Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> hashes = new java.util.HashMap<>();
        em.createQuery("select e.username, e.photoHash from Employee e where e.username in :usernames and e.photoHash is not null",
                        Object[].class)
                .setParameter("usernames", new java.util.HashSet<>(usernames)).getResultList()
                .forEach(row -> hashes.put((String) row[0], (String) row[1]));
        return hashes;
    }
}
