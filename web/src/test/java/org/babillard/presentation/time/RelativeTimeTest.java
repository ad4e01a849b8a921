package org.babillard.presentation.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RelativeTimeTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static RelativeTime in(Locale locale) {
        return new RelativeTime(ResourceBundle.getBundle("org.babillard.presentation.messages", locale), locale, PARIS);
    }

    private static String ago(Locale locale, Duration d) {
        return in(locale).since(NOW.minus(d), NOW);
    }

    @Test
    void french() {
        assertEquals("à l'instant", ago(Locale.FRENCH, Duration.ofSeconds(10)));
        assertEquals("il y a 1 minute", ago(Locale.FRENCH, Duration.ofSeconds(50)));
        assertEquals("il y a 5 minutes", ago(Locale.FRENCH, Duration.ofMinutes(5)));
        assertEquals("il y a 1 heure", ago(Locale.FRENCH, Duration.ofMinutes(61)));
        assertEquals("il y a 23 heures", ago(Locale.FRENCH, Duration.ofHours(23)));
        assertEquals("hier", ago(Locale.FRENCH, Duration.ofHours(30)));
        assertEquals("il y a 3 jours", ago(Locale.FRENCH, Duration.ofDays(3)));
        assertEquals("12 nov. 2026", ago(Locale.FRENCH, Duration.ofDays(14)));
    }

    @Test
    void english() {
        assertEquals("just now", ago(Locale.ENGLISH, Duration.ZERO));
        assertEquals("1 minute ago", ago(Locale.ENGLISH, Duration.ofSeconds(59)));
        assertEquals("2 hours ago", ago(Locale.ENGLISH, Duration.ofMinutes(150)));
        assertEquals("yesterday", ago(Locale.ENGLISH, Duration.ofDays(1)));
        assertEquals("6 days ago", ago(Locale.ENGLISH, Duration.ofDays(6)));
        assertEquals("Nov 12, 2026", ago(Locale.ENGLISH, Duration.ofDays(14)));
    }

    @Test
    void aClockSlightlyAheadOfTheServerStillSaysJustNow() {
        assertEquals("just now", in(Locale.ENGLISH).since(NOW.plusSeconds(3), NOW));
    }
}
