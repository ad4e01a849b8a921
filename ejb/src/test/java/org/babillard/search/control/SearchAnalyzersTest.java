package org.babillard.search.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.babillard.search.control.SearchAnalyzers.ENGLISH;
import static org.babillard.search.control.SearchAnalyzers.FRENCH;
import static org.babillard.search.control.SearchAnalyzers.WORDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchAnalyzersTest {

    @Test
    void frenchElisionAccentsAndPluralsMeetTheirPlainForm() {
        assertEquals(SearchAnalyzers.terms(FRENCH, "equipe"), SearchAnalyzers.terms(FRENCH, "l'équipe"));
        assertEquals(SearchAnalyzers.terms(FRENCH, "équipe"), SearchAnalyzers.terms(FRENCH, "ÉQUIPES"));
        assertEquals(SearchAnalyzers.terms(FRENCH, "réunion"), SearchAnalyzers.terms(FRENCH, "réunions"));
        assertEquals(List.of("helene"), SearchAnalyzers.terms(WORDS, "Hélène"));
        assertEquals(List.of("equipe"), SearchAnalyzers.terms(WORDS, "L’équipe"));
        assertEquals(List.of("jusqu"), SearchAnalyzers.terms(WORDS, "jusqu").subList(0, 1));
        assertEquals(List.of("ici"), SearchAnalyzers.terms(WORDS, "jusqu'ici"));
    }

    @Test
    void englishPossessivesAndInflectionsMeetTheirPlainForm() {
        assertEquals(SearchAnalyzers.terms(ENGLISH, "meeting"), SearchAnalyzers.terms(ENGLISH, "meetings"));
        assertEquals(SearchAnalyzers.terms(ENGLISH, "team"), SearchAnalyzers.terms(ENGLISH, "team's"));
        assertEquals(SearchAnalyzers.terms(ENGLISH, "deploy"), SearchAnalyzers.terms(ENGLISH, "deployed"));
    }

    @Test
    void keywordsStayWholeAndFolded() {
        assertEquals("camille.durand", SearchAnalyzers.keyword("Camille.Durand"));
        assertEquals("equipe-paris", SearchAnalyzers.keyword("Équipe-Paris"));
    }

    @Test
    void highlightsMarkStemmedAndFoldedMatchesWithoutTouchingTheText() {
        String text = "Les équipes <b>de</b> Lyon et l'Équipe de Paris #Release";
        List<Highlights.Piece> pieces = Highlights.pieces(text, SearchQuery.parse("equipe #release"));
        StringBuilder joined = new StringBuilder();
        pieces.forEach(p -> joined.append(p.text()));
        assertEquals(text, joined.toString());
        List<String> hits = pieces.stream().filter(Highlights.Piece::hit).map(Highlights.Piece::text).toList();
        // The elided article goes with its word: the token is "l'Équipe".
        assertEquals(List.of("équipes", "l'Équipe", "#Release"), hits);
        assertTrue(pieces.stream().filter(p -> !p.hit()).anyMatch(p -> p.text().contains("<b>")));
    }

    @Test
    void aLongPostShowsTheContextOfItsFirstMatch() {
        String text = "blah ".repeat(200) + "the budget review " + "blah ".repeat(200);
        List<Highlights.Piece> pieces = Highlights.pieces(text, SearchQuery.parse("budget"));
        assertEquals("… ", pieces.get(0).text());
        assertTrue(pieces.stream().anyMatch(p -> p.hit() && p.text().equals("budget")));
        assertTrue(pieces.stream().mapToInt(p -> p.text().length()).sum() < 300);
    }
}
