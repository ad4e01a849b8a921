package org.babillard.posts.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the http and https addresses in a post's text and cuts the text into plain and link segments, which the
 * views render with escaping components. No HTML is ever built here.
 */
public final class Links {

    /** A piece of a post: plain text, or a link whose text is its address. */
    public record Segment(String text, boolean link) implements java.io.Serializable {
        public String url() {
            return link ? text : null;
        }

        // Bean-style accessors for the views: Expression Language 5 (Jakarta EE 10) does not read record components.
        public String getText() {
            return text;
        }

        public boolean isLink() {
            return link;
        }

        public String getUrl() {
            return url();
        }
    }

    private static final Pattern ADDRESS = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"\\u00A0]+");
    private static final String TRAILING = ".,;:!?'\"»”’*";

    private Links() {
    }

    public static List<Segment> segments(String text) {
        List<Segment> segments = new ArrayList<>();
        Matcher m = ADDRESS.matcher(text);
        int plainFrom = 0;
        while (m.find()) {
            String candidate = trimTrailing(m.group());
            if (!isAddress(candidate)) {
                continue;
            }
            if (m.start() > plainFrom) {
                segments.add(new Segment(text.substring(plainFrom, m.start()), false));
            }
            segments.add(new Segment(candidate, true));
            plainFrom = m.start() + candidate.length();
        }
        if (plainFrom < text.length()) {
            segments.add(new Segment(text.substring(plainFrom), false));
        }
        return segments;
    }

    /** Drops sentence punctuation after an address, and a closing parenthesis that does not belong to it. */
    static String trimTrailing(String candidate) {
        String s = candidate;
        boolean changed = true;
        while (changed && !s.isEmpty()) {
            changed = false;
            char last = s.charAt(s.length() - 1);
            if (TRAILING.indexOf(last) >= 0) {
                s = s.substring(0, s.length() - 1);
                changed = true;
            } else if (last == ')' && count(s, '(') < count(s, ')')) {
                s = s.substring(0, s.length() - 1);
                changed = true;
            }
        }
        return s;
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }

    private static boolean isAddress(String candidate) {
        try {
            URI uri = new URI(candidate);
            return uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
