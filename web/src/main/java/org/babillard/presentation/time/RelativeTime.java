package org.babillard.presentation.time;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * How long ago something happened, in the reader's language: "à l'instant", "il y a 5 minutes",
 * "3 hours ago"; after a week, the date itself.
 */
public final class RelativeTime {

    private final ResourceBundle bundle;
    private final Locale locale;
    private final ZoneId zone;
    /** The patterns already parsed: an instance serves one request's thread (Clocks), never two at once. */
    private final java.util.Map<String, MessageFormat> formats = new java.util.HashMap<>();

    public RelativeTime(ResourceBundle bundle, Locale locale, ZoneId zone) {
        this.bundle = bundle;
        this.locale = locale;
        this.zone = zone;
    }

    public String since(Instant then, Instant now) {
        Duration age = Duration.between(then, now);
        if (age.toSeconds() < 45) {
            return bundle.getString("time.justNow");
        }
        if (age.toMinutes() < 60) {
            return format("time.minutesAgo", Math.max(1, age.toMinutes()));
        }
        if (age.toHours() < 24) {
            return format("time.hoursAgo", age.toHours());
        }
        if (age.toDays() < 7) {
            return format("time.daysAgo", age.toDays());
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(then.atZone(zone));
    }

    /** The full date and time, for a tooltip. */
    public String full(Instant then) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .format(then.atZone(zone));
    }

    private String format(String key, long amount) {
        // Parsed once per key (a pattern with a choice is costly to parse; a page shows forty times).
        return formats.computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), locale)).format(new Object[]{amount});
    }
}
