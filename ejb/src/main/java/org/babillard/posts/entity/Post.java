package org.babillard.posts.entity;

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
import jakarta.persistence.Version;
import org.babillard.people.entity.Employee;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** A status update an employee wrote: a few lines of text, immutable once published. */
@Entity
@Table(name = "post")
@NamedQuery(name = Post.LATEST,
        query = "select p from Post p join fetch p.author order by p.id desc")
@NamedQuery(name = Post.LATEST_BEFORE,
        query = "select p from Post p join fetch p.author where p.id < :before order by p.id desc")
@NamedQuery(name = Post.BY_AUTHOR,
        query = "select p from Post p join fetch p.author a where a.username = :author order by p.id desc")
@NamedQuery(name = Post.BY_AUTHOR_BEFORE,
        query = "select p from Post p join fetch p.author a where a.username = :author and p.id < :before order by p.id desc")
public class Post {

    public static final String LATEST = "Post.latest";
    public static final String LATEST_BEFORE = "Post.latestBefore";
    public static final String BY_AUTHOR = "Post.byAuthor";
    public static final String BY_AUTHOR_BEFORE = "Post.byAuthorBefore";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_seq")
    @SequenceGenerator(name = "post_seq", sequenceName = "post_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "author_id", nullable = false, updatable = false)
    private Employee author;

    @Column(nullable = false, length = 10000, updatable = false)
    private String text;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Post() {
        // for JPA
    }

    /** A post whose text has already passed {@code PostText} validation. */
    public Post(Employee author, String text, Instant createdAt) {
        this.author = Objects.requireNonNull(author);
        this.text = Objects.requireNonNull(text);
        this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
    }

    public Long getId() {
        return id;
    }

    public Employee getAuthor() {
        return author;
    }

    public String getText() {
        return text;
    }

    public Instant getCreatedAt() {
        return createdAt.toInstant();
    }
}
