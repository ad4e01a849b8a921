package org.babillard.integrations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * A post waiting to be sent to an outgoing webhook (the outbox of webhooks): its body is fixed when the post is
 * published; a failed attempt is tried again after a delay that doubles each time, then given up.
 */
@Entity
@Table(name = "webhook_delivery")
@NamedQuery(name = WebhookDelivery.DUE, query = """
        select d.id from WebhookDelivery d where d.deliveredAt is null and d.givenUpAt is null and d.dueAt <= :now order by d.id""")
public class WebhookDelivery {

    public static final String DUE = "WebhookDelivery.due";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_delivery_seq")
    @SequenceGenerator(name = "webhook_delivery_seq", sequenceName = "webhook_delivery_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "webhook_id", nullable = false, updatable = false)
    private OutgoingWebhook webhook;

    @Column(name = "post_id", nullable = false, updatable = false)
    private long postId;

    /** Sent as X-Babillard-Delivery: the same for every attempt, so that a receiver can drop a repeat. */
    @Column(name = "delivery_key", nullable = false, updatable = false, length = 36)
    private String deliveryKey;

    @Column(nullable = false, updatable = false, length = 20000)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "due_at", nullable = false)
    private OffsetDateTime dueAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "delivered_at")
    private OffsetDateTime deliveredAt;

    @Column(name = "given_up_at")
    private OffsetDateTime givenUpAt;

    protected WebhookDelivery() {
        // for JPA
    }

    public WebhookDelivery(OutgoingWebhook webhook, long postId, String body, Instant now) {
        this.webhook = Objects.requireNonNull(webhook);
        this.postId = postId;
        this.body = Objects.requireNonNull(body);
        this.deliveryKey = UUID.randomUUID().toString();
        this.createdAt = now.atOffset(ZoneOffset.UTC);
        this.dueAt = this.createdAt;
    }

    public void delivered(Instant now) {
        attempts++;
        deliveredAt = now.atOffset(ZoneOffset.UTC);
    }

    /** A failed attempt: due again after the delay for this many attempts, or given up after the last. */
    public void failed(Instant now, int maxAttempts, Duration firstDelay) {
        attempts++;
        if (attempts >= maxAttempts) {
            givenUpAt = now.atOffset(ZoneOffset.UTC);
        } else {
            dueAt = now.plus(retryDelay(attempts, firstDelay)).atOffset(ZoneOffset.UTC);
        }
    }

    /** The first delay, doubled after each further failure, at most an hour. */
    public static Duration retryDelay(int attemptsSoFar, Duration firstDelay) {
        Duration delay = firstDelay.multipliedBy(1L << Math.min(attemptsSoFar - 1, 20));
        return delay.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : delay;
    }

    /** Given up: nothing more to do (the webhook was switched off, or the attempts ran out). */
    public void giveUp(Instant now) {
        givenUpAt = now.atOffset(ZoneOffset.UTC);
    }

    public boolean isPending() {
        return deliveredAt == null && givenUpAt == null;
    }

    public boolean isGivenUp() {
        return givenUpAt != null;
    }

    public Long getId() {
        return id;
    }

    public OutgoingWebhook getWebhook() {
        return webhook;
    }

    public long getPostId() {
        return postId;
    }

    public String getDeliveryKey() {
        return deliveryKey;
    }

    public String getBody() {
        return body;
    }

    public Instant getDueAt() {
        return dueAt.toInstant();
    }

    public int getAttempts() {
        return attempts;
    }
}
