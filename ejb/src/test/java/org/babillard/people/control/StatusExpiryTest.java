package org.babillard.people.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StatusExpiryTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    // Wednesday 26 November 2026, 15:20 in Paris.
    private static final Instant NOW = Instant.parse("2026-11-26T14:20:00Z");

    @Test
    void durationsCountFromNow() {
        assertEquals(Instant.parse("2026-11-26T14:50:00Z"), StatusExpiry.MINUTES_30.until(NOW, PARIS));
        assertEquals(Instant.parse("2026-11-26T15:20:00Z"), StatusExpiry.HOUR_1.until(NOW, PARIS));
        assertEquals(Instant.parse("2026-11-26T18:20:00Z"), StatusExpiry.HOURS_4.until(NOW, PARIS));
    }

    @Test
    void todayEndsAtLocalMidnightAndTheWeekOnSundayNight() {
        assertEquals(Instant.parse("2026-11-26T23:00:00Z"), StatusExpiry.TODAY.until(NOW, PARIS));
        assertEquals(Instant.parse("2026-11-29T23:00:00Z"), StatusExpiry.THIS_WEEK.until(NOW, PARIS));
    }

    @Test
    void noneKeepsTheStatus() {
        assertNull(StatusExpiry.NONE.until(NOW, PARIS));
    }
}
