package org.babillard.posts.control;

import org.babillard.posts.control.Links.Segment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LinksTest {

    @Test
    void anAddressBecomesALinkAndTheRestStaysText() {
        assertEquals(List.of(new Segment("Bonjour 👋 <script>alert(1)</script> ", false), new Segment("https://example.org", true)),
                Links.segments("Bonjour 👋 <script>alert(1)</script> https://example.org"));
    }

    @Test
    void sentencePunctuationIsNotPartOfTheAddress() {
        assertEquals(List.of(new Segment("See ", false), new Segment("http://example.org/a?b=c", true), new Segment(".", false)),
                Links.segments("See http://example.org/a?b=c."));
    }

    @Test
    void parenthesesAroundAnAddressStayOutsideButItsOwnStayIn() {
        assertEquals(List.of(new Segment("(", false), new Segment("https://example.org/x", true), new Segment(")", false)),
                Links.segments("(https://example.org/x)"));
        assertEquals(List.of(new Segment("https://en.wikipedia.org/wiki/Java_(programming_language)", true)),
                Links.segments("https://en.wikipedia.org/wiki/Java_(programming_language)"));
    }

    @Test
    void onlyHttpAndHttpsAreLinked() {
        assertEquals(List.of(new Segment("javascript:alert(1) ftp://x.org data:text/html,hi", false)),
                Links.segments("javascript:alert(1) ftp://x.org data:text/html,hi"));
    }

    @Test
    void anAddressCannotBreakOutOfTheAttribute() {
        List<Segment> segments = Links.segments("https://example.org/\"onmouseover=alert(1)");
        assertEquals(new Segment("https://example.org/", true), segments.get(0));
    }

    @Test
    void severalAddressesAndNoneAtAll() {
        assertEquals(3, Links.segments("https://a.example and http://b.example").size());
        assertEquals(List.of(new Segment("nothing to link", false)), Links.segments("nothing to link"));
        assertEquals(List.of(), Links.segments(""));
        assertEquals(List.of(new Segment("https:// no host", false)), Links.segments("https:// no host"));
    }
}
