package org.babillard.posts.control;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The @mentions and #hashtags of a post's text, and the text cut into pieces (plain, link, mention, hashtag) that
 * the views render with escaping components. No HTML is ever built here.
 */
public final class Markup {

    /** A login as the directory gives it: letters, digits, dot, dash, underscore. */
    static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.@/-])@([A-Za-z0-9][A-Za-z0-9._-]{0,62}[A-Za-z0-9]|[A-Za-z0-9])");
    /** A hashtag: letters (any script, accents kept), digits and underscores, not only digits. */
    static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&/#])#([\\p{L}\\p{N}_]{1,100})");

    public enum Kind {
        TEXT, LINK, MENTION, TAG
    }

    /**
     * A piece of a post. {@code target} is the address of a link, the login of a mention, the lower-case tag
     * of a hashtag.
     */
    public record Piece(Kind kind, String text, String target) implements Serializable {
        // Bean-style accessors for the views: Expression Language 5 does not read record components.
        public String getText() {
            return text;
        }

        public String getTarget() {
            return target;
        }

        public boolean isLink() {
            return kind == Kind.LINK;
        }

        public boolean isMention() {
            return kind == Kind.MENTION;
        }

        public boolean isTag() {
            return kind == Kind.TAG;
        }

        public boolean isPlain() {
            return kind == Kind.TEXT;
        }
    }

    private Markup() {
    }

    /** The logins a text mentions, lower case, in order, each once. */
    public static Set<String> mentions(String text) {
        Set<String> logins = new LinkedHashSet<>();
        for (Links.Segment s : Links.segments(text)) {
            if (!s.link()) {
                Matcher m = MENTION.matcher(s.text());
                while (m.find()) {
                    logins.add(trimDots(m.group(1)).toLowerCase(Locale.ROOT));
                }
            }
        }
        return logins;
    }

    /** The hashtags of a text, normalised ({@link #tag}), in order, each once. */
    public static Set<String> hashtags(String text) {
        Set<String> tags = new LinkedHashSet<>();
        for (Links.Segment s : Links.segments(text)) {
            if (!s.link()) {
                Matcher m = HASHTAG.matcher(s.text());
                while (m.find()) {
                    if (!m.group(1).chars().allMatch(c -> Character.isDigit(c) || c == '_')) {
                        tags.add(tag(m.group(1)));
                    }
                }
            }
        }
        return tags;
    }

    /** A topic's key: NFC, lower case, without a leading '#'; null when nothing is left. */
    public static String tag(String raw) {
        if (raw == null) {
            return null;
        }
        String t = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        while (t.startsWith("#")) {
            t = t.substring(1);
        }
        t = t.toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.length() > 100 || !t.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
            return null;
        }
        return t;
    }

    /** The text cut into pieces, in order; joining their texts gives the text back. */
    public static List<Piece> pieces(String text) {
        List<Piece> pieces = new ArrayList<>();
        for (Links.Segment s : Links.segments(text)) {
            if (s.link()) {
                pieces.add(new Piece(Kind.LINK, s.text(), s.text()));
            } else {
                plain(s.text(), pieces);
            }
        }
        return pieces;
    }

    private static void plain(String text, List<Piece> pieces) {
        Matcher mention = MENTION.matcher(text);
        Matcher hashtag = HASHTAG.matcher(text);
        int from = 0;
        while (from < text.length()) {
            boolean m = mention.find(from);
            int mStart = m ? mention.start() : Integer.MAX_VALUE;
            boolean h = hashtag.find(from);
            while (h && hashtag.group(1).chars().allMatch(c -> Character.isDigit(c) || c == '_')) {
                h = hashtag.find(hashtag.end());
            }
            int hStart = h ? hashtag.start() : Integer.MAX_VALUE;
            if (!m && !h) {
                break;
            }
            int start;
            int end;
            Piece piece;
            if (mStart <= hStart) {
                String login = trimDots(mention.group(1));
                start = mStart;
                end = start + 1 + login.length();
                piece = new Piece(Kind.MENTION, text.substring(start, end), login.toLowerCase(Locale.ROOT));
            } else {
                start = hStart;
                end = hashtag.end();
                piece = new Piece(Kind.TAG, text.substring(start, end), tag(hashtag.group(1)));
            }
            if (start > from) {
                pieces.add(new Piece(Kind.TEXT, text.substring(from, start), null));
            }
            pieces.add(piece);
            from = end;
        }
        if (from < text.length()) {
            pieces.add(new Piece(Kind.TEXT, text.substring(from), null));
        }
    }

    /**
     * The text with every mention of {@code login} (any case) written as a mention of {@code replacement}; links and
     * everything else stay as they are. Used when a former employee's login is erased.
     */
    public static String renameMention(String text, String login, String replacement) {
        StringBuilder out = new StringBuilder(text.length());
        for (Links.Segment s : Links.segments(text)) {
            if (s.link()) {
                out.append(s.text());
                continue;
            }
            Matcher m = MENTION.matcher(s.text());
            int from = 0;
            while (m.find()) {
                String mentioned = trimDots(m.group(1));
                if (mentioned.equalsIgnoreCase(login)) {
                    out.append(s.text(), from, m.start(1)).append(replacement);
                    from = m.start(1) + mentioned.length();
                }
            }
            out.append(s.text(), from, s.text().length());
        }
        return out.toString();
    }

    /** "@anne.martin." at the end of a sentence mentions anne.martin. */
    private static String trimDots(String login) {
        String l = login;
        while (l.endsWith(".") || l.endsWith("-")) {
            l = l.substring(0, l.length() - 1);
        }
        return l;
    }
}
