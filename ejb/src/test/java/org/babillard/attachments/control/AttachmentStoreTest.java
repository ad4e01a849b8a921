package org.babillard.attachments.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttachmentStoreTest {

    @TempDir
    Path dir;

    @Test
    void typesComeFromTheBytesNeverFromTheName() throws Exception {
        assertEquals("image/png", AttachmentStore.sniff(png(10, 10)));
        assertEquals("image/jpeg", AttachmentStore.sniff(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
        assertEquals("image/gif", AttachmentStore.sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("image/webp", AttachmentStore.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("application/pdf", AttachmentStore.sniff("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("application/octet-stream", AttachmentStore.sniff("<html><script>".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("application/octet-stream", AttachmentStore.sniff("<svg xmlns=".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void programsAreForbiddenByNameOrByHeader() throws Exception {
        Path text = Files.writeString(dir.resolve("a"), "hello");
        Path exe = Files.write(dir.resolve("b"), new byte[]{'M', 'Z', 0, 0});
        assertTrue(AttachmentStore.forbidden("setup.EXE", text));
        assertTrue(AttachmentStore.forbidden("notes.txt", exe));
        assertFalse(AttachmentStore.forbidden("notes.txt", text));
    }

    @Test
    void anUploadOverTheLimitLeavesNothing() throws Exception {
        System.setProperty("babillard.data.dir", dir.toString());
        try {
            AttachmentStore store = new AttachmentStore();
            assertNull(store.write("0123456789abcdef0123456789abcdef", new ByteArrayInputStream(new byte[2000]), 1000));
            try (var files = Files.list(AttachmentStore.directory())) {
                assertEquals(0, files.count());
            }
            AttachmentStore.Written w = store.write("0123456789abcdef0123456789abcdef", new ByteArrayInputStream(png(900, 300)), 1_000_000);
            assertEquals("image/png", w.contentType());
            AttachmentStore.Thumbnail t = store.thumbnail(w.partial(), w.contentType(), "0123456789abcdef0123456789abcdef-thumb");
            assertNotNull(t);
            assertEquals(900, t.width());
            BufferedImage small = ImageIO.read(t.partial().toFile());
            assertEquals(AttachmentStore.THUMBNAIL_WIDTH, small.getWidth());
            assertEquals(160, small.getHeight());
        } finally {
            System.clearProperty("babillard.data.dir");
        }
    }

    static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
