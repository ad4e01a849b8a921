package org.babillard.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.babillard.people.entity.Employee;
import org.babillard.posts.entity.Post;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The secret in an address that posts by mail: a REPLY token answers one post as the person it was mailed to; a
 * POSTING token is a person's own address for company-wide posts. Only mail from the owner's directory address
 * is taken.
 */
@Entity
@Table(name = "mail_token")
@NamedQuery(name = MailToken.REPLY_OF, query = """
        select t from MailToken t where t.owner.id = :owner and t.kind = org.babillard.mail.entity.MailToken.Kind.REPLY
          and t.post.id = :post and t.revokedAt is null""")
@NamedQuery(name = MailToken.POSTING_OF, query = """
        select t from MailToken t where t.owner.id = :owner and t.kind = org.babillard.mail.entity.MailToken.Kind.POSTING
          and t.revokedAt is null""")
public class MailToken {

    public static final String REPLY_OF = "MailToken.replyOf";
    public static final String POSTING_OF = "MailToken.postingOf";

    public enum Kind { REPLY, POSTING }

    @Id
    @Column(length = 64)
    private String token;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "employee_id", nullable = false, updatable = false)
    private Employee owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private Kind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "post_id", updatable = false)
    private Post post;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected MailToken() {
        // for JPA
    }

    public MailToken(String token, Employee owner, Kind kind, Post post, Instant now) {
        this.token = Objects.requireNonNull(token);
        this.owner = Objects.requireNonNull(owner);
        this.kind = Objects.requireNonNull(kind);
        this.post = post;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now.atOffset(ZoneOffset.UTC);
        }
    }

    public String getToken() {
        return token;
    }

    public Employee getOwner() {
        return owner;
    }

    public Kind getKind() {
        return kind;
    }

    public Post getPost() {
        return post;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
