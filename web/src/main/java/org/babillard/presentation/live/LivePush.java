package org.babillard.presentation.live;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import org.babillard.live.control.LiveUpdates;

import java.util.Collection;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * Carries the business's live signals ({@link LiveUpdates}) to the open pages of the people they concern, through
 * the Faces push channel "babillard" that the page template opens for every logged-in reader. Registered when the
 * web module starts, removed when it stops, so that a redeployment never leaves a stale listener behind.
 */
@ApplicationScoped
public class LivePush {

    static final String CHANNEL = "babillard";

    private static final Logger LOG = Logger.getLogger(LivePush.class.getName());

    @Inject
    LiveUpdates live;

    @Inject
    @Push(channel = CHANNEL)
    PushContext push;

    private final BiConsumer<String, Collection<String>> listener = this::send;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        live.register(listener);
        LOG.fine("Live updates go to the Faces push channel " + CHANNEL);
    }

    @PreDestroy
    void stop() {
        live.unregister(listener);
    }

    private void send(String json, Collection<String> usernames) {
        // A reader with no open page has no socket: Faces sends to the open ones and forgets the others.
        push.send(json, usernames);
    }
}
