package org.babillard.presentation.oauth;

import org.babillard.presentation.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.babillard.api.boundary.OAuthRefused;
import org.babillard.presentation.security.BadInput;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The parameters of an OAuth call, from a form or a JSON body (clients send either), and its JSON answers. */
final class OAuthRequest {

    private final Map<String, String> values = new HashMap<>();

    private OAuthRequest() {
    }

    /**
     * @throws OAuthRefused invalid_request for a form the server could not read (too large, too many fields) or a
     *                      value holding a NUL or half a character (docs/security.md, "Bad input")
     */
    static OAuthRequest of(HttpServletRequest request) throws IOException, OAuthRefused {
        OAuthRequest p = new OAuthRequest();
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/json")) {
            String body = new String(request.getInputStream().readNBytes(65536), StandardCharsets.UTF_8);
            try {
                JsonObject json = Jsonp.createReader(new StringReader(body)).readObject();
                json.forEach((k, v) -> p.values.put(k, v.getValueType() == JsonValue.ValueType.STRING
                        ? json.getString(k) : v.toString()));
            } catch (RuntimeException e) {
                // Not JSON: every parameter is missing, and the answer says which one first.
            }
        } else {
            try {
                request.getParameterMap().forEach((k, v) -> p.values.put(k, v.length == 0 ? null : v[0]));
            } catch (RuntimeException e) {
                throw new OAuthRefused("invalid_request", "The form could not be read (too large, or too many fields)");
            }
        }
        for (Map.Entry<String, String> e : p.values.entrySet()) {
            if (BadInput.unstorable(e.getKey()) || BadInput.unstorable(e.getValue())) {
                throw new OAuthRefused("invalid_request", e.getKey() + " holds a NUL or half a character");
            }
        }
        return p;
    }

    /** The call's parameters, or null when they are refused: then the refusal has been answered. */
    static OAuthRequest readOrRefuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            return of(request);
        } catch (OAuthRefused e) {
            refuse(response, e);
            return null;
        }
    }

    String get(String name) {
        return values.get(name);
    }

    static void json(HttpServletResponse response, int status, JsonObject json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.getWriter().write(json.toString());
    }

    static void refuse(HttpServletResponse response, OAuthRefused e) throws IOException {
        json(response, e.status(), Jsonp.createObjectBuilder().add("error", e.error())
                .add("error_description", e.getMessage()).build());
    }

    static String base(HttpServletRequest request) {
        String configured = System.getProperty("babillard.base-url");
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured : configured + "/";
        }
        StringBuilder url = new StringBuilder(request.getScheme()).append("://").append(request.getServerName());
        int port = request.getServerPort();
        if (!(request.getScheme().equals("http") && port == 80) && !(request.getScheme().equals("https") && port == 443)) {
            url.append(':').append(port);
        }
        return url.append(request.getContextPath()).append('/').toString();
    }
}
