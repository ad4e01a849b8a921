package org.babillard.search.control;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The text of a result cut into pieces, the words that matched marked, for a view that renders each piece with
 * an escaping component: no HTML is built here, so a post can never inject markup through its highlights. Words
 * are found with the same analysis as the index, so "équipes" is marked for the query "equipe".
 */
public final class Highlights {

    /** Characters of context shown around the first match in a long post. */
    static final int WINDOW = 280;

    /** A piece of text, and whether it matched. */
    public record Piece(String text, boolean hit) implements Serializable {
        public String getText() {
            return text;
        }

        public boolean isHit() {
            return hit;
        }
    }

    private Highlights() {
    }

    public static List<Piece> pieces(String text, SearchQuery q) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        boolean[] marked = new boolean[text.length()];
        String[] fields = {SearchAnalyzers.WORDS, SearchAnalyzers.FRENCH, SearchAnalyzers.ENGLISH};
        for (String field : fields) {
            Set<String> wanted = new HashSet<>();
            for (String w : q.words()) {
                wanted.addAll(SearchAnalyzers.terms(field, w));
            }
            if (field.equals(SearchAnalyzers.WORDS)) {
                for (String p : q.phrases()) {
                    wanted.addAll(SearchAnalyzers.terms(field, p));
                }
                wanted.addAll(q.tags());
                wanted.addAll(q.mentions());
            }
            if (wanted.isEmpty() && (q.prefixes().isEmpty() || !field.equals(SearchAnalyzers.WORDS))) {
                continue;
            }
            for (SearchAnalyzers.Token t : SearchAnalyzers.tokens(field, text)) {
                boolean hit = wanted.contains(t.term());
                if (!hit && field.equals(SearchAnalyzers.WORDS)) {
                    hit = q.prefixes().stream().anyMatch(p -> t.term().startsWith(p));
                }
                if (hit) {
                    int start = t.start();
                    // "#topic" and "@someone" are marked whole.
                    if (start > 0 && (text.charAt(start - 1) == '#' || text.charAt(start - 1) == '@')) {
                        start--;
                    }
                    for (int i = start; i < t.end() && i < marked.length; i++) {
                        marked[i] = true;
                    }
                }
            }
        }
        int from = 0;
        int to = text.length();
        if (text.length() > WINDOW) {
            int first = 0;
            while (first < marked.length && !marked[first]) {
                first++;
            }
            if (first == marked.length) {
                first = 0;
            }
            from = Math.max(0, first - WINDOW / 4);
            while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
                from--;
            }
            to = Math.min(text.length(), from + WINDOW);
            // Never cut a surrogate pair in two.
            if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
                to--;
            }
            if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
                from++;
            }
        }
        List<Piece> pieces = new ArrayList<>();
        if (from > 0) {
            pieces.add(new Piece("… ", false));
        }
        int i = from;
        while (i < to) {
            int j = i;
            while (j < to && marked[j] == marked[i]) {
                j++;
            }
            pieces.add(new Piece(text.substring(i, j), marked[i]));
            i = j;
        }
        if (to < text.length()) {
            pieces.add(new Piece(" …", false));
        }
        return pieces;
    }
}
