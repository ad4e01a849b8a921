package org.babillard.mail.control;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailTextTest {

    @Test
    void theReaderLanguageAndEscapedUserContent() {
        MailText fr = new MailText("fr", "http://h/mail-settings.xhtml");
        MailText.Rendered mail = fr.single(fr.get("mention.subject", "Léa <b>"), fr.get("mention.lead", "Léa <b>"),
                new MailText.Piece("Léa <b>", null, "<script>alert('x')</script> & co\nligne 2", "http://h/post.xhtml?id=1&x=2"), true);
        assertEquals("Léa <b> vous a mentionné sur Babillard", mail.subject());
        assertTrue(mail.text().contains("<script>alert('x')</script> & co\nligne 2"), "plain text keeps what was written");
        assertFalse(mail.html().contains("<script>"));
        assertTrue(mail.html().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co<br>"));
        assertTrue(mail.html().contains("Léa &lt;b&gt;"));
        assertTrue(mail.html().contains("href=\"http://h/post.xhtml?id=1&amp;x=2\""));
        assertTrue(mail.html().contains("Répondez à ce mail"));
        assertTrue(mail.html().startsWith("<!DOCTYPE html>\n<html lang=\"fr\""));
        assertTrue(mail.html().contains("<a href=\"http://h/mail-settings.xhtml\">Réglages des mails</a>"), "a way to stop the mails");
        assertTrue(mail.text().endsWith("sur votre page de réglages des mails :\nhttp://h/mail-settings.xhtml\n"), mail.text());

        MailText en = new MailText("en", "http://h/mail-settings.xhtml");
        assertEquals("Léa replied to you on Babillard", en.get("reply.subject", "Léa"));
        assertEquals("Vous n'avez pas encore indiqué avoir lu cette annonce :", fr.get("mustRead.reminder.lead"));
    }

    @Test
    void anyOtherLanguageReadsEnglish() {
        assertEquals("en", MailText.language("de"));
        assertEquals("en", MailText.language(null));
        assertEquals("fr", MailText.language("fr"));
    }

    @Test
    void aDigestShowsOnlyTheSectionsThatHaveSomething() {
        MailText en = new MailText("en", "http://h/mail-settings.xhtml");
        MailText.Rendered digest = en.digest(List.of(
                new MailText.Section("digest.mustReads", List.of()),
                new MailText.Section("digest.mentions", List.of(new MailText.Piece("Ann", null, "full text", "http://h/p")))));
        assertEquals("Your Babillard digest", digest.subject());
        assertTrue(digest.text().contains("== You were mentioned =="));
        assertFalse(digest.text().contains("Must read"));
        assertTrue(digest.html().contains("<h2 style=\"font-size:1.1em;margin-top:1.5em\">You were mentioned</h2>"));
    }

    @Test
    void bothLanguagesHoldTheSameKeys() throws IOException {
        assertEquals(keys("mail.properties"), keys("mail_fr.properties"));
    }

    private static java.util.Set<Object> keys(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MailText.class.getResourceAsStream(name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p.keySet();
    }
}
