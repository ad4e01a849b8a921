package org.babillard.presentation.api;

import org.babillard.presentation.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.babillard.integrations.boundary.Webhooks;
import org.babillard.integrations.control.Secrets;
import org.babillard.platform.boundary.DatabaseOutage;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.PostRejected;
import org.babillard.presentation.security.BadInput;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Incoming webhooks, Slack and Mattermost style: {@code POST /hooks/<secret>} with {@code {"text": "..."}} posts
 * the text into the webhook's channel as its bot. No session and no token: the secret address is the credential.
 * Every refusal is a 4xx with {@code {"error": "..."}}; calls are rate-limited per webhook like the API's per token.
 */
@WebServlet("/hooks/*")
public class IncomingWebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(IncomingWebhookServlet.class.getName());
    /** The largest body read: a post is at most a few thousand characters. */
    static final int MAX_BODY = 64 * 1024;

    @Inject
    transient Webhooks webhooks;

    @Inject
    transient RateLimits.Windows windows;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            error(response, 405, "Use POST with a JSON body {\"text\": \"...\"}");
            return;
        }
        String secret = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        long now = Clock.systemUTC().instant().getEpochSecond();
        long windowStart = now - now % RateLimits.WINDOW_SECONDS;
        int used = windows.count("h" + secret, windowStart);
        response.setHeader("X-RateLimit-Limit", String.valueOf(RateLimits.LIMIT));
        response.setHeader("X-RateLimit-Remaining", String.valueOf(Math.max(0, RateLimits.LIMIT - used)));
        response.setHeader("X-RateLimit-Reset", MastodonJson.time(Instant.ofEpochSecond(windowStart + RateLimits.WINDOW_SECONDS)));
        if (used > RateLimits.LIMIT) {
            response.setHeader("Retry-After", String.valueOf(windowStart + RateLimits.WINDOW_SECONDS - now));
            error(response, 429, "Too many requests");
            return;
        }
        if (!Secrets.wellFormed(secret)) {
            // No webhook has such an address, whatever the body.
            error(response, 404, "No such webhook");
            return;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            error(response, 415, "Content-Type must be application/json");
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            error(response, 413, "The body is larger than " + MAX_BODY + " bytes");
            return;
        }
        if (BadInput.utf8(body) == null) {
            error(response, 400, "The body is not valid UTF-8");
            return;
        }
        String text;
        try (JsonReader reader = Jsonp.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                error(response, 400, "The body must be a JSON object such as {\"text\": \"...\"}");
                return;
            }
            JsonValue t = ((JsonObject) value).get("text");
            if (!(t instanceof JsonString s) || s.getString().isBlank()) {
                error(response, 400, "\"text\" is required: a non-empty string");
                return;
            }
            text = s.getString();
        } catch (JsonException | IllegalStateException e) {
            error(response, 400, "Malformed JSON");
            return;
        }
        try {
            long id = webhooks.receive(secret, text);
            String base = request.getRequestURL().toString();
            base = base.substring(0, base.length() - request.getRequestURI().length()) + request.getContextPath() + "/";
            response.setStatus(200);
            write(response, Jsonp.createObjectBuilder().add("ok", true).add("id", String.valueOf(id))
                    .add("url", base + "post.xhtml?id=" + id).build().toString());
        } catch (Refused e) {
            switch (e.reason()) {
                case NOT_FOUND -> error(response, 404, "No such webhook");
                case ARCHIVED -> error(response, 403, "The channel is archived");
                case NOT_ALLOWED -> error(response, 403, e.detail().startsWith("post in")
                        ? "The bot may not start threads in this channel" : e.detail());
                default -> error(response, 400, e.detail());
            }
        } catch (PostRejected e) {
            error(response, 400, switch (e.problem()) {
                case EMPTY -> "\"text\" is required: a non-empty string";
                case TOO_LONG -> "\"text\" is " + e.length() + " characters long; the limit is " + e.limit();
                case CONTROL_CHARACTERS -> "\"text\" holds control characters";
            });
        } catch (RuntimeException e) {
            if (DatabaseOutage.isCause(e)) {
                // Nothing was stored (the transaction rolled back): the sender may try again shortly.
                LOG.log(Level.WARNING, "Incoming webhook refused: the database cannot be reached ({0})", e.toString());
                response.setHeader("Retry-After", String.valueOf(ApiErrors.RETRY_AFTER_SECONDS));
                error(response, 503, BadInput.text(Locale.ENGLISH, "unavailable.database"));
                return;
            }
            LOG.log(Level.WARNING, "Incoming webhook failed", e);
            error(response, 500, "The post could not be stored; try again later");
        }
    }

    private static void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        write(response, Jsonp.createObjectBuilder().add("ok", false).add("error", message).build().toString());
    }

    private static void write(HttpServletResponse response, String json) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
}
