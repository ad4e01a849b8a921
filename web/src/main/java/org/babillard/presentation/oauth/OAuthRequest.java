package org.babillard.presentation.oauth;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.babillard.api.boundary.OAuthRefused;

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

    static OAuthRequest of(HttpServletRequest request) throws IOException {
        OAuthRequest p = new OAuthRequest();
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/json")) {
            String body = new String(request.getInputStream().readNBytes(65536), StandardCharsets.UTF_8);
            try {
                JsonObject json = Json.createReader(new StringReader(body)).readObject();
                json.forEach((k, v) -> p.values.put(k, v.getValueType() == JsonValue.ValueType.STRING
                        ? json.getString(k) : v.toString()));
            } catch (RuntimeException e) {
                // Not JSON: every parameter is missing, and the answer says which one first.
            }
        } else {
            request.getParameterMap().forEach((k, v) -> p.values.put(k, v.length == 0 ? null : v[0]));
        }
        return p;
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
        json(response, e.status(), Json.createObjectBuilder().add("error", e.error())
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
