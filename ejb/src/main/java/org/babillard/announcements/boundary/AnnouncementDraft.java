package org.babillard.announcements.boundary;

import org.babillard.announcements.entity.AudienceTarget;
import org.babillard.announcements.entity.Category;

import java.time.Instant;
import java.util.List;

/**
 * What an author asks to announce. A language is written with its title and text, or left out (both null); at
 * least one language is needed. {@code publishAt} null or past means now; {@code event} null means not an event.
 */
public record AnnouncementDraft(Category category, String titleFr, String bodyFr, String titleEn, String bodyEn,
                                boolean mustRead, Instant publishAt, Instant expiresAt, boolean pinned,
                                List<Target> audience, EventDetails event) {

    public AnnouncementDraft {
        audience = audience == null ? List.of() : List.copyOf(audience);
    }

    /**
     * One part of the audience: EVERYONE (value ignored), DEPARTMENT or SITE (its name as the directory writes it),
     * CHANNEL (the channel's id), MANAGER (the manager's username: their reports, direct and indirect).
     */
    public record Target(AudienceTarget.Kind kind, String value) {

        public static Target everyone() {
            return new Target(AudienceTarget.Kind.EVERYONE, null);
        }
    }

    /** An event's time and place; place or link (http or https) or both. */
    public record EventDetails(Instant start, Instant end, String place, String link) {
    }

    /** A draft for everyone, in English only, published now: for tests and tools. */
    public static AnnouncementDraft english(Category category, String title, String body, boolean mustRead, List<Target> audience) {
        return new AnnouncementDraft(category, null, null, title, body, mustRead, null, null, false, audience, null);
    }

    public AnnouncementDraft publishingAt(Instant at, Instant expires) {
        return new AnnouncementDraft(category, titleFr, bodyFr, titleEn, bodyEn, mustRead, at, expires, pinned, audience, event);
    }

    public AnnouncementDraft asEvent(EventDetails details) {
        return new AnnouncementDraft(category, titleFr, bodyFr, titleEn, bodyEn, mustRead, publishAt, expiresAt, pinned, audience, details);
    }
}
