package org.babillard.presentation.api;

import org.babillard.presentation.Jsonp;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import org.babillard.api.boundary.Caller;
import org.babillard.api.boundary.OAuth;
import org.babillard.channels.boundary.Channels;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mastodon's streaming API over WebSocket, {@code GET /api/v1/streaming} upgraded: the token as the
 * {@code Sec-WebSocket-Protocol} (what masto.js sends), a bearer header, or the {@code access_token} parameter;
 * a first stream with {@code ?stream=user|public|hashtag&tag=|list&list=}, more with
 * {@code {"type":"subscribe","stream":"hashtag","tag":"x"}} and {@code unsubscribe}. Events go as Mastodon sends
 * them, {@code {"stream":["hashtag","x"],"event":"update","payload":"<the status as JSON>"}}, through the same
 * {@link Streams} as the server-sent events: each post read again as the connection's owner.
 */
@ServerEndpoint(value = "/api/v1/streaming", configurator = StreamingSocket.Handshake.class)
public class StreamingSocket {

    private static final String TOKEN = "babillard.token";
    private static final String BASE = "babillard.base";
    private static final int LARGEST_MESSAGE = 4096;
    private static final int MOST_SUBSCRIPTIONS = 50;

    /** Takes the token from the handshake and answers the token itself as the chosen subprotocol, as Mastodon does. */
    public static class Handshake extends ServerEndpointConfig.Configurator {

        @Override
        public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
            return requested.isEmpty() ? "" : requested.get(0);
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            // Since WebSocket 2.1 these user properties are this connection's own copy.
            String token = BearerAuthentication.token(first(request.getHeaders(), "Authorization"));
            if (token == null) {
                token = first(request.getHeaders(), "Sec-WebSocket-Protocol");
                token = token == null ? null : token.split(",")[0].strip();
            }
            if (token == null) {
                token = first(request.getParameterMap(), "access_token");
            }
            if (token != null) {
                config.getUserProperties().put(TOKEN, token);
            }
            String host = first(request.getHeaders(), "Host");
            String configured = System.getProperty("babillard.base-url");
            config.getUserProperties().put(BASE, configured != null && !configured.isBlank()
                    ? (configured.endsWith("/") ? configured : configured + "/")
                    : (request.getRequestURI().getScheme() != null && request.getRequestURI().getScheme().endsWith("s") ? "https://" : "http://")
                    + (host == null ? "localhost" : host) + "/");
        }

        private static String first(Map<String, List<String>> values, String name) {
            for (Map.Entry<String, List<String>> e : values.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final Map<String, Streams.Stream> subscriptions = new ConcurrentHashMap<>();
    private Session session;
    private String me;
    private String base;

    @OnOpen
    public void open(Session session) throws IOException {
        this.session = session;
        session.setMaxTextMessageBufferSize(LARGEST_MESSAGE);
        String token = (String) session.getUserProperties().get(TOKEN);
        Optional<Caller> caller = token == null ? Optional.empty() : CDI.current().select(OAuth.class).get().authenticate(token);
        if (caller.isEmpty() || !caller.get().isEmployee()) {
            refuse(401, "The access token is invalid");
            return;
        }
        if (!caller.get().allows("read:statuses")) {
            refuse(403, "This action is outside the authorized scopes");
            return;
        }
        me = caller.get().username();
        base = (String) session.getUserProperties().get(BASE);
        Map<String, List<String>> query = session.getRequestParameterMap();
        if (query.containsKey("stream")) {
            subscribe(value(query, "stream"), value(query, "tag"), value(query, "list"));
        }
    }

    @OnMessage
    public void message(String text) {
        if (me == null) {
            return;
        }
        JsonObject request;
        try {
            request = Jsonp.createReader(new StringReader(text)).readObject();
        } catch (JsonException | IllegalStateException e) {
            error(400, "Could not parse the message as JSON");
            return;
        }
        String type = request.getString("type", "");
        String stream = request.getString("stream", "");
        String tag = request.containsKey("tag") ? request.get("tag").toString().replaceAll("^\"|\"$", "") : null;
        String list = request.containsKey("list") ? request.get("list").toString().replaceAll("^\"|\"$", "") : null;
        switch (type) {
            case "subscribe" -> subscribe(stream, tag, list);
            case "unsubscribe" -> {
                Streams.Stream s = subscriptions.remove(key(stream, tag, list));
                if (s != null) {
                    streams().close(s);
                }
            }
            default -> error(400, "Unknown message type: " + type);
        }
    }

    @OnClose
    public void closed(Session session) {
        subscriptions.values().forEach(streams()::close);
        subscriptions.clear();
    }

    @OnError
    public void failed(Session session, Throwable error) {
        closed(session);
    }

    private void subscribe(String stream, String tag, String list) {
        Streams.Kind kind;
        String parameter = null;
        JsonArray names;
        switch (stream == null ? "" : stream) {
            case "user", "user:notification" -> {
                kind = Streams.Kind.USER;
                names = Jsonp.createArrayBuilder().add(stream).build();
            }
            case "public", "public:local" -> {
                kind = Streams.Kind.PUBLIC;
                names = Jsonp.createArrayBuilder().add(stream).build();
            }
            case "hashtag", "hashtag:local" -> {
                if (tag == null || tag.isBlank()) {
                    error(400, "Missing tag name parameter");
                    return;
                }
                kind = Streams.Kind.HASHTAG;
                parameter = tag;
                names = Jsonp.createArrayBuilder().add(stream).add(tag).build();
            }
            case "list" -> {
                boolean member = list != null && CDI.current().select(Channels.class).get().list(me).stream()
                        .anyMatch(c -> String.valueOf(c.id()).equals(list) && c.isMember());
                if (!member) {
                    error(404, "Record not found");
                    return;
                }
                kind = Streams.Kind.LIST;
                parameter = list;
                names = Jsonp.createArrayBuilder().add(stream).add(list).build();
            }
            default -> {
                error(400, "Unknown stream type");
                return;
            }
        }
        String key = key(stream, tag, list);
        if (subscriptions.containsKey(key)) {
            return;
        }
        if (subscriptions.size() >= MOST_SUBSCRIPTIONS) {
            error(429, "Too many subscriptions on one connection");
            return;
        }
        Streams.Stream s = new Streams.Stream(me, kind, parameter,
                new Subscription(names, stream.equals("user:notification")), base);
        subscriptions.put(key, s);
        streams().open(s);
    }

    private static String key(String stream, String tag, String list) {
        return stream + "\n" + (tag == null ? "" : tag) + "\n" + (list == null ? "" : list);
    }

    private static String value(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Streams streams() {
        return CDI.current().select(Streams.class).get();
    }

    private void refuse(int status, String message) throws IOException {
        error(status, message);
        session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, message));
    }

    private void error(int status, String message) {
        sendText(Jsonp.createObjectBuilder().add("error", message).add("status", status).build().toString());
    }

    private boolean sendText(String text) {
        if (!session.isOpen()) {
            return false;
        }
        try {
            synchronized (session) {
                session.getBasicRemote().sendText(text);
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    /** One stream the connection subscribed to: its events go out named as the client named the stream. */
    private final class Subscription implements Streams.Emitter {

        private final JsonArray names;
        private final boolean notificationsOnly;

        Subscription(JsonArray names, boolean notificationsOnly) {
            this.names = names;
            this.notificationsOnly = notificationsOnly;
        }

        @Override
        public boolean send(String name, String data) {
            if (name == null) {
                // The server-sent events' comment: over WebSocket a ping keeps proxies open and finds closed connections.
                try {
                    synchronized (session) {
                        session.getBasicRemote().sendPing(ByteBuffer.allocate(0));
                    }
                    return true;
                } catch (IOException | IllegalStateException e) {
                    return false;
                }
            }
            if (notificationsOnly && !name.equals("notification")) {
                return session.isOpen();
            }
            return sendText(Jsonp.createObjectBuilder().add("stream", names).add("event", name).add("payload", data).build().toString());
        }

        @Override
        public void close() {
            subscriptions.values().removeIf(s -> s.emitter() == this);
            try {
                if (session.isOpen()) {
                    session.close();
                }
            } catch (IOException e) {
                // gone already
            }
        }
    }
}
