package org.babillard.mail.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReplyTextTest {

    @Test
    void keepsWhatThePersonWroteAndDropsTheQuotedMailAndTheSignature() {
        String mail = """
                Sounds good, I'll join.\r
                See you there.\r
                \r
                On Thu, 26 Nov 2026 at 10:00, Babillard <babillard@babillard.example> wrote:\r
                > Camille mentioned you:\r
                > lunch at noon?\r
                """;
        assertEquals("Sounds good, I'll join.\nSee you there.", ReplyText.strip(mail));
    }

    @Test
    void frenchMailProgramsOutlookAndPhonesToo() {
        assertEquals("D'accord.", ReplyText.strip("D'accord.\n\nLe jeu. 26 nov. 2026 à 10:00, Babillard a écrit :\n> texte"));
        assertEquals("Yes", ReplyText.strip("Yes\n________________________________\nFrom: Babillard\nSent: today"));
        assertEquals("Yes", ReplyText.strip("Yes\n-----Original Message-----\nFrom: x"));
        assertEquals("Oui", ReplyText.strip("Oui\n\nEnvoyé de mon iPhone"));
        assertEquals("Thanks", ReplyText.strip("Thanks\n-- \nCamille Durand\nEngineering"));
    }

    @Test
    void interleavedQuotesAreDroppedAndTheAnswerKept() {
        assertEquals("first\n\nsecond", ReplyText.strip("> question one\nfirst\n\n> question two\nsecond"));
    }

    @Test
    void htmlOnlyMailsGiveTheirText() {
        assertEquals("Hello <you> & me\nline two\n",
                ReplyText.fromHtml("<div>Hello &lt;you&gt; &amp; me</div><p>line two</p><blockquote>quoted</blockquote>"));
    }
}
