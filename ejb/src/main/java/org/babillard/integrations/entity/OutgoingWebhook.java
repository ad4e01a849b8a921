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
import org.babillard.channels.entity.Channel;
import org.babillard.people.entity.Employee;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * An address outside Babillard that receives each new post of a channel as a JSON POST, signed with HMAC-SHA256
 * with its secret (which the receiver needs, so it is kept as it is). Replies are sent too unless switched off.
 */
@Entity
@Table(name = "outgoing_webhook")
@NamedQuery(name = OutgoingWebhook.OF_CHANNEL,
        query = "select h from OutgoingWebhook h where h.channel.id = :channel order by h.id")
public class OutgoingWebhook {

    public static final String OF_CHANNEL = "OutgoingWebhook.ofChannel";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outgoing_webhook_seq")
    @SequenceGenerator(name = "outgoing_webhook_seq", sequenceName = "outgoing_webhook_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "channel_id", nullable = false, updatable = false)
    private Channel channel;

    @Column(nullable = false, length = 1000)
    private String url;

    @Column(nullable = false, length = 64)
    private String secret;

    @Column(nullable = false)
    private boolean enabled = true;

    /** Whether replies in the channel's threads are sent too (first posts always are). */
    @Column(nullable = false)
    private boolean replies = true;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by", nullable = false, updatable = false)
    private Employee createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected OutgoingWebhook() {
        // for JPA
    }

    public OutgoingWebhook(Channel channel, String url, String secret, boolean replies, Employee createdBy, Instant now) {
        this.channel = Objects.requireNonNull(channel);
        this.url = Objects.requireNonNull(url);
        this.secret = Objects.requireNonNull(secret);
        this.replies = replies;
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    public void settings(String url, boolean enabled, boolean replies) {
        this.url = Objects.requireNonNull(url);
        this.enabled = enabled;
        this.replies = replies;
    }

    public void regenerate(String newSecret) {
        this.secret = Objects.requireNonNull(newSecret);
    }

    public Long getId() {
        return id;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getUrl() {
        return url;
    }

    public String getSecret() {
        return secret;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isReplies() {
        return replies;
    }

    public Instant getCreatedAt() {
        return createdAt.toInstant();
    }
}
