package org.babillard.people.entity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchTextTest {

    @Test
    void accentsAndCaseDoNotMatter() {
        assertEquals("helene lefevre", SearchText.of("Hélène LEFÈVRE"));
        assertEquals("emilie cote montreal", SearchText.of("Émilie", "Côté", null, "Montréal"));
        assertEquals("zoe bronte", SearchText.of("Zoë  Brontë"));
        assertEquals("coeur strasse", SearchText.of("Cœur Straße"));
    }

    @Test
    void aQueryIsCutIntoNormalizedWords() {
        assertEquals(List.of("ingenierie", "lyon"), SearchText.words("  Ingénierie   LYON "));
        assertTrue(SearchText.words("   ").isEmpty());
        assertTrue(SearchText.words(null).isEmpty());
    }
}
