package org.babillard.announcements.control;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalendarFileTest {

    private final CalendarFile ics = new CalendarFile();

    @Test
    void textValuesAreEscaped() {
        assertEquals("a\\, b\\; c\\\\d\\ne", ics.text("a, b; c\\d\r\ne"));
    }

    @Test
    void linesAreFoldedAt75OctetsWithoutSplittingCharacters() {
        String summary = "é".repeat(100);
        String file = ics.calendar(null, List.of(new CalendarFile.Event("announcement-1@babillard",
                Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T10:30:00Z"), summary, "Line one\nLine two",
                "Salle Eiffel, 3e étage", "https://meet.example/abc?x=1", Instant.parse("2026-11-26T18:00:00Z"))));
        assertTrue(file.endsWith("END:VCALENDAR\r\n"));
        for (String line : file.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded: " + line);
            assertTrue(!line.contains("\n") && !line.contains("\r"), "CRLF only between lines");
        }
        String unfolded = file.replace("\r\n ", "");
        assertTrue(unfolded.contains("SUMMARY:" + summary + "\r\n"), "the folded summary unfolds intact");
        assertTrue(unfolded.contains("DTSTART:20261201T090000Z\r\n"));
        assertTrue(unfolded.contains("DTEND:20261201T103000Z\r\n"));
        assertTrue(unfolded.contains("UID:announcement-1@babillard\r\n"));
        assertTrue(unfolded.contains("LOCATION:Salle Eiffel\\, 3e étage\r\n"));
        assertTrue(unfolded.contains("DESCRIPTION:Line one\\nLine two\r\n"));
    }
}
