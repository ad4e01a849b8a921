package org.babillard.attachments.entity;

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
import org.babillard.posts.entity.Post;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * An image or file added to a post. Its bytes are a file named {@link #getStoredName()} (a random id, which is also
 * the id in its address); the content type is what Babillard found in the bytes, never what the browser said.
 */
@Entity
@Table(name = "attachment")
@NamedQuery(name = Attachment.BY_STORED_NAME, query = "select a from Attachment a left join fetch a.post where a.storedName = :name")
@NamedQuery(name = Attachment.UNATTACHED_BEFORE, query = "select a from Attachment a where a.post is null and a.createdAt < :before")
@NamedQuery(name = Attachment.ON_POSTS, query = "select a from Attachment a where a.post.id in :posts order by a.post.id, a.sortOrder")
public class Attachment {

    public static final String BY_STORED_NAME = "Attachment.byStoredName";
    public static final String ON_POSTS = "Attachment.onPosts";
    public static final String UNATTACHED_BEFORE = "Attachment.unattachedBefore";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attachment_seq")
    @SequenceGenerator(name = "attachment_seq", sequenceName = "attachment_seq", allocationSize = 1)
    private Long id;

    /** Null for media uploaded through the API and not yet attached to a post. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "post_id")
    private Post post;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    /** Who uploaded it (null for files older than media uploads); an unattached upload is theirs alone. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "uploader_id", updatable = false)
    private Employee uploader;

    @Column(name = "stored_name", nullable = false, updatable = false, length = 64)
    private String storedName;

    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false, updatable = false, length = 100)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long size;

    @Column(name = "alt_text", length = 1000)
    private String altText;

    @Column(name = "width")
    private Integer width;

    @Column(name = "height")
    private Integer height;

    @Column(name = "thumbnail_name", length = 80)
    private String thumbnailName;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Attachment() {
        // for JPA
    }

    public Attachment(Post post, int sortOrder, String storedName, String fileName, String contentType, long size,
                      String altText, Integer width, Integer height, String thumbnailName, Instant now) {
        this(sortOrder, storedName, fileName, contentType, size, altText, width, height, thumbnailName, now);
        this.post = Objects.requireNonNull(post);
    }

    /** Media uploaded ahead of its post, its uploader's alone until {@link #attachTo} a post of theirs. */
    public Attachment(Employee uploader, String storedName, String fileName, String contentType, long size,
                      String altText, Integer width, Integer height, String thumbnailName, Instant now) {
        this(0, storedName, fileName, contentType, size, altText, width, height, thumbnailName, now);
        this.uploader = Objects.requireNonNull(uploader);
    }

    private Attachment(int sortOrder, String storedName, String fileName, String contentType, long size,
                       String altText, Integer width, Integer height, String thumbnailName, Instant now) {
        this.sortOrder = sortOrder;
        this.storedName = Objects.requireNonNull(storedName);
        this.fileName = Objects.requireNonNull(fileName);
        this.contentType = Objects.requireNonNull(contentType);
        this.size = size;
        this.altText = altText;
        this.width = width;
        this.height = height;
        this.thumbnailName = thumbnailName;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    /** Attaches an upload to the post its uploader publishes with it. */
    public void attachTo(Post post, int sortOrder) {
        if (this.post != null) {
            throw new IllegalStateException("attachment " + storedName + " is attached already");
        }
        this.post = Objects.requireNonNull(post);
        this.sortOrder = sortOrder;
    }

    /** Changes the alt text (an image's description); blank removes it. */
    public void describe(String altText) {
        this.altText = altText;
    }

    public Employee getUploader() {
        return uploader;
    }

    public Long getId() {
        return id;
    }

    public Post getPost() {
        return post;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public String getStoredName() {
        return storedName;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSize() {
        return size;
    }

    public String getAltText() {
        return altText;
    }

    public Integer getWidth() {
        return width;
    }

    public Integer getHeight() {
        return height;
    }

    public String getThumbnailName() {
        return thumbnailName;
    }

    /** Shown inline: only the image types Babillard recognised in the bytes. */
    public boolean isImage() {
        return contentType.startsWith("image/");
    }
}
