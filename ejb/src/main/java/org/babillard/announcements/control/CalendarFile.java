package org.babillard.announcements.control;

import jakarta.enterprise.context.Dependent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes events as an iCalendar file (RFC 5545): CRLF line ends, lines folded at 75 octets without splitting a
 * character, TEXT values escaped (backslash, semicolon, comma, line breaks), times in UTC, one stable UID per event
 * so that a calendar program updates an event rather than adding it twice.
 */
@Dependent
public class CalendarFile {

    /** One event of the file; {@code link} is an http(s) address already checked, or null. */
    public record Event(String uid, Instant start, Instant end, String summary, String description, String location,
                        String link, Instant stamp) {
    }

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";

    public String calendar(String name, List<Event> events) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Babillard//Announcements//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        if (name != null) {
            line(out, "X-WR-CALNAME:" + text(name));
        }
        for (Event e : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + text(e.uid()));
            line(out, "DTSTAMP:" + UTC.format(e.stamp()));
            line(out, "DTSTART:" + UTC.format(e.start()));
            line(out, "DTEND:" + UTC.format(e.end()));
            line(out, "SUMMARY:" + text(e.summary()));
            if (e.description() != null && !e.description().isEmpty()) {
                line(out, "DESCRIPTION:" + text(e.description()));
            }
            if (e.location() != null && !e.location().isEmpty()) {
                line(out, "LOCATION:" + text(e.location()));
            }
            if (e.link() != null) {
                line(out, "URL:" + e.link().replaceAll("[\\r\\n]", ""));
            }
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** RFC 5545 3.3.11: backslash, semicolon and comma escaped, line breaks as \n, other controls dropped. */
    String text(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        String normalised = value.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c >= 0x20 && c != 0x7f || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Appends a content line, folded so that no physical line exceeds 75 octets (RFC 5545 3.1). */
    void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append(CRLF);
    }
}
