package org.babillard.attachments;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.attachments.boundary.AttachmentFile;
import org.babillard.attachments.boundary.AttachmentInfo;
import org.babillard.attachments.boundary.AttachmentRejected;
import org.babillard.attachments.boundary.Attachments;
import org.babillard.attachments.boundary.Upload;
import org.babillard.attachments.control.AttachmentStore;
import org.babillard.channels.boundary.Channels;
import org.babillard.channels.entity.Channel;
import org.babillard.it.Deployments;
import org.babillard.it.Images;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.DirectoryProfile;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.entity.Post;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelineEntry;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Posts with images and files, on the real server, its database and its data directory. */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttachmentsIT {

    private static final String AUTHOR = "camille.durand";
    private static final String OUTSIDER = "it.attach.outsider";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.babillardWithTests(AttachmentsIT.class, Images.class);
    }

    @Inject
    Attachments attachments;

    @Inject
    Channels channels;

    @Inject
    Timeline timeline;

    @Inject
    People people;

    @PersistenceContext(unitName = "babillard-ejb.jar#babillard")
    EntityManager em;

    @BeforeEach
    void employees() {
        for (String u : List.of(AUTHOR, OUTSIDER)) {
            people.loggedIn(u, new DirectoryProfile("uid=" + u + ",ou=people,dc=babillard,dc=example",
                    u.equals(AUTHOR) ? "Camille Durand" : "Otto Outsider", u + "@babillard.example", "QA", "Ingénierie", "Lyon"));
        }
    }

    @Test
    @Order(1)
    void anImageGetsAThumbnailAndItsAltTextAndAFileStaysADownload() throws Exception {
        String marker = UUID.randomUUID().toString();
        byte[] photo = Images.png(1200, 600);
        byte[] html = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        Post post = attachments.publishWithFiles(AUTHOR, Draft.companyWide("With files " + marker),
                List.of(Upload.of("holiday.png", "A red square on the beach", photo),
                        Upload.of("not-really.png", "ignored", html),
                        Upload.of("report.pdf", null, "%PDF-1.4 tiny".getBytes(StandardCharsets.US_ASCII))));

        List<AttachmentInfo> shown = attachments.of(OUTSIDER, post.getId());
        assertEquals(3, shown.size());
        AttachmentInfo image = shown.get(0);
        assertTrue(image.image());
        assertEquals("A red square on the beach", image.altText());
        assertEquals(1200, image.width());
        assertEquals(600, image.height());

        AttachmentFile full = attachments.open(OUTSIDER, image.id());
        assertEquals("image/png", full.contentType());
        assertTrue(full.inline());
        assertArrayEquals(photo, Files.readAllBytes(full.path()));
        AttachmentFile thumb = attachments.thumbnail(OUTSIDER, image.id());
        BufferedImage small = ImageIO.read(thumb.path().toFile());
        assertEquals(480, small.getWidth(), "thumbnails are at most 480 pixels wide");
        assertEquals(240, small.getHeight());

        AttachmentInfo fake = shown.get(1);
        assertFalse(fake.image(), "an HTML file named .png is no image");
        assertNull(fake.altText());
        AttachmentFile fakeFile = attachments.open(OUTSIDER, fake.id());
        assertEquals("application/octet-stream", fakeFile.contentType());
        assertFalse(fakeFile.inline(), "an HTML file is only ever downloaded");
        assertEquals("not-really.png", fakeFile.fileName());
        assertThrows(Refused.class, () -> attachments.thumbnail(OUTSIDER, fake.id()), "a file has no thumbnail");

        AttachmentFile pdf = attachments.open(OUTSIDER, shown.get(2).id());
        assertEquals("application/pdf", pdf.contentType());
        assertFalse(pdf.inline());

        TimelineEntry entry = timeline.entry(OUTSIDER, post.getId());
        assertEquals(shown, entry.attachments(), "the timeline carries the attachments");
        assertTrue(Files.isRegularFile(AttachmentStore.directory().resolve(image.id())));
        assertTrue(Files.isRegularFile(AttachmentStore.directory().resolve(image.id() + "-thumb")));
        assertEquals(Set.of(), partials(), "no temporary file stays after the commit");
    }

    @Test
    @Order(2)
    void aFileInAPrivateChannelIsNotFoundForThoseOutside() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Channel secret = channels.create(AUTHOR, "Secret files " + marker, null, Channel.Access.PRIVATE, Channel.Posting.MEMBERS);
        Post post = attachments.publishWithFiles(AUTHOR, Draft.inChannel(secret.getId(), "Plans " + marker),
                List.of(Upload.of("plan.png", "The plan", Images.png(100, 50))));
        String id = attachments.of(AUTHOR, post.getId()).get(0).id();
        assertNotNull(attachments.open(AUTHOR, id));
        assertNotNull(attachments.thumbnail(AUTHOR, id));

        Refused refused = assertThrows(Refused.class, () -> attachments.open(OUTSIDER, id));
        assertEquals(Refused.Reason.NOT_FOUND, refused.reason());
        assertEquals(Refused.Reason.NOT_FOUND, assertThrows(Refused.class, () -> attachments.thumbnail(OUTSIDER, id)).reason());
        assertEquals(Refused.Reason.NOT_FOUND, assertThrows(Refused.class, () -> attachments.of(OUTSIDER, post.getId())).reason());
        String guessed = UUID.randomUUID().toString().replace("-", "");
        assertEquals(Refused.Reason.NOT_FOUND, assertThrows(Refused.class, () -> attachments.open(AUTHOR, guessed)).reason(),
                "a file that does not exist is refused the same way");
        assertEquals(Refused.Reason.NOT_FOUND, assertThrows(Refused.class, () -> attachments.open(AUTHOR, "../../db/babillard")).reason());
    }

    @Test
    @Order(3)
    void aFileOverTheLimitIsRefusedAndNothingStays() throws Exception {
        String marker = UUID.randomUUID().toString();
        Set<String> before = stored();
        long limit = attachments.maxBytes();
        assertEquals(10L * 1024 * 1024, limit, "10 MB unless configured");
        AttachmentRejected rejected = assertThrows(AttachmentRejected.class, () -> attachments.publishWithFiles(AUTHOR,
                Draft.companyWide("Too big " + marker),
                List.of(Upload.of("small.png", "small", Images.png(20, 20)),
                        new Upload("huge.bin", null, () -> zeros(limit + 1)))));
        assertEquals(AttachmentRejected.Problem.TOO_LARGE, rejected.problem());
        assertEquals("huge.bin", rejected.fileName());
        assertEquals(before, stored(), "no file of the refused post stays, not even the small one written first");
        assertEquals(0L, posts(marker), "no post was saved");

        // The limit is configurable.
        System.setProperty("babillard.attachments.max-bytes", "1000");
        try {
            assertEquals(AttachmentRejected.Problem.TOO_LARGE, assertThrows(AttachmentRejected.class,
                    () -> attachments.publishWithFiles(AUTHOR, Draft.companyWide("Over 1000 " + marker),
                            List.of(Upload.of("a.txt", null, new byte[1001])))).problem());
            attachments.publishWithFiles(AUTHOR, Draft.companyWide("Just 1000 " + marker), List.of(Upload.of("a.txt", null, new byte[1000])));
        } finally {
            System.clearProperty("babillard.attachments.max-bytes");
        }
        assertEquals(1L, posts(marker));
    }

    @Test
    @Order(4)
    void programsAndTooManyFilesAreRefusedWithNothingKept() throws Exception {
        String marker = UUID.randomUUID().toString();
        Set<String> before = stored();
        AttachmentRejected program = assertThrows(AttachmentRejected.class, () -> attachments.publishWithFiles(AUTHOR,
                Draft.companyWide("Program " + marker), List.of(Upload.of("photo.jpg", null, new byte[]{'M', 'Z', 1, 2, 3}))));
        assertEquals(AttachmentRejected.Problem.FORBIDDEN_TYPE, program.problem());
        assertEquals(AttachmentRejected.Problem.FORBIDDEN_TYPE, assertThrows(AttachmentRejected.class,
                () -> attachments.publishWithFiles(AUTHOR, Draft.companyWide("Script " + marker),
                        List.of(Upload.of("run.bat", null, "echo hi".getBytes(StandardCharsets.US_ASCII))))).problem());
        byte[] one = Images.png(10, 10);
        assertEquals(AttachmentRejected.Problem.TOO_MANY, assertThrows(AttachmentRejected.class,
                () -> attachments.publishWithFiles(AUTHOR, Draft.companyWide("Five " + marker),
                        List.of(Upload.of("1.png", null, one), Upload.of("2.png", null, one), Upload.of("3.png", null, one),
                                Upload.of("4.png", null, one), Upload.of("5.png", null, one)))).problem());
        assertEquals(before, stored());
        assertEquals(0L, posts(marker));
    }

    private long posts(String marker) {
        return em.createQuery("select count(p) from Post p where p.text like :t", Long.class)
                .setParameter("t", "%" + marker).getSingleResult();
    }

    private static Set<String> stored() throws IOException {
        Path dir = AttachmentStore.directory();
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private static Set<String> partials() throws IOException {
        return stored().stream().filter(n -> n.endsWith(".part")).collect(Collectors.toSet());
    }

    private static InputStream zeros(long size) {
        return new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }
}
