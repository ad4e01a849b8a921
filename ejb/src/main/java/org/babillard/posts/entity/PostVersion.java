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

/** An earlier text of an edited post, with the time it was written: the post's visible edit history. */
@Entity
@Table(name = "post_version")
@NamedQuery(name = PostVersion.OF, query = "select v from PostVersion v where v.post.id = :post order by v.id desc")
public class PostVersion {

    public static final String OF = "PostVersion.of";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_version_seq")
    @SequenceGenerator(name = "post_version_seq", sequenceName = "post_version_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "post_id", nullable = false, updatable = false)
    private Post post;

    /** Written once, except when an erased former employee's mentions are renamed in it. */
    @Column(nullable = false, length = 10000)
    private String text;

    @Column(name = "written_at", nullable = false, updatable = false)
    private OffsetDateTime writtenAt;

    protected PostVersion() {
        // for JPA
    }

    PostVersion(Post post, String text, Instant writtenAt) {
        this.post = Objects.requireNonNull(post);
        this.text = Objects.requireNonNull(text);
        this.writtenAt = writtenAt.atOffset(ZoneOffset.UTC);
    }

    /** The same earlier text with an erased former employee's mentions renamed. */
    public void mentionsRenamed(String renamed) {
        this.text = Objects.requireNonNull(renamed);
    }

    public String getText() {
        return text;
    }

    public Instant getWrittenAt() {
        return writtenAt.toInstant();
    }
}
