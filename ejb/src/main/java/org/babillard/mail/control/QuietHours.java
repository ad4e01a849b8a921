package org.babillard.mail.control;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When a mail may go out given a person's quiet hours (from one hour to another, possibly over midnight). */
public final class QuietHours {

    private QuietHours() {
    }

    /** {@code now} if it is outside the quiet hours, else the moment they end. */
    public static Instant release(Instant now, Integer from, Integer until, ZoneId zone) {
        if (from == null || until == null || from.equals(until)) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        int hour = local.getHour();
        boolean quiet = from < until ? hour >= from && hour < until : hour >= from || hour < until;
        if (!quiet) {
            return now;
        }
        ZonedDateTime end = local.withHour(until).withMinute(0).withSecond(0).withNano(0);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}
