package org.babillard.notifications.entity;

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
import org.babillard.channels.entity.Channel;
import org.babillard.people.entity.Employee;
import org.babillard.posts.entity.Post;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** Something that happened to an employee: a mention, a reply, a reaction, a new follower, a channel request. */
@Entity
@Table(name = "notification")
@NamedQuery(name = Notification.UNREAD_COUNT, query = """
        select count(n) from Notification n left join n.post p left join p.channel c
        where n.recipient.id = :recipient and n.readAt is null
          and (p is null or (p.deletedAt is null and p.hiddenAt is null
               and not exists (select th from Post th where th = p.thread and th.hiddenAt is not null)
               and (c is null or c.access = org.babillard.channels.entity.Channel.Access.OPEN
                    or exists (select m from Membership m where m.channel = c and m.employee.id = :recipient))))""")
@NamedQuery(name = Notification.EARLIER, query = """
        select count(n) from Notification n where n.recipient.id = :recipient and n.actor.id = :actor and n.kind = :kind""")
@NamedQuery(name = Notification.MARK_ALL_READ, query = """
        update Notification n set n.readAt = :now where n.recipient.id = :recipient and n.readAt is null""")
public class Notification {

    public static final String UNREAD_COUNT = "Notification.unreadCount";
    public static final String MARK_ALL_READ = "Notification.markAllRead";
    /** How many notifications of a kind an actor has already caused a recipient. */
    public static final String EARLIER = "Notification.earlier";

    public enum Kind {
        MENTION, REPLY, REACTION, FOLLOW, JOIN_REQUEST, INVITATION, JOINED, SHARE,
        /** A new post matches one of the recipient's saved searches (search.entity.SavedSearch). */
        SAVED_SEARCH
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "recipient_id", nullable = false, updatable = false)
    private Employee recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24, updatable = false)
    private Kind kind;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "actor_id", nullable = false, updatable = false)
    private Employee actor;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "post_id", updatable = false)
    private Post post;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "channel_id", updatable = false)
    private Channel channel;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "read_at")
    private OffsetDateTime readAt;

    protected Notification() {
        // for JPA
    }

    public Notification(Employee recipient, Kind kind, Employee actor, Post post, Channel channel, Instant now) {
        this.recipient = Objects.requireNonNull(recipient);
        this.kind = Objects.requireNonNull(kind);
        this.actor = Objects.requireNonNull(actor);
        this.post = post;
        this.channel = channel;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    public void read(Instant now) {
        if (readAt == null) {
            readAt = now.atOffset(ZoneOffset.UTC);
        }
    }

    public Long getId() {
        return id;
    }

    public Employee getRecipient() {
        return recipient;
    }

    public Kind getKind() {
        return kind;
    }

    public Employee getActor() {
        return actor;
    }

    public Post getPost() {
        return post;
    }

    public Channel getChannel() {
        return channel;
    }

    public Instant getCreatedAt() {
        return createdAt.toInstant();
    }

    public boolean isRead() {
        return readAt != null;
    }
}
