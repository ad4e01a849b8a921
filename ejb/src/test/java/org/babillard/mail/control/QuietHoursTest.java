package org.babillard.mail.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuietHoursTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void overMidnightAMailAtNightWaitsUntilMorning() {
        Instant night = Instant.parse("2026-11-26T22:30:00Z"); // 23:30 in Paris
        assertEquals(Instant.parse("2026-11-27T06:00:00Z"), QuietHours.release(night, 22, 7, PARIS));
        Instant early = Instant.parse("2026-11-27T03:00:00Z"); // 04:00 in Paris
        assertEquals(Instant.parse("2026-11-27T06:00:00Z"), QuietHours.release(early, 22, 7, PARIS));
    }

    @Test
    void outsideQuietHoursOrWithoutThemAMailGoesAtOnce() {
        Instant day = Instant.parse("2026-11-26T13:00:00Z");
        assertEquals(day, QuietHours.release(day, 22, 7, PARIS));
        assertEquals(day, QuietHours.release(day, null, null, PARIS));
        assertEquals(day, QuietHours.release(day, 9, 9, PARIS));
    }

    @Test
    void withinTheSameDay() {
        Instant lunch = Instant.parse("2026-11-26T11:15:00Z"); // 12:15 in Paris
        assertEquals(Instant.parse("2026-11-26T13:00:00Z"), QuietHours.release(lunch, 12, 14, PARIS));
        assertEquals(Instant.parse("2026-11-26T13:00:00Z"), QuietHours.release(Instant.parse("2026-11-26T13:00:00Z"), 12, 14, PARIS),
                "the end hour itself is no longer quiet");
    }
}
