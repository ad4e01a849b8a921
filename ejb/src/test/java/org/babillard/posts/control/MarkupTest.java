package org.babillard.posts.control;

import org.babillard.posts.control.Markup.Kind;
import org.babillard.posts.control.Markup.Piece;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MarkupTest {

    @Test
    void mentionsAreLoginsOnceInOrderWithoutTheSentenceFullStop() {
        assertEquals(List.of("anne.martin", "bob"),
                List.copyOf(Markup.mentions("Merci @anne.martin et @Bob, et encore @anne.martin.")));
    }

    @Test
    void anEmailAddressOrALinkIsNotAMention() {
        assertEquals(Set.of(), Markup.mentions("écris à anne@babillard.example ou https://x.org/@bob"));
    }

    @Test
    void hashtagsKeepAccentsAndIgnoreNumbersAndLinkFragments() {
        assertEquals(List.of("déménagement", "q3_plan"),
                List.copyOf(Markup.hashtags("#Déménagement du #Q3_plan, ticket #1234, https://x.org/page#section")));
    }

    @Test
    void piecesGiveTheTextBackAndMarkEachKind() {
        String text = "Vu avec @camille.durand : #Release https://example.org/notes. <b>ok</b>";
        List<Piece> pieces = Markup.pieces(text);
        assertEquals(text, pieces.stream().map(Piece::text).collect(Collectors.joining()));
        assertEquals(List.of(Kind.TEXT, Kind.MENTION, Kind.TEXT, Kind.TAG, Kind.TEXT, Kind.LINK, Kind.TEXT),
                pieces.stream().map(Piece::kind).toList());
        assertEquals("camille.durand", pieces.get(1).target());
        assertEquals("release", pieces.get(3).target());
    }

    @Test
    void aTopicKeyIsLowerCaseWithoutHash() {
        assertEquals("café", Markup.tag("#Café"));
        assertNull(Markup.tag("#"));
        assertNull(Markup.tag("not a tag"));
    }

    @Test
    void anErasedLoginIsRenamedInMentionsOnlyNeverInLinksAddressesOrLongerLogins() {
        String text = "Merci @Anne.Martin. et @anne.martin2, anne.martin@x.org, https://x.org/@anne.martin (@anne.martin)";
        assertEquals("Merci @former-employee-7. et @anne.martin2, anne.martin@x.org, https://x.org/@anne.martin (@former-employee-7)",
                Markup.renameMention(text, "anne.martin", "former-employee-7"));
        assertEquals(Set.of("former-employee-7", "anne.martin2"),
                Markup.mentions(Markup.renameMention(text, "anne.martin", "former-employee-7")));
        assertEquals("nothing to rename", Markup.renameMention("nothing to rename", "anne.martin", "former-employee-7"));
    }
}
