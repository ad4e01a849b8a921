package org.babillard.sms.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Sends a text message through the company's HTTP SMS gateway, as configured by system properties:
 * {@code babillard.sms.url} (none: SMS is off), {@code babillard.sms.method} (POST), {@code babillard.sms.body}
 * (a template with {@code {to}} and {@code {text}}), {@code babillard.sms.content-type}
 * ({@code application/json}), {@code babillard.sms.username} and {@code babillard.sms.password} (HTTP Basic), or
 * {@code babillard.sms.authorization} (an Authorization header's value, e.g. "Bearer ..."). Placeholders are
 * escaped for the body's type (JSON string, form or URL encoding), so a message cannot change the request.
 */
@ApplicationScoped
public class SmsGateway {

    public static final String DEFAULT_BODY = "{\"to\":\"{to}\",\"text\":\"{text}\"}";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    public boolean isConfigured() {
        String url = System.getProperty("babillard.sms.url");
        return url != null && !url.isBlank();
    }

    /** @throws IOException when the gateway cannot be reached or does not answer 2xx */
    public void send(String to, String text) throws IOException {
        String url = System.getProperty("babillard.sms.url");
        String method = System.getProperty("babillard.sms.method", "POST").trim().toUpperCase(java.util.Locale.ROOT);
        String contentType = System.getProperty("babillard.sms.content-type", "application/json").trim();
        String template = System.getProperty("babillard.sms.body", DEFAULT_BODY);
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .uri(URI.create(fill(url, to, text, "url")))
                .timeout(Duration.ofSeconds(10));
        if ("GET".equals(method)) {
            request.GET();
        } else {
            request.header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(fill(template, to, text, contentType)));
        }
        String user = System.getProperty("babillard.sms.username");
        String authorization = System.getProperty("babillard.sms.authorization");
        if (user != null && !user.isBlank()) {
            String pair = user + ":" + System.getProperty("babillard.sms.password", "");
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else if (authorization != null && !authorization.isBlank()) {
            request.header("Authorization", authorization.trim());
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("SMS gateway answered " + response.statusCode());
        }
    }

    /** The template with its placeholders replaced, each escaped for {@code kind} (a content type, or "url"). */
    public static String fill(String template, String to, String text, String kind) {
        return template.replace("{to}", escape(to, kind)).replace("{text}", escape(text, kind));
    }

    static String escape(String value, String kind) {
        String k = kind.toLowerCase(java.util.Locale.ROOT);
        if (k.equals("url") || k.contains("x-www-form-urlencoded")) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
        if (k.contains("json")) {
            StringBuilder s = new StringBuilder();
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '"' -> s.append("\\\"");
                    case '\\' -> s.append("\\\\");
                    case '\n' -> s.append("\\n");
                    case '\r' -> s.append("\\r");
                    case '\t' -> s.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            s.append(String.format("\\u%04x", (int) c));
                        } else {
                            s.append(c);
                        }
                    }
                }
            }
            return s.toString();
        }
        if (k.contains("xml")) {
            return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
        return value;
    }
}
