package org.babillard.live.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The seam between the business, which decides who should hear of something, and the open pages that hear it.
 * The web module registers its Faces push channel here at start-up; a clustered deployment registers a relay
 * through Jakarta Messaging instead, without the business code changing. Messages are small JSON signals that
 * never carry content: a page that hears one asks the server for what its reader may see.
 */
@ApplicationScoped
public class LiveUpdates {

    private static final Logger LOG = Logger.getLogger(LiveUpdates.class.getName());

    private final List<BiConsumer<String, Collection<String>>> listeners = new CopyOnWriteArrayList<>();

    /** @param listener receives a JSON message and the logins of the people who should receive it */
    public void register(BiConsumer<String, Collection<String>> listener) {
        listeners.add(listener);
    }

    public void unregister(BiConsumer<String, Collection<String>> listener) {
        listeners.remove(listener);
    }

    public void send(String json, Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return;
        }
        for (BiConsumer<String, Collection<String>> listener : listeners) {
            try {
                listener.accept(json, usernames);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A live update could not be delivered", e);
            }
        }
    }
}
