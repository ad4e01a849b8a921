package org.babillard.people.control;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * The expiries a person picks for their status, turned into an instant in the company's time zone: "today" ends at
 * midnight, "this week" at the end of Sunday. {@link #NONE} keeps the status until it is cleared.
 */
public enum StatusExpiry {
    NONE, MINUTES_30, HOUR_1, HOURS_4, TODAY, THIS_WEEK;

    /** When a status set at {@code now} expires, or null for {@link #NONE}. */
    public Instant until(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        return switch (this) {
            case NONE -> null;
            case MINUTES_30 -> now.plus(Duration.ofMinutes(30));
            case HOUR_1 -> now.plus(Duration.ofHours(1));
            case HOURS_4 -> now.plus(Duration.ofHours(4));
            case TODAY -> local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            case THIS_WEEK -> local.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant();
        };
    }
}
