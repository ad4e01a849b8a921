package org.babillard.announcements.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A thread under live coverage (its first post's id), since when and switched on by whom; switching off deletes it. */
@Entity
@Table(name = "live_thread")
public class LiveThread {

    @Id
    @Column(name = "post_id")
    private Long postId;

    @Column(nullable = false)
    private OffsetDateTime since;

    @Column(name = "switched_by", nullable = false)
    private Long switchedBy;

    protected LiveThread() {
        // for JPA
    }

    public LiveThread(long postId, long switchedBy, Instant now) {
        this.postId = postId;
        this.switchedBy = switchedBy;
        this.since = now.atOffset(ZoneOffset.UTC);
    }

    public Long getPostId() {
        return postId;
    }

    public Instant getSince() {
        return since.toInstant();
    }
}
