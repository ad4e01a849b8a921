package org.babillard.presentation.api;

import org.babillard.presentation.Jsonp;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.babillard.api.boundary.Caller;
import org.babillard.api.boundary.OAuth;
import org.babillard.channels.boundary.Channels;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * Mastodon's streaming API as server-sent events: {@code /api/v1/streaming/user} (the home and notifications),
 * {@code public}, {@code hashtag?tag=}, {@code list?list=}, and {@code health}. Events: {@code update} (a status) and
 * {@code notification}. An asynchronous servlet, so that an open stream holds no thread; the token comes as a
 * bearer header or, as browsers' EventSource must send it, the {@code access_token} parameter.
 */
@WebServlet(urlPatterns = "/api/v1/streaming/*", asyncSupported = true)
public class StreamingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient OAuth oauth;

    @Inject
    transient Streams streams;

    @Inject
    transient Channels channels;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (path.equals("/health")) {
            response.setContentType("text/plain");
            response.getWriter().write("OK");
            return;
        }
        String token = BearerAuthentication.token(request.getHeader("Authorization"));
        if (token == null) {
            token = request.getParameter("access_token");
        }
        Optional<Caller> caller = token == null ? Optional.empty() : oauth.authenticate(token);
        if (caller.isEmpty() || !caller.get().isEmployee()) {
            error(response, 401, "The access token is invalid");
            return;
        }
        if (!caller.get().allows("read:statuses")) {
            error(response, 403, "This action is outside the authorized scopes");
            return;
        }
        String me = caller.get().username();
        Streams.Kind kind;
        String parameter = null;
        switch (path) {
            case "/user" -> kind = Streams.Kind.USER;
            case "/public", "/public/local" -> kind = Streams.Kind.PUBLIC;
            case "/hashtag", "/hashtag/local" -> {
                kind = Streams.Kind.HASHTAG;
                parameter = request.getParameter("tag");
                if (parameter == null || parameter.isBlank()) {
                    error(response, 422, "Validation failed: tag is required");
                    return;
                }
            }
            case "/list" -> {
                kind = Streams.Kind.LIST;
                parameter = request.getParameter("list");
                String list = parameter;
                if (list == null || channels.list(me).stream().noneMatch(c -> String.valueOf(c.id()).equals(list) && c.isMember())) {
                    error(response, 404, "Record not found");
                    return;
                }
            }
            default -> {
                error(response, 404, "Record not found");
                return;
            }
        }
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("X-Accel-Buffering", "no");
        response.flushBuffer();
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        PrintWriter out = response.getWriter();
        Emitter emitter = new Emitter(async, out);
        async.addListener(emitter);
        streams.open(new Streams.Stream(me, kind, parameter, emitter, OAuthBase.of(request)));
    }

    private static void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(org.babillard.presentation.Jsonp.createObjectBuilder().add("error", message).build().toString());
    }

    /** Writes events to one open response; knows when the client has gone. */
    private static final class Emitter implements Streams.Emitter, AsyncListener {

        private final AsyncContext async;
        private final PrintWriter out;
        private volatile boolean closed;

        Emitter(AsyncContext async, PrintWriter out) {
            this.async = async;
            this.out = out;
        }

        @Override
        public boolean send(String name, String data) {
            if (closed) {
                return false;
            }
            if (name == null) {
                // A comment line alone: a blank line after it would end an empty event, which clients refuse.
                out.write(":" + data + "\n");
            } else {
                out.write("event: " + name + "\n");
                for (String line : data.split("\n", -1)) {
                    out.write("data: " + line + "\n");
                }
                out.write("\n");
            }
            out.flush();
            if (out.checkError()) {
                closed = true;
            }
            return !closed;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                try {
                    async.complete();
                } catch (IllegalStateException alreadyDone) {
                    // The container ended it first.
                }
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            closed = true;
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            closed = true;
        }

        @Override
        public void onError(AsyncEvent event) {
            closed = true;
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // nothing to do
        }
    }
}
