package org.babillard.posts.control;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The rule every post's text follows, the same in the composer's counter (composer.js) and on the server:
 * line breaks become {@code \n}, the text is put in Unicode NFC form and trimmed of white space at both ends,
 * and its length is counted in Unicode code points, so that an emoji or an accented letter counts as one.
 */
public final class PostText {

    /** Why a text cannot be posted. */
    public enum Problem { EMPTY, TOO_LONG, CONTROL_CHARACTERS }

    /** What a check found: the problem, and the text's length in code points. */
    public record Verdict(Problem problem, int length) {
    }

    private PostText() {
    }

    /** The text as it will be stored and counted. Null counts as empty. */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String lines = raw.replace("\r\n", "\n").replace('\r', '\n');
        return trim(Normalizer.normalize(lines, Normalizer.Form.NFC));
    }

    /** The length of a normalized text, in code points. */
    public static int length(String normalized) {
        return normalized.codePointCount(0, normalized.length());
    }

    /** The first problem of a normalized text under this limit, if any. */
    public static Optional<Verdict> check(String normalized, int limit) {
        int length = length(normalized);
        if (normalized.isEmpty()) {
            return Optional.of(new Verdict(Problem.EMPTY, 0));
        }
        if (normalized.codePoints().anyMatch(PostText::isForbiddenControl)) {
            return Optional.of(new Verdict(Problem.CONTROL_CHARACTERS, length));
        }
        if (length > limit) {
            return Optional.of(new Verdict(Problem.TOO_LONG, length));
        }
        return Optional.empty();
    }

    /** Control characters (Unicode category Cc) other than line feed and tab, and lone surrogates. */
    static boolean isForbiddenControl(int cp) {
        if (cp == '\n' || cp == '\t') {
            return false;
        }
        return Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.SURROGATE;
    }

    /** Trims what JavaScript's String.trim() trims, so that both sides count the same text. */
    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isTrimmed(s.charAt(start))) {
            start++;
        }
        while (end > start && isTrimmed(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isTrimmed(char c) {
        return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == 0x2028 || c == 0x2029
                || c == 0xFEFF || Character.getType(c) == Character.SPACE_SEPARATOR;
    }
}
