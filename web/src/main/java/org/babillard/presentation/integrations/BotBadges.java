package org.babillard.presentation.integrations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.babillard.integrations.boundary.Bots;

import java.time.Clock;
import java.util.Set;

/**
 * Which authors are bots, for the "bot" badge beside their name on every post. Bots are few and rarely created:
 * the set is read again at most every 30 seconds, and at once on this node when a bot is created here.
 */
@Named
@ApplicationScoped
public class BotBadges {

    private static final long REFRESH_MILLIS = 30_000;

    @Inject
    Bots bots;

    private volatile Set<String> usernames;
    private volatile long readAt;

    public boolean isBot(String username) {
        long now = Clock.systemUTC().millis();
        Set<String> known = usernames;
        if (known == null || now - readAt > REFRESH_MILLIS) {
            known = bots.usernames();
            usernames = known;
            readAt = now;
        }
        return username != null && known.contains(username);
    }

    /** A bot was created or deleted here: read the set again at the next question. */
    public void changed() {
        usernames = null;
    }
}
