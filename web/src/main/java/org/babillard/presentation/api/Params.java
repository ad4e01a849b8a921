package org.babillard.presentation.api;

import org.babillard.presentation.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MultivaluedMap;
import org.babillard.presentation.security.BadInput;

import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a call, as Mastodon accepts them: in the query string, a form body or a JSON body, arrays
 * written {@code name[]} (form) or as JSON arrays, nested ones {@code poll[options][]} or as JSON objects.
 */
final class Params {

    private final Map<String, List<String>> values = new HashMap<>();

    private Params() {
    }

    static Params of(MultivaluedMap<String, String> query, String contentType, String body) {
        Params p = new Params();
        query.forEach((k, v) -> p.values.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        if (body == null || body.isBlank()) {
            return p;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/json")) {
            JsonValue json;
            try (JsonReader reader = Jsonp.createReader(new StringReader(body))) {
                json = reader.readValue();
            } catch (JsonException | IllegalStateException e) {
                // Malformed, cut short, or more than one value (Parsson's JsonException, not only its parsing one).
                throw ApiError.localized(400, "badInput.json");
            }
            if (!(json instanceof JsonObject object)) {
                // An array, a string or a number where Mastodon's parameters are an object's fields.
                throw ApiError.localized(422, "badInput.jsonObject");
            }
            p.flatten("", object);
        } else {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                try {
                    String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    p.values.computeIfAbsent(key, x -> new ArrayList<>()).add(value);
                } catch (IllegalArgumentException e) {
                    throw ApiError.localized(400, "badInput.encoding");
                }
            }
        }
        // A NUL or half a surrogate pair (JSON escapes can carry both) would reach the database: refused, as the query
        // string's are (WebHardening). Other control characters are each text's own rule (a status refuses them).
        for (Map.Entry<String, List<String>> e : p.values.entrySet()) {
            if (BadInput.unstorable(e.getKey()) || e.getValue().stream().anyMatch(BadInput::unstorable)) {
                throw ApiError.localized(422, "badInput.control");
            }
        }
        return p;
    }

    private void flatten(String prefix, JsonObject object) {
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "[" + e.getKey() + "]";
            JsonValue v = e.getValue();
            if (v instanceof JsonObject nested) {
                flatten(key, nested);
            } else if (v instanceof JsonArray array) {
                for (JsonValue item : array) {
                    values.computeIfAbsent(key + "[]", x -> new ArrayList<>()).add(text(item));
                }
            } else if (v.getValueType() != JsonValue.ValueType.NULL) {
                values.computeIfAbsent(key, x -> new ArrayList<>()).add(text(v));
            }
        }
    }

    private static String text(JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        return v.toString();
    }

    String get(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    List<String> list(String name) {
        List<String> v = values.get(name + "[]");
        if (v == null) {
            v = values.get(name);
        }
        return v == null ? List.of() : v;
    }

    boolean flag(String name) {
        String v = get(name);
        return v != null && (v.equals("true") || v.equals("1"));
    }

    Long number(String name) {
        String v = get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw ApiError.localized(422, "badInput.number", name);
        }
    }
}
