package org.babillard.mail.entity;

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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.babillard.people.entity.Employee;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A mail or a text message waiting to be sent, written in its reader's language when it was queued. The outbox
 * timer sends what is due; a failure is retried later with a growing delay, then given up and logged.
 */
@Entity
@Table(name = "outbox_message")
@NamedQuery(name = OutboxMessage.DUE, query = """
        select m.id from OutboxMessage m where m.sentAt is null and m.givenUpAt is null and m.dueAt <= :now order by m.id""")
public class OutboxMessage {

    public static final String DUE = "OutboxMessage.due";
    /** Attempts before a message is given up: with the delays below, about a day of retries. */
    public static final int MAX_ATTEMPTS = 10;

    public enum Channel { MAIL, SMS }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_message_seq")
    @SequenceGenerator(name = "outbox_message_seq", sequenceName = "outbox_message_seq", allocationSize = 1)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8, updatable = false)
    private Channel channel;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "recipient_id", nullable = false, updatable = false)
    private Employee recipient;

    @Column(nullable = false, length = 320, updatable = false)
    private String address;

    @Column(length = 1000, updatable = false)
    private String subject;

    @Column(name = "text_body", nullable = false, length = 200000, updatable = false)
    private String textBody;

    @Column(name = "html_body", length = 400000, updatable = false)
    private String htmlBody;

    @Column(name = "reply_to", length = 320, updatable = false)
    private String replyTo;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "due_at", nullable = false)
    private OffsetDateTime dueAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "given_up_at")
    private OffsetDateTime givenUpAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    protected OutboxMessage() {
        // for JPA
    }

    public static OutboxMessage mail(Employee recipient, String address, String subject, String text, String html,
                                     String replyTo, Instant now, Instant due) {
        OutboxMessage m = new OutboxMessage(Channel.MAIL, recipient, address, text, now, due);
        m.subject = subject;
        m.htmlBody = html;
        m.replyTo = replyTo;
        return m;
    }

    public static OutboxMessage sms(Employee recipient, String phone, String text, Instant now) {
        return new OutboxMessage(Channel.SMS, recipient, phone, text, now, now);
    }

    private OutboxMessage(Channel channel, Employee recipient, String address, String text, Instant now, Instant due) {
        this.channel = channel;
        this.recipient = Objects.requireNonNull(recipient);
        this.address = Objects.requireNonNull(address);
        this.textBody = Objects.requireNonNull(text);
        this.createdAt = now.atOffset(ZoneOffset.UTC);
        this.dueAt = due.atOffset(ZoneOffset.UTC);
    }

    public void sent(Instant now) {
        attempts++;
        sentAt = now.atOffset(ZoneOffset.UTC);
        lastError = null;
    }

    /** A failed attempt: due again after a delay that doubles each time (30 s, 1 min, 2 min ... at most 4 h). */
    public void failed(String error, Instant now) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        if (attempts >= MAX_ATTEMPTS) {
            givenUpAt = now.atOffset(ZoneOffset.UTC);
        } else {
            dueAt = now.plus(retryDelay(attempts)).atOffset(ZoneOffset.UTC);
        }
    }

    public static Duration retryDelay(int attemptsSoFar) {
        long base = Long.getLong("babillard.outbox.retry-seconds", 30);
        long seconds = base * (1L << Math.min(attemptsSoFar - 1, 20));
        return Duration.ofSeconds(Math.min(seconds, Duration.ofHours(4).toSeconds()));
    }

    public boolean isPending() {
        return sentAt == null && givenUpAt == null;
    }

    public boolean isGivenUp() {
        return givenUpAt != null;
    }

    public Long getId() {
        return id;
    }

    public Channel getChannel() {
        return channel;
    }

    public Employee getRecipient() {
        return recipient;
    }

    public String getAddress() {
        return address;
    }

    public String getSubject() {
        return subject;
    }

    public String getTextBody() {
        return textBody;
    }

    public String getHtmlBody() {
        return htmlBody;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public Instant getDueAt() {
        return dueAt.toInstant();
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }
}
