package org.babillard.posts.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostTextTest {

    @Test
    void emojiAndAccentsCountAsOneEach() {
        String text = PostText.normalize("Bonjour 👋 été");
        assertEquals(13, PostText.length(text));
        assertTrue(PostText.check(text, 13).isEmpty());
        assertEquals(PostText.Problem.TOO_LONG, PostText.check(text, 12).orElseThrow().problem());
    }

    @Test
    void decomposedAccentsAreComposedBeforeCounting() {
        String decomposed = "e\u0301te\u0301"; // "été" typed with combining accents
        assertEquals("été", PostText.normalize(decomposed));
        assertEquals(3, PostText.length(PostText.normalize(decomposed)));
    }

    @Test
    void theLimitIsInclusive() {
        String exactly = "a".repeat(499) + "😀";
        assertTrue(PostText.check(PostText.normalize(exactly), 500).isEmpty());
        PostText.Verdict over = PostText.check(PostText.normalize(exactly + "b"), 500).orElseThrow();
        assertEquals(PostText.Problem.TOO_LONG, over.problem());
        assertEquals(501, over.length());
    }

    @Test
    void blankTextIsEmpty() {
        assertEquals(PostText.Problem.EMPTY, PostText.check(PostText.normalize("  \n\t \u00A0 "), 500).orElseThrow().problem());
        assertEquals(PostText.Problem.EMPTY, PostText.check(PostText.normalize(null), 500).orElseThrow().problem());
    }

    @Test
    void lineBreaksAreKeptAndNormalized() {
        String text = PostText.normalize("  first line\r\nsecond\rthird\n");
        assertEquals("first line\nsecond\nthird", text);
        assertTrue(PostText.check(text, 500).isEmpty());
    }

    @Test
    void controlCharactersAreRefused() {
        assertEquals(PostText.Problem.CONTROL_CHARACTERS, PostText.check(PostText.normalize("bell\u0007"), 500).orElseThrow().problem());
        assertEquals(PostText.Problem.CONTROL_CHARACTERS, PostText.check(PostText.normalize("a\u0000b"), 500).orElseThrow().problem());
        assertEquals(PostText.Problem.CONTROL_CHARACTERS, PostText.check(PostText.normalize("esc\u001B[31m"), 500).orElseThrow().problem());
        assertTrue(PostText.check(PostText.normalize("tab\there"), 500).isEmpty());
    }

    @Test
    void joinedEmojiKeepTheirJoiners() {
        String family = PostText.normalize("👩\u200D💻 on it");
        assertTrue(PostText.check(family, 500).isEmpty());
        assertEquals(9, PostText.length(family));
    }
}
