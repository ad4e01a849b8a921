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
import org.babillard.posts.entity.Post;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Something kept for a person's next daily digest instead of a mail of its own: a post that mentions or answers
 * them, or a must-read announcement (its title and text in the reader's language, as published).
 */
@Entity
@Table(name = "digest_item")
@NamedQuery(name = DigestItem.PENDING, query = """
        select d from DigestItem d where d.employee.id = :employee and d.sentAt is null order by d.id""")
@NamedQuery(name = DigestItem.WAITING, query = """
        select distinct d.employee.id from DigestItem d where d.sentAt is null""")
public class DigestItem {

    public static final String PENDING = "DigestItem.pending";
    public static final String WAITING = "DigestItem.waiting";

    /** WATCHED: a post one of the reader's saved searches found. */
    public enum Kind { MENTION, REPLY, MUST_READ, WATCHED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "digest_item_seq")
    @SequenceGenerator(name = "digest_item_seq", sequenceName = "digest_item_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "employee_id", nullable = false, updatable = false)
    private Employee employee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private Kind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "post_id", updatable = false)
    private Post post;

    @Column(length = 1000, updatable = false)
    private String title;

    @Column(length = 20000, updatable = false)
    private String body;

    @Column(length = 1000, updatable = false)
    private String path;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    protected DigestItem() {
        // for JPA
    }

    public static DigestItem post(Employee employee, Kind kind, Post post, Instant now) {
        DigestItem d = new DigestItem(employee, kind, now);
        d.post = Objects.requireNonNull(post);
        return d;
    }

    public static DigestItem mustRead(Employee employee, String title, String body, String path, Instant now) {
        DigestItem d = new DigestItem(employee, Kind.MUST_READ, now);
        d.title = title;
        d.body = body == null ? null : body.substring(0, Math.min(body.length(), 20000));
        d.path = path;
        return d;
    }

    private DigestItem(Employee employee, Kind kind, Instant now) {
        this.employee = Objects.requireNonNull(employee);
        this.kind = kind;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    public void sent(Instant now) {
        sentAt = now.atOffset(ZoneOffset.UTC);
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public Post getPost() {
        return post;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public String getPath() {
        return path;
    }
}
