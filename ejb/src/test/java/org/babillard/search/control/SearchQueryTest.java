package org.babillard.search.control;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchQueryTest {

    @Test
    void wordsPhrasesAndOperatorsAreTold() {
        SearchQuery q = SearchQuery.parse("budget \"revue de code\" from:@Camille.Durand in:#Équipe-Paris #Release "
                + "@nadia.benali after:2026-01-31 before:15/02/2026 has:link has:file migr*");
        assertEquals(List.of("budget"), q.words());
        assertEquals(List.of("revue de code"), q.phrases());
        assertEquals(List.of("camille.durand"), q.authors());
        assertEquals(List.of("equipe-paris"), q.channels());
        assertEquals(List.of("release"), q.tags());
        assertEquals(List.of("nadia.benali"), q.mentions());
        assertEquals(LocalDate.of(2026, 1, 31), q.after());
        assertEquals(LocalDate.of(2026, 2, 15), q.before());
        assertTrue(q.hasLink());
        assertTrue(q.hasFile());
        assertEquals(List.of("migr"), q.prefixes());
        assertTrue(q.problems().isEmpty());
    }

    @Test
    void frenchOperatorsWorkToo() {
        SearchQuery q = SearchQuery.parse("de:helene dans:rh avant:2026-03-01 avec:fichier « bonne année »");
        assertEquals(List.of("helene"), q.authors());
        assertEquals(List.of("rh"), q.channels());
        assertEquals(LocalDate.of(2026, 3, 1), q.before());
        assertTrue(q.hasFile());
        assertEquals(List.of("bonne année"), q.phrases());
    }

    @Test
    void whatCannotBeUnderstoodIsSaidAndNothingBreaks() {
        SearchQuery q = SearchQuery.parse("before:yesterday has:cake 10:30 \"unclosed phrase");
        assertNull(q.before());
        assertEquals(List.of("search.problem.date", "search.problem.has"), q.problems());
        assertEquals(List.of("10:30"), q.words());
        assertEquals(List.of("unclosed phrase"), q.phrases());
        assertTrue(SearchQuery.parse("   ").isEmpty());
        assertTrue(SearchQuery.parse(null).isEmpty());
        assertFalse(SearchQuery.parse("from:alice").isEmpty());
        assertEquals(List.of("search.problem.tooLong"), SearchQuery.parse("a".repeat(600)).problems());
    }

    @Test
    void aCursorRoundTripsAndNonsenseIsNoCursor() {
        Cursor c = new Cursor(42, 3.25f);
        assertEquals(c, Cursor.parse(c.toString()));
        assertNull(Cursor.parse("abc"));
        assertNull(Cursor.parse("-3_0"));
        assertNull(Cursor.parse(""));
    }
}
