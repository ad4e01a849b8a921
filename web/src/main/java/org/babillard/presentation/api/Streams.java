package org.babillard.presentation.api;

import org.babillard.presentation.Jsonp;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.babillard.api.boundary.Accounts;
import org.babillard.live.control.LiveUpdates;
import org.babillard.notifications.boundary.NotificationView;
import org.babillard.notifications.boundary.Notifications;
import org.babillard.platform.boundary.Refused;
import org.babillard.polls.boundary.Polls;
import org.babillard.posts.control.Markup;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelineEntry;

import java.io.StringReader;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open streams of Mastodon's streaming API (server-sent events). It listens to the same live signals as the web
 * pages (LiveUpdates); for each new post it reads the post again as each stream's owner (Timeline, so
 * Visibility.READABLE) and sends it only to those who may read it, as an {@code update} event; a bell signal becomes a
 * {@code notification} event; an edited post a {@code status.update}, and a deleted one a {@code delete} (its id) to
 * the streams whose owner could read it. Server-sent events (StreamingServlet) and WebSocket (StreamingSocket) alike.
 * Node-local, like the web pages' push.
 */
@ApplicationScoped
public class Streams {

    private static final Logger LOG = Logger.getLogger(Streams.class.getName());

    /** What a stream follows: the owner's home, the company (public), a hashtag, or a list (channel). */
    enum Kind { USER, PUBLIC, HASHTAG, LIST }

    /** Where a stream's events go: the open response of one client. */
    interface Emitter {
        /** Sends an event (or, with a null name, a comment); false once the client has gone. */
        boolean send(String name, String data);

        void close();
    }

    record Stream(String username, Kind kind, String parameter, Emitter emitter, String base) {
    }

    private final List<Stream> streams = new CopyOnWriteArrayList<>();
    private final BiConsumer<String, Collection<String>> listener = this::signal;

    @Inject
    LiveUpdates live;

    @Inject
    Timeline timeline;

    @Inject
    Notifications notifications;

    @Inject
    Accounts accounts;

    @Inject
    Polls polls;

    @Resource
    ManagedExecutorService executor;

    @Resource
    jakarta.enterprise.concurrent.ManagedScheduledExecutorService scheduler;

    private java.util.concurrent.ScheduledFuture<?> heartbeats;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        live.register(listener);
        heartbeats = scheduler.scheduleAtFixedRate(this::heartbeat, 30, 30, java.util.concurrent.TimeUnit.SECONDS);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        live.unregister(listener);
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        streams.forEach(s -> s.emitter().close());
        streams.clear();
    }

    void open(Stream stream) {
        streams.add(stream);
        // A first comment, so that the client knows the stream is open (Mastodon sends ":)").
        send(stream, null, ")");
    }

    /** The client unsubscribed from this stream (the connection may carry others). */
    void close(Stream stream) {
        streams.remove(stream);
    }

    /** Sends a comment to every stream now and then, so that proxies keep them open and closed ones are found. */
    void heartbeat() {
        streams.forEach(s -> send(s, null, "thump"));
    }

    private void signal(String json, Collection<String> users) {
        if (streams.isEmpty()) {
            return;
        }
        Set<String> audience = Set.copyOf(users);
        executor.execute(() -> deliver(json, audience));
    }

    private void deliver(String json, Set<String> audience) {
        try {
            JsonObject signal = Jsonp.createReader(new StringReader(json)).readObject();
            String type = signal.getString("type", "");
            if (type.equals("post")) {
                post(signal.getJsonNumber("id").longValue(), audience, "update");
            } else if (type.equals("edited")) {
                post(signal.getJsonNumber("id").longValue(), audience, "status.update");
            } else if (type.equals("deleted")) {
                deleted(signal.getJsonNumber("id").longValue(), audience);
            } else if (type.equals("bell")) {
                bell(audience);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A streaming event could not be delivered", e);
        }
    }

    private void post(long id, Set<String> audience, String event) {
        for (Stream s : streams) {
            // A home stream hears what its owner's home would show; the others ask for every post, as their owner.
            if (s.kind() == Kind.USER && !audience.contains(s.username())) {
                continue;
            }
            TimelineEntry entry;
            try {
                entry = timeline.entry(s.username(), id);
            } catch (Refused | RuntimeException notReadable) {
                continue;
            }
            boolean wanted = switch (s.kind()) {
                case USER -> true;
                case PUBLIC -> entry.threadId() == null;
                case HASHTAG -> Markup.hashtags(entry.text()).contains(Markup.tag(s.parameter()));
                case LIST -> entry.channel() != null && String.valueOf(entry.channel().id()).equals(s.parameter());
            };
            if (wanted) {
                send(s, event, status(s, entry).toString());
            }
        }
    }

    /** A deleted post's id goes to the streams whose owner could read it (a home stream: if it was for their home). */
    private void deleted(long id, Set<String> audience) {
        for (Stream s : streams) {
            if (s.kind() == Kind.USER && !audience.contains(s.username())) {
                continue;
            }
            boolean couldRead;
            try {
                couldRead = timeline.couldRead(s.username(), id);
            } catch (RuntimeException gone) {
                couldRead = false;
            }
            if (couldRead) {
                send(s, "delete", String.valueOf(id));
            }
        }
    }

    private void bell(Set<String> audience) {
        for (Stream s : streams) {
            if (s.kind() != Kind.USER || !audience.contains(s.username())) {
                continue;
            }
            List<NotificationView> latest = notifications.list(s.username(), null, 1);
            if (latest.isEmpty()) {
                continue;
            }
            NotificationView n = latest.get(0);
            JsonObject status = null;
            if (n.postId() != null) {
                try {
                    status = status(s, timeline.entry(s.username(), n.postId()));
                } catch (Refused | RuntimeException gone) {
                    // The post is gone or unreadable: the notification goes without it.
                }
            }
            MastodonJson json = new MastodonJson(s.base(), accounts.views(List.of(n.actorUsername())), Map.of());
            send(s, "notification", json.notification(n, status).toString());
        }
    }

    private JsonObject status(Stream s, TimelineEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        names.add(entry.authorUsername());
        names.addAll(Markup.mentions(entry.text()));
        if (entry.shared() != null) {
            names.add(entry.shared().authorUsername());
        }
        MastodonJson json = new MastodonJson(s.base(), accounts.views(names), polls.among(s.username(), List.of(entry.id())));
        return json.status(entry);
    }

    private void send(Stream s, String name, String data) {
        boolean sent;
        synchronized (s) {
            sent = s.emitter().send(name, data);
        }
        if (!sent) {
            streams.remove(s);
            s.emitter().close();
        }
    }
}
