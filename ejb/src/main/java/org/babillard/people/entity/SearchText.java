package org.babillard.people.entity;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Text for accent- and case-insensitive search: "Hélène LEFÈVRE" and "helene lefevre" become the same. */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchText() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("")
                .replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("Æ", "ae").replace("Œ", "oe")
                .toLowerCase(Locale.ROOT);
        return SPACES.matcher(plain).replaceAll(" ").strip();
    }

    /** Several fields in one searchable text. */
    public static String of(String... fields) {
        return Arrays.stream(fields).filter(Objects::nonNull).map(SearchText::of).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
    }

    /** The words of a query, each to be found somewhere in a person's text. */
    public static List<String> words(String query) {
        String normalized = of(query);
        return normalized.isEmpty() ? List.of() : List.of(SPACES.split(normalized));
    }
}
