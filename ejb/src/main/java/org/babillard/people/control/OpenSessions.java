package org.babillard.people.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.servlet.http.HttpSession;
import org.babillard.people.boundary.PeopleLeft;
import org.babillard.people.boundary.RolesChanged;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The web sessions of logged-in people on this server, so that a person who leaves the company (the directory
 * sync no longer finds them) is logged out everywhere at once. Node-local: each server of a cluster ends the
 * sessions it holds.
 */
@ApplicationScoped
public class OpenSessions {

    private static final Logger LOG = Logger.getLogger(OpenSessions.class.getName());

    private final Map<String, Set<HttpSession>> byPerson = new ConcurrentHashMap<>();

    public void loggedIn(String username, HttpSession session) {
        byPerson.computeIfAbsent(username, u -> ConcurrentHashMap.newKeySet()).add(session);
    }

    public void ended(HttpSession session) {
        byPerson.values().forEach(sessions -> sessions.remove(session));
        byPerson.values().removeIf(Set::isEmpty);
    }

    /** How many sessions this person has open here. */
    public int count(String username) {
        return byPerson.getOrDefault(username, Set.of()).size();
    }

    void left(@Observes(during = TransactionPhase.AFTER_SUCCESS) PeopleLeft event) {
        endAll(event.usernames(), "no longer in the directory");
    }

    /** New roles take effect at the next login: the sessions holding the old ones end. */
    void rolesChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RolesChanged event) {
        endAll(event.usernames(), "roles changed in the directory");
    }

    private void endAll(Set<String> usernames, String why) {
        for (String username : usernames) {
            Set<HttpSession> sessions = byPerson.remove(username);
            if (sessions != null) {
                sessions.forEach(OpenSessions::end);
                LOG.info(() -> "Logged out " + username + " (" + sessions.size() + " sessions): " + why);
            }
        }
    }

    private static void end(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyEnded) {
            // ended meanwhile
        }
    }
}
