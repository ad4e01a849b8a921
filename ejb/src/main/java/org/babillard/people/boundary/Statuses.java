package org.babillard.people.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.control.PostText;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A person's current status ("in a workshop until 3 pm"), shown next to their name. Each person sets and clears
 * their own, and only while they work here. An expired status is never shown: reads compare its expiry with the
 * clock.
 */
@Stateless
public class Statuses {

    /** The longest status, in code points (an emoji counts as one), as posts count them. */
    public static final int LONGEST = 80;

    @Inject
    People people;

    /**
     * Sets the acting person's status, normalized as a post's text is.
     *
     * @param until when it stops showing, or null for "until cleared"
     * @throws Refused INVALID ({@code status.empty}, {@code status.tooLong}, {@code status.control},
     *                 {@code status.past}), NOT_ALLOWED for a former employee, NOT_FOUND for an unknown one
     */
    public Status set(String username, String text, Instant until) throws Refused {
        Employee me = me(username);
        String normalized = PostText.normalize(text);
        Optional<PostText.Verdict> problem = PostText.check(normalized, LONGEST);
        if (problem.isPresent()) {
            throw new Refused(Refused.Reason.INVALID, switch (problem.get().problem()) {
                case EMPTY -> "status.empty";
                case TOO_LONG -> "status.tooLong";
                case CONTROL_CHARACTERS -> "status.control";
            });
        }
        // A status is one line, wherever it shows.
        normalized = normalized.replaceAll("\\s+", " ");
        Instant now = Clock.systemUTC().instant();
        if (until != null && !until.isAfter(now)) {
            throw new Refused(Refused.Reason.INVALID, "status.past");
        }
        // Databases keep micro- or milliseconds; keep what every one of them can give back.
        until = until == null ? null : until.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        me.status(normalized, until);
        return new Status(normalized, until);
    }

    /** Clears the acting person's status. */
    public void clear(String username) throws Refused {
        me(username).clearStatus();
    }

    /** A person's status as it shows now, if any. */
    public Optional<Status> of(String username) {
        return people.find(username).flatMap(this::of);
    }

    /** {@link #of(String)} for an employee already read (the top bar). */
    public Optional<Status> of(Employee employee) {
        Instant now = Clock.systemUTC().instant();
        return Optional.ofNullable(employee.statusAt(now)).map(text -> new Status(text, employee.statusUntilAt(now)));
    }

    private Employee me(String username) throws Refused {
        Employee me = people.find(username).orElseThrow(() -> Refused.notFound("employee " + username));
        if (!me.isActive()) {
            throw Refused.notAllowed(username + " no longer works here");
        }
        return me;
    }
}
