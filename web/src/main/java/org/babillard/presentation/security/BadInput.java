package org.babillard.presentation.security;

import org.babillard.presentation.Messages;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The rules for what a request may carry before any of Babillard's code reads it (docs/security.md, "Bad input"):
 * text is UTF-8 and percent-escapes are whole, a query string or a form has at most {@link #MOST_FIELDS} fields, and
 * no parameter holds a NUL (U+0000), which PostgreSQL refuses in text. The other control characters are each
 * field's own rule (a post refuses them with its message, an alt text turns them into spaces), as is the length.
 * The answers' texts come from the web pages' bundle, in the caller's language ({@code Accept-Language}).
 */
public final class BadInput {

    /** The most fields a form or a query string may have (Undertow's {@code max-parameters}, set the same). */
    public static final int MOST_FIELDS = 1000;

    /** The server's {@code max-post-size} when {@code babillard.max-post-size} does not say otherwise: 10 MB. */
    static final long DEFAULT_MAX_POST_BYTES = 10L * 1024 * 1024;

    /**
     * The largest body the server reads: {@code babillard.max-post-size}, the property configure.cli gives Undertow's
     * {@code max-post-size}. A longer page form or API upload is told 413 before reading, so that a client waiting
     * for {@code 100 Continue} never sends the body at all.
     */
    public static long maxPostBytes() {
        String property = System.getProperty("babillard.max-post-size", "").strip();
        if (property.isEmpty()) {
            return DEFAULT_MAX_POST_BYTES; // (the usual case, without raising an exception on every form posted)
        }
        try {
            long configured = Long.parseLong(property);
            return configured > 0 ? configured : DEFAULT_MAX_POST_BYTES;
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_POST_BYTES;
        }
    }

    /** One decoded field of a query string or form. */
    public record Field(String name, String value) {
    }

    private BadInput() {
    }

    /**
     * The fields of a query string or an {@code application/x-www-form-urlencoded} body, decoded strictly.
     *
     * @return empty if a percent-escape is cut or not hexadecimal, or the bytes are no valid UTF-8
     */
    public static Optional<List<Field>> decodeForm(String raw) {
        List<Field> fields = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return Optional.of(fields);
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name == null || value == null) {
                return Optional.empty();
            }
            fields.add(new Field(name, value));
        }
        return Optional.of(fields);
    }

    /** A request's path as sent (percent-encoded), decoded; null when it is not whole, valid UTF-8. */
    public static String decodePath(String raw) {
        return raw == null ? "" : decode(raw.replace("+", "%2B"));
    }

    /** One percent-encoded component, {@code +} as a space; null when it is not whole, valid UTF-8. */
    static String decode(String component) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(component.length());
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '%') {
                if (i + 2 >= component.length()) {
                    return null;
                }
                int high = Character.digit(component.charAt(i + 1), 16);
                int low = Character.digit(component.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x100) {
                // A raw byte (the server hands the query string, and the filter the body, as ISO-8859-1).
                bytes.write(c);
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return utf8(bytes.toByteArray());
    }

    /** The bytes as text, or null when they are not valid UTF-8 (a stray byte, a cut sequence, an encoded surrogate). */
    public static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Whether a name or value holds a NUL or a lone surrogate, which no database column takes as text. */
    public static boolean unstorable(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any name or value of a servlet parameter map is {@link #unstorable(String)}. */
    /**
     * Whether a page's form held bytes that are no UTF-8: the server decodes a form's body leniently, each such byte
     * becoming U+FFFD (REPLACEMENT CHARACTER), which a browser never sends for text typed or pasted as text.
     */
    public static boolean undecodable(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> e : parameters.entrySet()) {
            if (e.getKey().indexOf('\uFFFD') >= 0) {
                return true;
            }
            for (String v : e.getValue()) {
                if (v != null && v.indexOf('\uFFFD') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean unstorable(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> e : parameters.entrySet()) {
            if (unstorable(e.getKey())) {
                return true;
            }
            for (String v : e.getValue()) {
                if (unstorable(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** French when the caller's first language is French, English otherwise (Babillard's two languages). */
    public static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null) {
            return Locale.ENGLISH;
        }
        for (String range : acceptLanguage.split(",")) {
            String tag = range.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (tag.startsWith("fr")) {
                return Locale.FRENCH;
            }
            if (tag.startsWith("en")) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    /** A text of the pages' bundle in this language (a pattern with arguments is a MessageFormat). */
    public static String text(Locale locale, String key, Object... arguments) {
        try {
            // No fallback to the server's own locale: English is the bundle without a suffix.
            String pattern = ResourceBundle.getBundle(Messages.BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT)).getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
