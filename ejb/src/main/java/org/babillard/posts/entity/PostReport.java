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

/** An employee's report that a post breaks the rules, until a moderator keeps, hides or deletes the post. */
@Entity
@Table(name = "post_report")
@NamedQuery(name = PostReport.OPEN, query = """
        select r from PostReport r join fetch r.post p join fetch r.reporter where r.resolvedAt is null order by r.id""")
@NamedQuery(name = PostReport.OPEN_COUNT, query = "select count(r) from PostReport r where r.resolvedAt is null")
@NamedQuery(name = PostReport.OPEN_ON_POST, query = "select r from PostReport r where r.post.id = :post and r.resolvedAt is null")
@NamedQuery(name = PostReport.BY_REPORTER, query = "select r from PostReport r where r.post.id = :post and r.reporter.id = :reporter and r.resolvedAt is null")
public class PostReport {

    public static final String OPEN = "PostReport.open";
    public static final String OPEN_COUNT = "PostReport.openCount";
    public static final String OPEN_ON_POST = "PostReport.openOnPost";
    public static final String BY_REPORTER = "PostReport.byReporter";

    public enum Outcome {
        KEPT, HIDDEN, DELETED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_report_seq")
    @SequenceGenerator(name = "post_report_seq", sequenceName = "post_report_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "post_id", nullable = false, updatable = false)
    private Post post;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "reporter_id", nullable = false, updatable = false)
    private Employee reporter;

    @Column(nullable = false, length = 500, updatable = false)
    private String reason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "resolved_at")
    private OffsetDateTime resolvedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "resolved_by")
    private Employee resolvedBy;

    @Column(length = 16)
    private String outcome;

    protected PostReport() {
        // for JPA
    }

    public PostReport(Post post, Employee reporter, String reason, Instant now) {
        this.post = Objects.requireNonNull(post);
        this.reporter = Objects.requireNonNull(reporter);
        this.reason = Objects.requireNonNull(reason);
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    public void resolve(Employee moderator, Outcome outcome, Instant now) {
        this.resolvedBy = Objects.requireNonNull(moderator);
        this.outcome = outcome.name();
        this.resolvedAt = now.atOffset(ZoneOffset.UTC);
    }

    public Long getId() {
        return id;
    }

    public Post getPost() {
        return post;
    }

    public Employee getReporter() {
        return reporter;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt.toInstant();
    }

    public boolean isResolved() {
        return resolvedAt != null;
    }
}
