package org.babillard.announcements.boundary;

import java.util.List;

/**
 * A must-read announcement that its recipients should hear about outside the web page: fired (as a CDI event,
 * observed after the commit) when a must-read announcement goes out, and again as a reminder for those who have
 * not acknowledged it after the configured delay. Mail and SMS delivery observe it; publishing never waits for them.
 *
 * @param announcementId the announcement
 * @param kind           whether it has just been published or this is a reminder
 * @param titleFr        the French title (null when the author wrote only English)
 * @param bodyFr         the French text (null when the author wrote only English)
 * @param titleEn        the English title (null when the author wrote only French)
 * @param bodyEn         the English text (null when the author wrote only French)
 * @param path           the announcement's page, relative to the application's root (e.g. "news.xhtml?a=12")
 * @param recipients     the usernames to tell (for a reminder: only those who have not acknowledged)
 */
public record MustReadMessage(long announcementId, Kind kind, String titleFr, String bodyFr, String titleEn,
                              String bodyEn, String path, List<String> recipients) {

    public enum Kind { PUBLISHED, REMINDER }

    public MustReadMessage {
        recipients = List.copyOf(recipients);
    }

    /** The title in the reader's language, falling back to the other. */
    public String title(String language) {
        return "fr".equals(language) ? (titleFr != null ? titleFr : titleEn) : (titleEn != null ? titleEn : titleFr);
    }

    /** The text in the reader's language, falling back to the other. */
    public String body(String language) {
        return "fr".equals(language) ? (bodyFr != null ? bodyFr : bodyEn) : (bodyEn != null ? bodyEn : bodyFr);
    }
}
