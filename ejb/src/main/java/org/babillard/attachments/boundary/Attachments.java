package org.babillard.attachments.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
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
import org.babillard.platform.boundary.Settings;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.PostRejected;
import org.babillard.posts.boundary.Posts;
import org.babillard.posts.control.Visibility;
import org.babillard.posts.entity.Post;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Posts with images and files, and reading those files back. The post and its attachments are saved in one
 * transaction; the files are written under temporary names and take their place only once it commits, so that a
 * refused or failed post leaves no file behind. A file is served only to those who may read its post.
 */
@Stateless
public class Attachments {

    /** The most files one post may ever carry (the setting "attachments.max-files" is at most this). */
    public static final int MOST_FILES = 10;
    static final int ALT_TEXT_LIMIT = 1000;
    /** How long media uploaded ahead of their post wait for it. */
    static final int UNATTACHED_HOURS = 24;
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

    @Inject
    Settings settings;

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return store.maxBytes();
    }

    /** The most files one post may carry now (the administrators' setting). */
    public int mostFiles() {
        return settings.attachmentsPerPost();
    }

    /**
     * Publishes the draft (as {@link Posts#publish(String, Draft)}) with these files, all or nothing.
     *
     * @throws AttachmentRejected a file too large, a program, an empty file or more than the setting's number of files: nothing saved
     */
    public Post publishWithFiles(String authorUsername, Draft draft, List<Upload> uploads)
            throws PostRejected, Refused, AttachmentRejected {
        List<Upload> files = uploads == null ? List.of() : uploads;
        if (files.size() > mostFiles()) {
            throw new AttachmentRejected(AttachmentRejected.Problem.TOO_MANY, "", mostFiles());
        }
        return attach(posts.publish(authorUsername, draft), files);
    }

    /**
     * Attaches these files to a post just published in the caller's transaction (a poll's, a question's), all or
     * nothing: if the transaction rolls back, no file stays.
     *
     * @throws AttachmentRejected a file too large, a program, an empty file or more than the setting's number of files
     */
    public Post attach(Post post, List<Upload> uploads) throws AttachmentRejected {
        List<Upload> files = uploads == null ? List.of() : uploads;
        if (files.size() > mostFiles()) {
            throw new AttachmentRejected(AttachmentRejected.Problem.TOO_MANY, "", mostFiles());
        }
        if (files.isEmpty()) {
            return post;
        }
        if (!em.createNamedQuery(Attachment.ON_POSTS, Attachment.class).setParameter("posts", List.of(post.getId()))
                .getResultList().isEmpty()) {
            // A resubmission of a composer already published: the post and its files are there.
            return post;
        }
        List<Path> written = filesKeptOnCommit();
        long limit = store.maxBytes();
        Instant now = Clock.systemUTC().instant();
        int order = 0;
        for (Upload upload : files) {
            Stored f = store(upload, written, limit);
            em.persist(new Attachment(post, order++, f.storedName(), f.fileName(), f.contentType(), f.size(),
                    f.altText(), f.width(), f.height(), f.thumbnailName(), now));
        }
        return post;
    }

    /** A file written under its temporary name, checked, with its thumbnail if it is an image. */
    private record Stored(String storedName, String fileName, String contentType, long size, String altText,
                          Integer width, Integer height, String thumbnailName) {
    }

    /** The files written in this transaction, moved into place if it commits and removed if it does not. */
    private List<Path> filesKeptOnCommit() {
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
        return written;
    }

    /** Writes one upload (and its thumbnail) under temporary names, refusing what the composer refuses. */
    private Stored store(Upload upload, List<Path> written, long limit) throws AttachmentRejected {
        try {
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
            return new Stored(storedName, fileName, w.contentType(), w.size(), image ? altText(upload.altText()) : null,
                    width, height, thumbnailName);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep an attachment's file", e);
        }
    }

    // --- media uploaded ahead of their post (the API's) ---

    /**
     * Keeps a file uploaded ahead of the post that will carry it, with the same limits and refusals as the
     * composer's. It is its uploader's alone until they attach it, and goes after {@value #UNATTACHED_HOURS} hours.
     *
     * @throws AttachmentRejected a file too large, a program, an empty file
     */
    public AttachmentInfo upload(String uploaderUsername, Upload upload) throws AttachmentRejected, Refused {
        Employee uploader = people.find(uploaderUsername).filter(Employee::isActive)
                .orElseThrow(() -> Refused.notAllowed("upload"));
        Stored f = store(upload, filesKeptOnCommit(), store.maxBytes());
        Attachment a = new Attachment(uploader, f.storedName(), f.fileName(), f.contentType(), f.size(), f.altText(),
                f.width(), f.height(), f.thumbnailName(), Clock.systemUTC().instant());
        em.persist(a);
        return AttachmentInfo.of(a);
    }

    /** One's own upload, attached or not. @throws Refused NOT_FOUND for anyone else's, or none */
    public AttachmentInfo upload(String uploaderUsername, String attachmentId) throws Refused {
        return AttachmentInfo.of(own(uploaderUsername, attachmentId));
    }

    /** Changes the description (alt text) of one's own image upload. @throws Refused NOT_FOUND as for {@link #upload(String, String)} */
    public AttachmentInfo describe(String uploaderUsername, String attachmentId, String altText) throws Refused {
        Attachment a = own(uploaderUsername, attachmentId);
        if (a.isImage()) {
            a.describe(altText(altText));
        }
        return AttachmentInfo.of(a);
    }

    /**
     * Publishes the draft with media uploaded ahead, in this order, all or nothing: each must be the author's own
     * upload and attached to nothing yet.
     *
     * @throws Refused INVALID for an upload that is not the author's own or is attached already, or for more than
     *                 the setting's number of files
     */
    public Post publishWithUploads(String authorUsername, Draft draft, List<String> attachmentIds) throws PostRejected, Refused {
        if (attachmentIds.size() > mostFiles()) {
            throw new Refused(Refused.Reason.INVALID, "at most " + mostFiles() + " files");
        }
        List<Attachment> uploads = new ArrayList<>();
        for (String id : attachmentIds) {
            Attachment a;
            try {
                a = own(authorUsername, id);
            } catch (Refused e) {
                a = null;
            }
            if (a == null || a.getPost() != null || uploads.contains(a)) {
                throw new Refused(Refused.Reason.INVALID, "no media " + id + " of yours waiting for its post");
            }
            uploads.add(a);
        }
        Post post = posts.publish(authorUsername, draft);
        if (em.createNamedQuery(Attachment.ON_POSTS, Attachment.class).setParameter("posts", List.of(post.getId()))
                .getResultList().isEmpty()) {
            int order = 0;
            for (Attachment a : uploads) {
                a.attachTo(post, order++);
            }
        }
        return post;
    }

    /** Unattached uploads older than {@value #UNATTACHED_HOURS} hours go, rows and files. */
    @Schedule(hour = "*", minute = "23", persistent = false, info = "unattached uploads")
    void forgetUnattachedUploads() {
        OffsetDateTime before = Clock.systemUTC().instant().minus(Duration.ofHours(UNATTACHED_HOURS)).atOffset(ZoneOffset.UTC);
        for (Attachment a : em.createNamedQuery(Attachment.UNATTACHED_BEFORE, Attachment.class)
                .setParameter("before", before).getResultList()) {
            em.remove(a);
            store.remove(a.getStoredName());
            store.remove(a.getThumbnailName());
        }
    }

    /** One's own upload (by an active employee), attached or not. */
    private Attachment own(String uploaderUsername, String attachmentId) throws Refused {
        Optional<Attachment> a = byId(attachmentId);
        Employee uploader = people.find(uploaderUsername).filter(Employee::isActive).orElse(null);
        if (uploader == null || a.isEmpty() || !uploadedBy(a.get(), uploader)) {
            throw Refused.notFound("upload " + attachmentId);
        }
        return a.get();
    }

    private Optional<Attachment> byId(String attachmentId) {
        if (attachmentId == null || !attachmentId.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        return em.createNamedQuery(Attachment.BY_STORED_NAME, Attachment.class)
                .setParameter("name", attachmentId).getResultStream().findFirst();
    }

    private static boolean uploadedBy(Attachment a, Employee employee) {
        return a.getUploader() != null && a.getUploader().getId().equals(employee.getId());
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

    /** A file of a post the reader may read, or their own upload not posted yet. */
    private Attachment readable(String readerUsername, String attachmentId) throws Refused {
        Optional<Attachment> a = byId(attachmentId);
        Employee reader = people.find(readerUsername).filter(Employee::isActive).orElse(null);
        boolean mayRead = reader != null && a.isPresent()
                && (a.get().getPost() == null ? uploadedBy(a.get(), reader) : visibility.canRead(reader, a.get().getPost()));
        if (!mayRead) {
            throw Refused.notFound("attachment " + attachmentId);
        }
        return a.get();
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
