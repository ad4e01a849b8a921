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
 * A secret address ({@code /hooks/<secret>}) that posts into its channel as its bot: what an ERP, a CI server or a
 * monitoring tool calls with one curl. The secret is shown to the channel's managers, so it is kept as it is;
 * regenerating it makes the old address answer 404.
 */
@Entity
@Table(name = "incoming_webhook")
@NamedQuery(name = IncomingWebhook.BY_SECRET,
        query = "select h from IncomingWebhook h join fetch h.bot join fetch h.channel where h.secret = :secret")
@NamedQuery(name = IncomingWebhook.OF_CHANNEL,
        query = "select h from IncomingWebhook h join fetch h.bot where h.channel.id = :channel order by h.id")
@NamedQuery(name = IncomingWebhook.OF_BOT, query = "select h from IncomingWebhook h where h.bot.id = :bot")
public class IncomingWebhook {

    public static final String BY_SECRET = "IncomingWebhook.bySecret";
    public static final String OF_CHANNEL = "IncomingWebhook.ofChannel";
    public static final String OF_BOT = "IncomingWebhook.ofBot";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incoming_webhook_seq")
    @SequenceGenerator(name = "incoming_webhook_seq", sequenceName = "incoming_webhook_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "channel_id", nullable = false, updatable = false)
    private Channel channel;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "bot_id", nullable = false, updatable = false)
    private Employee bot;

    @Column(nullable = false, length = 64)
    private String secret;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by", nullable = false, updatable = false)
    private Employee createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    protected IncomingWebhook() {
        // for JPA
    }

    public IncomingWebhook(Channel channel, Employee bot, String secret, Employee createdBy, Instant now) {
        this.channel = Objects.requireNonNull(channel);
        this.bot = Objects.requireNonNull(bot);
        this.secret = Objects.requireNonNull(secret);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    /** A new secret: the old address stops working at once. */
    public void regenerate(String newSecret) {
        this.secret = Objects.requireNonNull(newSecret);
    }

    public void used(Instant now) {
        lastUsedAt = now.atOffset(ZoneOffset.UTC);
    }

    public Long getId() {
        return id;
    }

    public Channel getChannel() {
        return channel;
    }

    public Employee getBot() {
        return bot;
    }

    public String getSecret() {
        return secret;
    }

    public Instant getCreatedAt() {
        return createdAt.toInstant();
    }

    public Instant getLastUsedAt() {
        return lastUsedAt == null ? null : lastUsedAt.toInstant();
    }
}
