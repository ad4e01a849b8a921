package org.babillard.presentation.help;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The help page says the same things in French and in English: the same sections, the same figures, the same syntax. */
class HelpPagesTest {

    private static final Path INCLUDES = Path.of("src/main/webapp/WEB-INF/includes");

    private static List<String> all(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.results().map(r -> r.group(1)).toList();
    }

    @Test
    void bothLanguagesHaveTheSameSectionsFiguresAndSearchOperators() throws IOException {
        String en = Files.readString(INCLUDES.resolve("help-en.xhtml"));
        String fr = Files.readString(INCLUDES.resolve("help-fr.xhtml"));
        assertEquals(all(en, "<section id=\"([a-z-]+)\""), all(fr, "<section id=\"([a-z-]+)\""));
        assertEquals(all(en, "href=\"#([a-z-]+)\""), all(fr, "href=\"#([a-z-]+)\""));
        assertEquals(all(en, "#\\{(helpPage\\.[a-zA-Z]+)\\}"), all(fr, "#\\{(helpPage\\.[a-zA-Z]+)\\}"));
        for (String operator : List.of("from:", "in:", "before:", "after:", "has:link", "has:file", "\"", "#", "@")) {
            assertTrue(en.contains("<code>" + operator) || en.contains(operator), operator);
            assertTrue(fr.contains(operator), operator);
        }
        assertTrue(all(en, "<section id=\"([a-z-]+)\"").containsAll(List.of("posting", "channels", "visibility", "notebook",
                "announcements", "search", "apps")));
    }
}
