package org.babillard.search.control;

import org.babillard.posts.control.Markup;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a person typed in the search box, understood: words, "exact phrases", {@code from:alice},
 * {@code in:channel}, {@code #topic}, {@code @someone}, {@code before:}/{@code after:} dates (2026-11-26 or
 * 26/11/2026), {@code has:link}, {@code has:file}, and {@code word*} for a prefix. Anything it cannot understand
 * is searched as words, and noted in {@link #problems()} (bundle keys) so the page can say so.
 */
public record SearchQuery(List<String> words, List<String> prefixes, List<String> phrases, List<String> tags,
                          List<String> mentions, List<String> authors, List<String> channels, LocalDate after,
                          LocalDate before, boolean hasLink, boolean hasFile, List<String> problems) {

    /** The longest query looked at, in characters: enough for any search a person types. */
    public static final int MAX_LENGTH = 500;

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    public static SearchQuery parse(String typed) {
        List<String> words = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<String> mentions = new ArrayList<>();
        List<String> authors = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        LocalDate after = null;
        LocalDate before = null;
        boolean link = false;
        boolean file = false;
        String text = typed == null ? "" : typed.strip();
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH);
            problems.add("search.problem.tooLong");
        }
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '"' || c == '«' || c == '“') {
                char close = c == '"' ? '"' : c == '«' ? '»' : '”';
                int end = text.indexOf(close, i + 1);
                String phrase = (end < 0 ? text.substring(i + 1) : text.substring(i + 1, end)).strip();
                if (!phrase.isEmpty()) {
                    phrases.add(phrase);
                }
                i = end < 0 ? text.length() : end + 1;
                continue;
            }
            int end = i;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            String token = text.substring(i, end);
            i = end;
            String lower = token.toLowerCase(Locale.ROOT);
            int colon = lower.indexOf(':');
            String op = colon > 0 ? lower.substring(0, colon) : "";
            String value = colon > 0 ? token.substring(colon + 1).strip() : "";
            switch (op) {
                case "from", "de" -> {
                    String who = stripLead(value, '@');
                    if (!who.isEmpty()) {
                        authors.add(SearchAnalyzers.keyword(who));
                    }
                    continue;
                }
                case "in", "dans" -> {
                    String where = stripLead(value, '#');
                    if (!where.isEmpty()) {
                        channels.add(SearchAnalyzers.keyword(where));
                    }
                    continue;
                }
                case "before", "avant", "after", "apres", "après" -> {
                    LocalDate date = date(value);
                    if (date == null) {
                        problems.add("search.problem.date");
                    } else if (op.equals("before") || op.equals("avant")) {
                        before = date;
                    } else {
                        after = date;
                    }
                    continue;
                }
                case "has", "avec" -> {
                    String what = value.toLowerCase(Locale.ROOT);
                    if (what.equals("link") || what.equals("lien")) {
                        link = true;
                    } else if (what.equals("file") || what.equals("fichier")) {
                        file = true;
                    } else {
                        problems.add("search.problem.has");
                    }
                    continue;
                }
                default -> {
                    // not an operator: a word with a colon in it ("10:30") is a word
                }
            }
            if (token.startsWith("#") && token.length() > 1) {
                String tag = Markup.tag(token);
                if (tag != null) {
                    tags.add(SearchAnalyzers.keyword(tag));
                    continue;
                }
            }
            if (token.startsWith("@") && token.length() > 1) {
                String login = trimPunctuation(token.substring(1));
                if (!login.isEmpty()) {
                    mentions.add(SearchAnalyzers.keyword(login));
                    continue;
                }
            }
            if (token.endsWith("*") && token.length() > 1) {
                String stem = token.substring(0, token.length() - 1);
                List<String> t = SearchAnalyzers.terms(SearchAnalyzers.WORDS, stem);
                if (t.size() == 1) {
                    prefixes.add(t.get(0));
                    continue;
                }
            }
            words.add(token);
        }
        return new SearchQuery(List.copyOf(words), List.copyOf(prefixes), List.copyOf(phrases), List.copyOf(tags),
                List.copyOf(mentions), List.copyOf(authors), List.copyOf(channels), after, before, link, file,
                List.copyOf(problems));
    }

    /** Whether nothing at all was asked: the page then shows no results rather than everything. */
    public boolean isEmpty() {
        return words.isEmpty() && prefixes.isEmpty() && phrases.isEmpty() && tags.isEmpty() && mentions.isEmpty()
                && authors.isEmpty() && channels.isEmpty() && after == null && before == null && !hasLink && !hasFile;
    }

    /** The plain words and phrases, for the searches of people and channels, which know no operators. */
    public String plainText() {
        List<String> all = new ArrayList<>(words);
        all.addAll(prefixes);
        all.addAll(phrases);
        return String.join(" ", all);
    }

    private static String stripLead(String value, char lead) {
        String v = value;
        while (!v.isEmpty() && v.charAt(0) == lead) {
            v = v.substring(1);
        }
        return trimPunctuation(v);
    }

    private static String trimPunctuation(String v) {
        int end = v.length();
        while (end > 0 && ",;!?)".indexOf(v.charAt(end - 1)) >= 0) {
            end--;
        }
        return v.substring(0, end);
    }

    static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value, FRENCH_DATE);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
