package org.babillard.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The company's logo, as an administrator uploaded it (at most one row). In the database rather than the data
 * directory so that every node of a cluster serves the same one.
 */
@Entity
@Table(name = "company_logo")
public class CompanyLogo {

    /** The one row's id. */
    public static final int ONLY = 1;

    @Id
    private Integer id;

    @Column(name = "content_type", nullable = false, length = 40)
    private String contentType;

    @Column(name = "content", nullable = false)
    private byte[] content;

    /** The content's SHA-256 in hex: the logo's version in its address, so browsers may keep it for long. */
    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected CompanyLogo() {
        // for JPA
    }

    public CompanyLogo(String contentType, byte[] content, String sha256, Instant now) {
        this.id = ONLY;
        replace(contentType, content, sha256, now);
    }

    public final void replace(String contentType, byte[] content, String sha256, Instant now) {
        this.contentType = Objects.requireNonNull(contentType);
        this.content = content.clone();
        this.sha256 = Objects.requireNonNull(sha256);
        this.updatedAt = now.atOffset(ZoneOffset.UTC);
    }

    public String getContentType() {
        return contentType;
    }

    public byte[] getContent() {
        return content.clone();
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getUpdatedAt() {
        return updatedAt.toInstant();
    }
}
