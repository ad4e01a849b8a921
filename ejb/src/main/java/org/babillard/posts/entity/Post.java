package org.babillard.posts.entity;

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
import jakarta.persistence.Version;
import org.babillard.channels.entity.Channel;
import org.babillard.people.entity.Employee;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What an employee wrote: company-wide or in a channel, a thread's first post or a reply in it. Its author may
 * edit it (the earlier texts are kept as {@link PostVersion}s) or delete it; a moderator may hide or delete it.
 */
@Entity
@Table(name = "post")
@NamedQuery(name = Post.BY_CLIENT_KEY,
        query = "select p from Post p where p.author.id = :author and p.clientKey = :key")
@NamedQuery(name = Post.PINNED,
        query = "select p from Post p join fetch p.author where p.channel.id = :channel and p.pinnedAt is not null and p.deletedAt is null and p.hiddenAt is null order by p.pinnedAt desc")
public class Post {

    /**
     * Who may read a post, chosen at posting; a reply takes its thread's. {@code CHANNEL} is what a post with a
     * channel means (stored as {@code COMPANY}: the channel decides). See {@code Visibility}.
     */
    public enum Audience {
        /** Everyone in the company, or the channel's readers for a post in a channel. */
        COMPANY,
        /** The channel's readers; implied by the channel, never stored. */
        CHANNEL,
        /** Only the author and the people the thread's first post mentions. */
        MENTIONED,
        /** Only the author: their private notebook, which nobody else, admins included, ever reads. */
        NOTEBOOK;

        /** Whether only some named people (or the author alone) may read it. */
        public boolean isRestricted() {
            return this == MENTIONED || this == NOTEBOOK;
        }
    }

    public static final String BY_CLIENT_KEY = "Post.byClientKey";
    public static final String PINNED = "Post.pinned";
    /**
     * The replies counter changes through this SQL, not through the entity nor JPQL (EclipseLink's bulk update
     * raises the version), so that a reply does not change the first post's version: its author can still edit
     * it with the version they loaded.
     */
    public static final String COUNT_REPLIES_SQL = "UPDATE post SET replies = replies + ? WHERE id = ?";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_seq")
    @SequenceGenerator(name = "post_seq", sequenceName = "post_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "author_id", nullable = false, updatable = false)
    private Employee author;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "channel_id", updatable = false)
    private Channel channel;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "reply_to_id", updatable = false)
    private Post replyTo;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "thread_id", updatable = false)
    private Post thread;

    @Column(nullable = false)
    private int replies;

    @Column(nullable = false, length = 10000)
    private String text;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "edited_at")
    private OffsetDateTime editedAt;

    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;

    @Column(name = "hidden_at")
    private OffsetDateTime hiddenAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "hidden_by")
    private Employee hiddenBy;

    @Column(name = "pinned_at")
    private OffsetDateTime pinnedAt;

    @Column(name = "client_key", length = 64, updatable = false)
    private String clientKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private Audience audience = Audience.COMPANY;

    /** The post this one shares (shown inside it); null for a post that shares nothing. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "shared_post_id", updatable = false)
    private Post sharedPost;

    /**
     * The post whose readers bound this one's: the original of a share, for the share and every reply in its
     * thread. Whoever cannot read it cannot read this post either (see {@code Visibility}).
     */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "readable_with", updatable = false)
    private Post readableWith;

    @Version
    private long version;

    protected Post() {
        // for JPA
    }

    /** A company-wide post whose text has already passed {@code PostText} validation. */
    public Post(Employee author, String text, Instant createdAt) {
        this(author, null, null, text, createdAt, null);
    }

    /**
     * A post whose text has already passed validation.
     *
     * @param channel   the channel, or null for a company-wide post (a reply takes its thread's channel)
     * @param replyTo   the post this one answers, or null for the first post of a thread
     * @param clientKey the composer's key for this post, so that a resubmission creates nothing new (may be null)
     */
    public Post(Employee author, Channel channel, Post replyTo, String text, Instant createdAt, String clientKey) {
        this.author = Objects.requireNonNull(author);
        this.text = Objects.requireNonNull(text);
        this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
        this.clientKey = clientKey;
        if (replyTo != null) {
            this.replyTo = replyTo;
            this.thread = replyTo.thread == null ? replyTo : replyTo.thread;
            this.channel = this.thread.channel;
        } else {
            this.channel = channel;
        }
        this.audience = this.thread == null ? Audience.COMPANY : this.thread.audience;
        // A reply in a share's thread is read by no one who may not read the original.
        this.readableWith = this.thread == null ? null : this.thread.readableWith;
    }

    /**
     * A post for a chosen audience: a reply takes its thread's audience whatever is asked, so that answering never
     * widens who reads a thread; a post in a channel is read by the channel's readers.
     */
    public Post(Employee author, Channel channel, Post replyTo, String text, Instant createdAt, String clientKey,
                Audience audience) {
        this(author, channel, replyTo, text, createdAt, clientKey);
        if (this.thread == null && this.channel == null && audience != null && audience != Audience.CHANNEL) {
            this.audience = audience;
        }
    }

    /**
     * A share of {@code original} (never itself a share: the caller shares the original of a share), company-wide
     * or in a channel, with the sharer's comment (possibly empty). Its readers are those of its own channel or the
     * company who may also read the original.
     */
    public static Post share(Employee author, Channel channel, Post original, String comment, Instant createdAt,
                             String clientKey) {
        if (original.sharedPost != null) {
            throw new IllegalArgumentException("Share the original, not a share");
        }
        Post share = new Post(author, channel, null, comment, createdAt, clientKey);
        share.sharedPost = original;
        share.readableWith = original;
        return share;
    }

    /**
     * Whether the post counts on its author's profile (the Mastodon account's statuses_count): company-wide, not
     * in a channel, not only for the people mentioned or the notebook, not a share. Fixed when the post is written.
     */
    public boolean countsOnProfile() {
        return channel == null && audience == Audience.COMPANY && readableWith == null;
    }

    /** Replaces the text; the caller keeps the earlier one as a {@link PostVersion}. */
    public PostVersion edit(String newText, Instant now) {
        PostVersion earlier = new PostVersion(this, text, getLastWrittenAt());
        this.text = Objects.requireNonNull(newText);
        this.editedAt = now.atOffset(ZoneOffset.UTC);
        return earlier;
    }

    /**
     * Deletes the post.
     *
     * @return how the thread's replies count changes: -1 when a visible reply goes, else 0
     */
    public int delete(Instant now) {
        if (deletedAt != null) {
            return 0;
        }
        int delta = thread != null && hiddenAt == null ? -1 : 0;
        deletedAt = now.atOffset(ZoneOffset.UTC);
        pinnedAt = null;
        return delta;
    }

    /**
     * Erases a notebook entry of a former employee whose personal data is erased: deleted, and its text gone too
     * (the row stays, like every deleted post, because other rows may name it).
     */
    public void eraseNotebookEntry(Instant now) {
        if (audience != Audience.NOTEBOOK) {
            throw new IllegalStateException("Post " + id + " is not a notebook entry");
        }
        delete(now);
        forgetText();
    }

    /** Empties the text of a deleted post (an erased former employee's): no one reads it, and now no one can. */
    public void forgetText() {
        if (deletedAt == null) {
            throw new IllegalStateException("Post " + id + " is not deleted");
        }
        text = "";
    }

    /** The same text with an erased former employee's mentions renamed (not an edit: nothing else changes). */
    public void mentionsRenamed(String renamed) {
        this.text = Objects.requireNonNull(renamed);
    }

    /**
     * Hides the post from all but moderators: a hidden reply no longer counts among its thread's replies.
     *
     * @return how the thread's replies count changes: -1 when a visible reply is hidden, else 0
     */
    public int hide(Employee moderator, Instant now) {
        pinnedAt = null;
        if (hiddenAt != null) {
            return 0;
        }
        hiddenAt = now.atOffset(ZoneOffset.UTC);
        hiddenBy = moderator;
        return thread != null && deletedAt == null ? -1 : 0;
    }

    /** @return how the thread's replies count changes: +1 when a hidden reply shows again, else 0 */
    public int unhide() {
        if (hiddenAt == null) {
            return 0;
        }
        hiddenAt = null;
        hiddenBy = null;
        return thread != null && deletedAt == null ? 1 : 0;
    }

    public void pin(Instant now) {
        pinnedAt = now.atOffset(ZoneOffset.UTC);
    }

    public void unpin() {
        pinnedAt = null;
    }

    public Long getId() {
        return id;
    }

    public Employee getAuthor() {
        return author;
    }

    public Channel getChannel() {
        return channel;
    }

    public Post getReplyTo() {
        return replyTo;
    }

    /** The first post of the thread this reply belongs to; null for a first post. */
    public Post getThread() {
        return thread;
    }

    /** This post's thread: itself for a first post. */
    public Post getThreadRoot() {
        return thread == null ? this : thread;
    }

    public int getReplies() {
        return replies;
    }

    public String getText() {
        return text;
    }

    public Instant getCreatedAt() {
        return createdAt.toInstant();
    }

    public Instant getEditedAt() {
        return editedAt == null ? null : editedAt.toInstant();
    }

    public boolean isEdited() {
        return editedAt != null;
    }

    /** When the current text was written: the last edit, or the creation. */
    public Instant getLastWrittenAt() {
        return editedAt == null ? createdAt.toInstant() : editedAt.toInstant();
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public boolean isHidden() {
        return hiddenAt != null;
    }

    public Employee getHiddenBy() {
        return hiddenBy;
    }

    public boolean isPinned() {
        return pinnedAt != null;
    }

    public String getClientKey() {
        return clientKey;
    }

    /** Who may read this post: {@code CHANNEL} for a post in a channel. */
    public Audience getAudience() {
        return channel != null && audience == Audience.COMPANY ? Audience.CHANNEL : audience;
    }

    public boolean isNotebook() {
        return audience == Audience.NOTEBOOK;
    }

    /** The post this one shares, or null. */
    public Post getSharedPost() {
        return sharedPost;
    }

    /** The post whose readers bound this one's (a share's original), or null. */
    public Post getReadableWith() {
        return readableWith;
    }

    public long getVersion() {
        return version;
    }
}
