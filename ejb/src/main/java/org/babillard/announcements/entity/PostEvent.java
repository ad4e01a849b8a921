package org.babillard.announcements.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A post (the first of its thread) that is an event: when, and where or at which address. Its readers answer it. */
@Entity
@Table(name = "post_event")
public class PostEvent {

    @Id
    @Column(name = "post_id")
    private Long postId;

    @Column(name = "event_start", nullable = false)
    private OffsetDateTime start;

    @Column(name = "event_end", nullable = false)
    private OffsetDateTime end;

    @Column(name = "event_place", length = 300)
    private String place;

    @Column(name = "event_link", length = 1000)
    private String link;

    protected PostEvent() {
        // for JPA
    }

    /** Already checked by the boundary: the end does not come before the start, the link is http(s). */
    public PostEvent(long postId, Instant start, Instant end, String place, String link) {
        this.postId = postId;
        change(start, end, place, link);
    }

    public final void change(Instant start, Instant end, String place, String link) {
        this.start = start.atOffset(ZoneOffset.UTC);
        this.end = end.atOffset(ZoneOffset.UTC);
        this.place = place;
        this.link = link;
    }

    public Long getPostId() {
        return postId;
    }

    public Instant getStart() {
        return start.toInstant();
    }

    public Instant getEnd() {
        return end.toInstant();
    }

    public String getPlace() {
        return place;
    }

    public String getLink() {
        return link;
    }
}
