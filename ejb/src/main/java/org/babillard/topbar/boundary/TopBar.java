package org.babillard.topbar.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.babillard.announcements.boundary.Announcements;
import org.babillard.channels.boundary.Channels;
import org.babillard.notifications.boundary.Notifications;
import org.babillard.people.boundary.People;
import org.babillard.people.boundary.Statuses;
import org.babillard.people.entity.Employee;

import java.util.Optional;

/**
 * The top bar's look-ups in one call: every page shows the reader's name, photo, bell, channels' count, must-read
 * banner and status, and each was its own transaction that found the reader again by name (six of them, a tenth of a home
 * page's CPU at 1,000,000 posts: docs/benchmarks.md). Here the reader is found once and the counts share one
 * transaction. The rules are the components' own ({@link Notifications#unread(Employee)},
 * {@link Channels#unreadTotal(Employee)}, {@link Announcements#pendingMustRead(String)}, {@link Statuses#of(Employee)}).
 */
@Stateless
public class TopBar {

    @Inject
    People people;

    @Inject
    Notifications notifications;

    @Inject
    Channels channels;

    @Inject
    Announcements announcements;

    @Inject
    Statuses statuses;

    /** The reader's top bar; empty for someone without a profile or who has left (their pages show no counts). */
    public Optional<TopBarState> of(String username) {
        Optional<Employee> found = people.find(username).filter(Employee::isActive);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Employee me = found.get();
        return Optional.of(new TopBarState(me.getDisplayName(), me.getPhotoHash(), notifications.unread(me),
                channels.unreadTotal(me), announcements.pendingMustRead(username), statuses.of(me).orElse(null)));
    }
}
