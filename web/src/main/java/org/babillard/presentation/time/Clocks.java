package org.babillard.presentation.time;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.babillard.presentation.Messages;
import org.babillard.presentation.language.Language;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ResourceBundle;

/**
 * Times as the views show them ({@code #{clocks.since(entry.createdAt)}}), in the reader's language and in the
 * company's time zone (the system property {@code babillard.timezone}, else the server's).
 */
@Named
@RequestScoped
public class Clocks {

    @Inject
    Language language;

    private RelativeTime relative;
    private final Instant now = Instant.now();

    public String since(Instant then) {
        return relative().since(then, now);
    }

    public String full(Instant then) {
        return relative().full(then);
    }

    public String iso(Instant then) {
        return then.toString();
    }

    private RelativeTime relative() {
        if (relative == null) {
            String zone = System.getProperty("babillard.timezone");
            relative = new RelativeTime(ResourceBundle.getBundle(Messages.BUNDLE, language.getLocale()), language.getLocale(),
                    zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone));
        }
        return relative;
    }
}
