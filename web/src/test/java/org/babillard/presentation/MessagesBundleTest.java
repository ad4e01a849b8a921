package org.babillard.presentation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Every text a person reads exists in French and in English. */
class MessagesBundleTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream("/org/babillard/presentation/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyExistsInBothLanguages() throws IOException {
        Set<String> english = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> french = new TreeSet<>(load("messages_fr.properties").stringPropertyNames());
        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(french);
        Set<String> onlyFrench = new TreeSet<>(french);
        onlyFrench.removeAll(english);
        assertEquals(Set.of(), onlyEnglish, "keys with no French text");
        assertEquals(Set.of(), onlyFrench, "keys with no English text");
    }

    @Test
    void noTextIsEmptyAndTheFrenchIsTranslated() throws IOException {
        Properties en = load("messages.properties");
        Properties fr = load("messages_fr.properties");
        for (String key : en.stringPropertyNames()) {
            assertFalse(en.getProperty(key).isBlank(), key);
            assertFalse(fr.getProperty(key).isBlank(), key);
        }
        assertNotEquals(en.getProperty("composer.prompt"), fr.getProperty("composer.prompt"));
    }

    @Test
    void formattedTextsAreValidPatternsInBothLanguages() throws IOException {
        for (String file : new String[]{"messages.properties", "messages_fr.properties"}) {
            Properties p = load(file);
            for (String key : p.stringPropertyNames()) {
                String text = p.getProperty(key);
                if (text.contains("{0")) {
                    String formatted = new MessageFormat(text, Locale.ROOT).format(new Object[]{501, 500, 3, 2, 1});
                    assertFalse(formatted.contains("{"), file + " " + key + " leaves a placeholder: " + formatted);
                    if (text.contains("'")) {
                        assertFalse(formatted.contains("''"), file + " " + key);
                    }
                }
            }
        }
    }

    @Test
    void theFrenchTooLongMessageReadsWell() throws IOException {
        String pattern = load("messages_fr.properties").getProperty("post.tooLong");
        assertEquals("Votre message fait 501 caractères ; la limite est de 500. Raccourcissez-le puis publiez-le à nouveau.",
                new MessageFormat(pattern, Locale.FRENCH).format(new Object[]{501, 500}));
    }
}
