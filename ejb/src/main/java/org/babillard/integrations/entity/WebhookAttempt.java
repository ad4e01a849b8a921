package org.babillard.integrations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One try to send a post to an outgoing webhook: the delivery log the channel's managers read. */
@Entity
@Table(name = "webhook_attempt")
@NamedQuery(name = WebhookAttempt.LATEST,
        query = "select a from WebhookAttempt a where a.webhookId = :webhook order by a.id desc")
public class WebhookAttempt {

    public static final String LATEST = "WebhookAttempt.latest";
    /** How many attempts the log keeps per webhook. */
    public static final int KEPT = 50;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_attempt_seq")
    @SequenceGenerator(name = "webhook_attempt_seq", sequenceName = "webhook_attempt_seq", allocationSize = 1)
    private Long id;

    @Column(name = "webhook_id", nullable = false, updatable = false)
    private long webhookId;

    @Column(name = "delivery_id", nullable = false, updatable = false)
    private long deliveryId;

    @Column(name = "post_id", nullable = false, updatable = false)
    private long postId;

    @Column(nullable = false, updatable = false)
    private int attempt;

    @Column(name = "attempted_at", nullable = false, updatable = false)
    private OffsetDateTime attemptedAt;

    /** The HTTP status answered, or null when no answer came (see {@link #error}). */
    @Column(name = "status_code", updatable = false)
    private Integer statusCode;

    @Column(length = 500, updatable = false)
    private String error;

    @Column(name = "duration_ms", nullable = false, updatable = false)
    private long durationMs;

    protected WebhookAttempt() {
        // for JPA
    }

    public WebhookAttempt(long webhookId, long deliveryId, long postId, int attempt, Instant at, Integer statusCode,
                          String error, long durationMs) {
        this.webhookId = webhookId;
        this.deliveryId = deliveryId;
        this.postId = postId;
        this.attempt = attempt;
        this.attemptedAt = at.atOffset(ZoneOffset.UTC);
        this.statusCode = statusCode;
        this.error = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        this.durationMs = durationMs;
    }

    public Long getId() {
        return id;
    }

    public long getDeliveryId() {
        return deliveryId;
    }

    public long getPostId() {
        return postId;
    }

    public int getAttempt() {
        return attempt;
    }

    public Instant getAttemptedAt() {
        return attemptedAt.toInstant();
    }

    public Integer getStatusCode() {
        return statusCode;
    }

    public String getError() {
        return error;
    }

    public long getDurationMs() {
        return durationMs;
    }
}
