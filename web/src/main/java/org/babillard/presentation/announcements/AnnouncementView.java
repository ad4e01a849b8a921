package org.babillard.presentation.announcements;

import org.babillard.announcements.boundary.NewsItem;
import org.babillard.announcements.entity.Announcement;

import java.io.Serializable;
import java.time.Instant;

/** An announcement as a page shows it to one reader, in their language (or the other one when it is all there is). */
public class AnnouncementView implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String category;
    private final String title;
    private final String body;
    private final String language;
    private final boolean translated;
    private final boolean mustRead;
    private final boolean pending;
    private final boolean pinned;
    private final boolean published;
    private final Instant publishedAt;
    private final Instant publishAt;
    private final Instant expiresAt;
    private final String authorName;
    private final String authorUsername;
    private final boolean event;
    private final Instant eventStart;
    private final Instant eventEnd;
    private final String eventPlace;
    private final String eventLink;
    private final boolean statistics;
    private final boolean acknowledged;

    AnnouncementView(Announcement a, String readerLanguage, boolean pending, boolean acknowledged, boolean statistics) {
        this.id = a.getId();
        this.category = a.getCategory().name();
        this.language = a.languageFor(readerLanguage);
        this.title = a.title(language);
        this.body = a.body(language);
        this.translated = !language.equals(readerLanguage);
        this.mustRead = a.isMustRead();
        this.pending = pending;
        this.pinned = a.isPinned();
        this.published = a.isPublished();
        this.publishedAt = a.getPublishedAt();
        this.publishAt = a.getPublishAt();
        this.expiresAt = a.getExpiresAt();
        this.authorName = a.getAuthor().getDisplayName();
        this.authorUsername = a.getAuthor().getUsername();
        this.event = a.isEvent();
        this.eventStart = a.getEventStart();
        this.eventEnd = a.getEventEnd();
        this.eventPlace = a.getEventPlace();
        this.eventLink = a.getEventLink();
        this.statistics = statistics;
        this.acknowledged = acknowledged;
    }

    static AnnouncementView of(NewsItem item, String readerLanguage, boolean statistics) {
        return new AnnouncementView(item.announcement(), readerLanguage, item.pendingAcknowledgement(),
                item.acknowledgedAt() != null, statistics);
    }

    public long getId() {
        return id;
    }

    public String getCategory() {
        return category;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    /** The language the text is in ("fr" or "en"), for the lang attribute. */
    public String getLanguage() {
        return language;
    }

    /** Whether the reader gets the other language because the author wrote only that one. */
    public boolean isTranslated() {
        return translated;
    }

    public boolean isMustRead() {
        return mustRead;
    }

    public boolean isPending() {
        return pending;
    }

    public boolean isPinned() {
        return pinned;
    }

    public boolean isPublished() {
        return published;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getPublishAt() {
        return publishAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getAuthorUsername() {
        return authorUsername;
    }

    public boolean isEvent() {
        return event;
    }

    public Instant getEventStart() {
        return eventStart;
    }

    public Instant getEventEnd() {
        return eventEnd;
    }

    public String getEventPlace() {
        return eventPlace;
    }

    public String getEventLink() {
        return eventLink;
    }

    /** Whether the reader said "I have read this". */
    public boolean isAcknowledged() {
        return acknowledged;
    }

    public boolean isStatistics() {
        return statistics;
    }
}
