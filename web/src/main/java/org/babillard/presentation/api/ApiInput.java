package org.babillard.presentation.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.babillard.presentation.security.BadInput;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The body of an API call, checked before any resource reads it (docs/security.md, "Bad input"): JSON, a form or
 * multipart only (415 otherwise), at most {@link #MAX_BODY} bytes for JSON and forms (413), valid UTF-8 with whole
 * percent-escapes (400), at most {@link BadInput#MOST_FIELDS} form fields (400). Multipart bodies (media) are the
 * server's and {@link MediaResource}'s to limit. The query string was checked by {@code WebHardening} already.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class ApiInput implements ContainerRequestFilter {

    /** The largest JSON or form body: a status is a few thousand characters, a poll a few options. */
    static final int MAX_BODY = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        // Not hasEntity(): a client waiting for "100 Continue" has sent nothing yet, and must be answered first.
        boolean chunked = "chunked".equalsIgnoreCase(request.getHeaderString("Transfer-Encoding"));
        if (request.getLength() <= 0 && !chunked) {
            return;
        }
        MediaType type = request.getMediaType();
        boolean json = type != null && type.getType().equals("application")
                && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
        // No type at all: read as a form, as Mastodon's clients (and curl -d) mean it.
        boolean form = type == null || type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        if (type != null && type.getType().equals("multipart")) {
            // Media: the server reads at most max-post-size; a longer upload is told so before it is sent.
            if (request.getLength() > BadInput.maxPostBytes()) {
                refuse(request, 413, "badInput.tooLarge");
            }
            return;
        }
        if (request.getLength() > MAX_BODY) {
            refuse(request, 413, "badInput.tooLarge");
            return;
        }
        byte[] body;
        try (InputStream in = request.getEntityStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            if (ApiErrors.tooLarge(e)) {
                refuse(request, 413, "badInput.tooLarge");
                return;
            }
            throw e;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        if (body.length == 0) {
            return;
        }
        if (!json && !form) {
            refuse(request, 415, "badInput.contentType");
            return;
        }
        if (body.length > MAX_BODY) {
            refuse(request, 413, "badInput.tooLarge");
            return;
        }
        String charset = type == null ? null : type.getParameters().get("charset");
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            refuse(request, 415, "badInput.contentType");
            return;
        }
        if (BadInput.utf8(body) == null) {
            refuse(request, 400, "badInput.encoding");
            return;
        }
        if (form) {
            var fields = BadInput.decodeForm(new String(body, StandardCharsets.ISO_8859_1));
            if (fields.isEmpty()) {
                refuse(request, 400, "badInput.encoding");
                return;
            }
            if (fields.get().size() > BadInput.MOST_FIELDS) {
                refuse(request, 400, "badInput.tooManyFields");
                return;
            }
        }
    }

    private static void refuse(ContainerRequestContext request, int status, String key) {
        Locale language = BadInput.locale(request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
        request.abortWith(new ApiError(status, BadInput.text(language, key)).getResponse());
    }
}
