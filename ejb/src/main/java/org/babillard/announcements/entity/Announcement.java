package org.babillard.announcements.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.babillard.people.entity.Employee;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Something HR or an administrator tells an audience of the company: in French, English or both, in a category,
 * going out now or at a set time, until an optional expiry, possibly pinned, possibly "must read", possibly an
 * event with a start, an end and a place or an online link. Who reads it is said by its {@link AudienceTarget}s.
 */
@Entity
@Table(name = "announcement")
public class Announcement {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "announcement_seq")
    @SequenceGenerator(name = "announcement_seq", sequenceName = "announcement_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "author_id", updatable = false)
    private Employee author;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Category category;

    @Column(name = "title_fr", length = 200)
    private String titleFr;
    @Column(name = "body_fr", length = 10000)
    private String bodyFr;
    @Column(name = "title_en", length = 200)
    private String titleEn;
    @Column(name = "body_en", length = 10000)
    private String bodyEn;

    @Column(name = "must_read", nullable = false)
    private boolean mustRead;

    @Column(name = "publish_at", nullable = false)
    private OffsetDateTime publishAt;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "pinned_at")
    private OffsetDateTime pinnedAt;

    @Column(name = "event_start")
    private OffsetDateTime eventStart;
    @Column(name = "event_end")
    private OffsetDateTime eventEnd;
    @Column(name = "event_place", length = 300)
    private String eventPlace;
    @Column(name = "event_link", length = 1000)
    private String eventLink;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Announcement() {
        // for JPA
    }

    /** A new announcement, already checked by the boundary; it goes out at {@code publishAt}. */
    public Announcement(Employee author, Category category, String titleFr, String bodyFr, String titleEn, String bodyEn,
                        boolean mustRead, Instant publishAt, Instant expiresAt, boolean pinned, Instant now) {
        this.author = Objects.requireNonNull(author);
        this.category = Objects.requireNonNull(category);
        this.titleFr = titleFr;
        this.bodyFr = bodyFr;
        this.titleEn = titleEn;
        this.bodyEn = bodyEn;
        this.mustRead = mustRead;
        this.publishAt = utc(Objects.requireNonNull(publishAt));
        this.expiresAt = utc(expiresAt);
        this.pinnedAt = pinned ? utc(now) : null;
        this.createdAt = utc(now);
    }

    /** Makes it an event (the boundary checked that the end does not come before the start). */
    public void event(Instant start, Instant end, String place, String link) {
        this.eventStart = utc(Objects.requireNonNull(start));
        this.eventEnd = utc(Objects.requireNonNull(end));
        this.eventPlace = place;
        this.eventLink = link;
    }

    /** It goes out now. */
    public void published(Instant now) {
        if (publishedAt == null) {
            publishedAt = utc(now);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** The title in this language ("fr" or anything else for English), falling back to the other language. */
    public String title(String language) {
        return "fr".equals(language) ? (titleFr != null ? titleFr : titleEn) : (titleEn != null ? titleEn : titleFr);
    }

    /** The text in this language, falling back to the other language. */
    public String body(String language) {
        return "fr".equals(language) ? (bodyFr != null ? bodyFr : bodyEn) : (bodyEn != null ? bodyEn : bodyFr);
    }

    /** The language the reader actually gets: theirs when the author wrote it, else the other one. */
    public String languageFor(String language) {
        boolean french = "fr".equals(language) ? titleFr != null : titleEn == null;
        return french ? "fr" : "en";
    }

    public boolean isOutAt(Instant now) {
        return publishedAt != null && !isExpiredAt(now);
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !expiresAt.toInstant().isAfter(now);
    }

    public boolean isEvent() {
        return eventStart != null;
    }

    public Long getId() {
        return id;
    }

    public Employee getAuthor() {
        return author;
    }

    public Category getCategory() {
        return category;
    }

    public String getTitleFr() {
        return titleFr;
    }

    public String getBodyFr() {
        return bodyFr;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public String getBodyEn() {
        return bodyEn;
    }

    public boolean isMustRead() {
        return mustRead;
    }

    public Instant getPublishAt() {
        return instant(publishAt);
    }

    public Instant getPublishedAt() {
        return instant(publishedAt);
    }

    public boolean isPublished() {
        return publishedAt != null;
    }

    public Instant getExpiresAt() {
        return instant(expiresAt);
    }

    public boolean isPinned() {
        return pinnedAt != null;
    }

    public Instant getPinnedAt() {
        return instant(pinnedAt);
    }

    public Instant getEventStart() {
        return instant(eventStart);
    }

    public Instant getEventEnd() {
        return instant(eventEnd);
    }

    public String getEventPlace() {
        return eventPlace;
    }

    public String getEventLink() {
        return eventLink;
    }

    public Instant getCreatedAt() {
        return instant(createdAt);
    }
}
