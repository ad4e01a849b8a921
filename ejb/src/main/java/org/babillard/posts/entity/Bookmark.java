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
import org.babillard.people.entity.Employee;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** A post an employee keeps to read again; only they see their bookmarks. */
@Entity
@Table(name = "bookmark")
@NamedQuery(name = Bookmark.OF, query = "select b from Bookmark b where b.employee.id = :employee and b.post.id = :post")
@NamedQuery(name = Bookmark.AMONG, query = "select b.post.id from Bookmark b where b.employee.id = :employee and b.post.id in :posts")
public class Bookmark {

    public static final String OF = "Bookmark.of";
    public static final String AMONG = "Bookmark.among";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bookmark_seq")
    @SequenceGenerator(name = "bookmark_seq", sequenceName = "bookmark_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "employee_id", nullable = false, updatable = false)
    private Employee employee;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "post_id", nullable = false, updatable = false)
    private Post post;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Bookmark() {
        // for JPA
    }

    public Bookmark(Employee employee, Post post, Instant now) {
        this.employee = Objects.requireNonNull(employee);
        this.post = Objects.requireNonNull(post);
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }
}
