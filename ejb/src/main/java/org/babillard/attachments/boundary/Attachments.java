package org.babillard.attachments.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.babillard.attachments.control.AttachmentStore;
import org.babillard.attachments.entity.Attachment;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.PostRejected;
import org.babillard.posts.boundary.Posts;
import org.babillard.posts.control.Visibility;
import org.babillard.posts.entity.Post;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Posts with images and files, and reading those files back. The post and its attachments are saved in one
 * transaction; the files are written under temporary names and take their place only once it commits, so that a
 * refused or failed post leaves no file behind. A file is served only to those who may read its post.
 */
@Stateless
public class Attachments {

    /** The most files one post may carry. */
    public static final int MOST_FILES = 4;
    static final int ALT_TEXT_LIMIT = 1000;
    static final int FILE_NAME_LIMIT = 255;

    @PersistenceContext
    EntityManager em;

    @Inject
    Posts posts;

    @Inject
    People people;

    @Inject
    Visibility visibility;

    @Inject
    AttachmentStore store;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return store.maxBytes();
    }

    /**
     * Publishes the draft (as {@link Posts#publish(String, Draft)}) with these files, all or nothing.
     *
     * @throws AttachmentRejected a file too large, a program, an empty file or more than {@value #MOST_FILES}: nothing saved
     */
    public Post publishWithFiles(String authorUsername, Draft draft, List<Upload> uploads)
            throws PostRejected, Refused, AttachmentRejected {
        List<Upload> files = uploads == null ? List.of() : uploads;
        if (files.size() > MOST_FILES) {
            throw new AttachmentRejected(AttachmentRejected.Problem.TOO_MANY, "", MOST_FILES);
        }
        return attach(posts.publish(authorUsername, draft), files);
    }

    /**
     * Attaches these files to a post just published in the caller's transaction (a poll's, a question's), all or
     * nothing: if the transaction rolls back, no file stays.
     *
     * @throws AttachmentRejected a file too large, a program, an empty file or more than {@value #MOST_FILES}
     */
    public Post attach(Post post, List<Upload> uploads) throws AttachmentRejected {
        List<Upload> files = uploads == null ? List.of() : uploads;
        if (files.size() > MOST_FILES) {
            throw new AttachmentRejected(AttachmentRejected.Problem.TOO_MANY, "", MOST_FILES);
        }
        if (files.isEmpty()) {
            return post;
        }
        if (!em.createNamedQuery(Attachment.ON_POSTS, Attachment.class).setParameter("posts", List.of(post.getId()))
                .getResultList().isEmpty()) {
            // A resubmission of a composer already published: the post and its files are there.
            return post;
        }
        List<Path> written = new ArrayList<>();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing: the files move only once the post is really there
            }

            @Override
            public void afterCompletion(int status) {
                boolean committed = status == Status.STATUS_COMMITTED;
                written.forEach(committed ? store::keep : store::discard);
            }
        });
        long limit = store.maxBytes();
        Instant now = Clock.systemUTC().instant();
        int order = 0;
        try {
            for (Upload upload : files) {
                String fileName = fileName(upload.fileName());
                String storedName = UUID.randomUUID().toString().replace("-", "");
                AttachmentStore.Written w = store.write(storedName, upload.content().open(), limit);
                if (w == null) {
                    throw new AttachmentRejected(AttachmentRejected.Problem.TOO_LARGE, fileName, limit);
                }
                written.add(w.partial());
                if (w.size() == 0) {
                    throw new AttachmentRejected(AttachmentRejected.Problem.EMPTY, fileName, limit);
                }
                if (AttachmentStore.forbidden(fileName, w.partial())) {
                    throw new AttachmentRejected(AttachmentRejected.Problem.FORBIDDEN_TYPE, fileName, limit);
                }
                boolean image = w.contentType().startsWith("image/");
                Integer width = null;
                Integer height = null;
                String thumbnailName = null;
                if (image) {
                    AttachmentStore.Thumbnail t = store.thumbnail(w.partial(), w.contentType(), storedName + "-thumb");
                    if (t != null) {
                        written.add(t.partial());
                        width = t.width();
                        height = t.height();
                        thumbnailName = storedName + "-thumb";
                    }
                }
                em.persist(new Attachment(post, order++, storedName, fileName, w.contentType(), w.size(),
                        image ? altText(upload.altText()) : null, width, height, thumbnailName, now));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the files of a post", e);
        }
        return post;
    }

    /**
     * A file of a post the reader may read.
     *
     * @throws Refused NOT_FOUND if there is no such file or the reader may not read its post
     */
    public AttachmentFile open(String readerUsername, String attachmentId) throws Refused {
        Attachment a = readable(readerUsername, attachmentId);
        Path file = store.file(a.getStoredName());
        if (file == null) {
            throw Refused.notFound("attachment " + attachmentId);
        }
        return new AttachmentFile(file, a.getContentType(), a.isImage(), a.getFileName(), a.getSize());
    }

    /** The thumbnail of an image, or the image itself when it has none (WebP). */
    public AttachmentFile thumbnail(String readerUsername, String attachmentId) throws Refused {
        Attachment a = readable(readerUsername, attachmentId);
        if (!a.isImage()) {
            throw Refused.notFound("thumbnail " + attachmentId);
        }
        if (a.getThumbnailName() == null) {
            return open(readerUsername, attachmentId);
        }
        Path file = store.file(a.getThumbnailName());
        if (file == null) {
            throw Refused.notFound("thumbnail " + attachmentId);
        }
        String type = "image/jpeg".equals(a.getContentType()) ? "image/jpeg" : "image/png";
        return new AttachmentFile(file, type, true, a.getFileName(), a.getSize());
    }

    /** The attachments of a post the reader may read, in order. */
    public List<AttachmentInfo> of(String readerUsername, long postId) throws Refused {
        Employee reader = people.find(readerUsername).orElseThrow(() -> Refused.notFound("post " + postId));
        Post post = em.find(Post.class, postId);
        if (post == null || !visibility.canRead(reader, post)) {
            throw Refused.notFound("post " + postId);
        }
        return em.createNamedQuery(Attachment.ON_POSTS, Attachment.class).setParameter("posts", List.of(postId))
                .getResultList().stream().map(AttachmentInfo::of).toList();
    }

    private Attachment readable(String readerUsername, String attachmentId) throws Refused {
        if (attachmentId == null || !attachmentId.matches("[0-9a-f]{32}")) {
            throw Refused.notFound("attachment");
        }
        Employee reader = people.find(readerUsername).orElse(null);
        Attachment a = em.createNamedQuery(Attachment.BY_STORED_NAME, Attachment.class)
                .setParameter("name", attachmentId).getResultStream().findFirst().orElse(null);
        if (reader == null || a == null || !reader.isActive() || !visibility.canRead(reader, a.getPost())) {
            throw Refused.notFound("attachment " + attachmentId);
        }
        return a;
    }

    /** The name without any folder a browser may send, without control characters, at most 255 characters. */
    static String fileName(String given) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
        if (name.isEmpty()) {
            name = "file";
        }
        return name.length() > FILE_NAME_LIMIT ? name.substring(0, FILE_NAME_LIMIT) : name;
    }

    private static String altText(String given) {
        if (given == null) {
            return null;
        }
        String alt = given.replaceAll("[\\p{Cntrl}]", " ").strip();
        if (alt.isEmpty()) {
            return null;
        }
        return alt.length() > ALT_TEXT_LIMIT ? alt.substring(0, ALT_TEXT_LIMIT) : alt;
    }
}
