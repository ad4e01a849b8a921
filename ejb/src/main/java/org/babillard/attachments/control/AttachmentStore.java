package org.babillard.attachments.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.babillard.platform.boundary.Settings;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Attachments' bytes, as files under {@code <babillard.data.dir>/attachments} (like people's photos): writing an
 * upload to a temporary file within the size limit, telling its type from its first bytes, making thumbnails, and
 * moving files into place once the post is committed.
 */
@ApplicationScoped
public class AttachmentStore {

    private static final Logger LOG = Logger.getLogger(AttachmentStore.class.getName());

    /** The default largest attachment: 10 MB. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    public static final int THUMBNAIL_WIDTH = 480;
    /** Images with more pixels than this get no thumbnail (a small file may unpack into gigabytes). */
    static final long LARGEST_PIXELS = 50_000_000L;
    static final String PARTIAL = ".part";

    /** Names no upload may have: programs and scripts a colleague could start by opening them. */
    private static final Set<String> FORBIDDEN_EXTENSIONS = Set.of("exe", "com", "bat", "cmd", "msi", "scr", "pif",
            "dll", "vbs", "vbe", "js", "jse", "wsf", "wsh", "ps1", "jar", "sh", "app", "hta", "cpl", "lnk", "reg");

    @Inject
    Settings settings;

    /** An upload written to its temporary file: its size and the type found in its bytes. */
    public record Written(Path partial, long size, String contentType) {
    }

    /** The largest attachment: the administrators' setting, else {@code babillard.attachments.max-bytes}, else 10 MB. */
    public long maxBytes() {
        return settings.attachmentMaxBytes();
    }

    /**
     * Copies the upload to {@code <storedName>.part}, stopping as soon as it passes {@code limit} bytes.
     *
     * @return what was written, or null if the upload is larger than the limit (then nothing stays on disk)
     */
    public Written write(String storedName, InputStream in, long limit) throws IOException {
        Path partial = partial(storedName);
        Files.createDirectories(partial.getParent());
        long total = 0;
        byte[] head = new byte[16];
        int headLength = 0;
        try (InputStream source = in; OutputStream out = Files.newOutputStream(partial)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = source.read(buffer)) != -1) {
                if (headLength < head.length) {
                    int k = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, k);
                    headLength += k;
                }
                total += n;
                if (total > limit) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        if (total > limit) {
            Files.deleteIfExists(partial);
            return null;
        }
        byte[] first = new byte[headLength];
        System.arraycopy(head, 0, first, 0, headLength);
        return new Written(partial, total, sniff(first));
    }

    /**
     * The type of a file from its first bytes: the four image types Babillard shows, PDF, or
     * {@code application/octet-stream} for anything else (HTML, SVG and XML included: they are only ever downloads).
     */
    public static String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8' && (b[4] == '7' || b[4] == '9')
                && b[5] == 'a') {
            return "image/gif";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        return "application/octet-stream";
    }

    /** Programs are refused, whatever they are called: by their name or by the headers of Windows and Linux programs. */
    public static boolean forbidden(String fileName, Path written) throws IOException {
        String name = fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && FORBIDDEN_EXTENSIONS.contains(name.substring(dot + 1).strip())) {
            return true;
        }
        byte[] b = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(written)) {
            n = in.readNBytes(b, 0, 4);
        }
        boolean windows = n >= 2 && b[0] == 'M' && b[1] == 'Z';
        boolean linux = n >= 4 && b[0] == 0x7F && b[1] == 'E' && b[2] == 'L' && b[3] == 'F';
        return windows || linux;
    }

    /** An image's width and height and its thumbnail (next to it, temporary), or null when Java cannot read it. */
    public record Thumbnail(int width, int height, Path partial) {
    }

    /**
     * Reads the image's size and writes a thumbnail at most {@value #THUMBNAIL_WIDTH} pixels wide to
     * {@code <thumbnailName>.part}: PNG for images that may be transparent, JPEG for photos.
     *
     * @return null for an image Java cannot read (WebP) or too large to decode; the full image then stands in
     */
    public Thumbnail thumbnail(Path image, String contentType, String thumbnailName) {
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > LARGEST_PIXELS) {
                    return null;
                }
                BufferedImage source = reader.read(0);
                boolean png = !"image/jpeg".equals(contentType);
                int w = Math.min(width, THUMBNAIL_WIDTH);
                int h = Math.max(1, (int) Math.round((double) height * w / width));
                BufferedImage small = new BufferedImage(w, h, png ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
                Graphics2D g = small.createGraphics();
                try {
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                    g.drawImage(source, 0, 0, w, h, null);
                } finally {
                    g.dispose();
                }
                Path partial = partial(thumbnailName);
                if (!ImageIO.write(small, png ? "png" : "jpeg", partial.toFile())) {
                    Files.deleteIfExists(partial);
                    return null;
                }
                return new Thumbnail(width, height, partial);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "No thumbnail for an attachment", e);
            return null;
        }
    }

    /** The post was committed: its files take their place. */
    public void keep(Path partial) {
        String name = partial.getFileName().toString();
        Path target = partial.resolveSibling(name.substring(0, name.length() - PARTIAL.length()));
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Cannot move an attachment into place: " + target, e);
        }
    }

    /** The post was not saved: its files go. */
    public void discard(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a stored file (an upload never attached); nothing happens for a name that is not a file's. */
    public void remove(String storedName) {
        Path file = file(storedName);
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot remove an unattached upload: " + file, e);
            }
        }
    }

    /** A stored file, or null if there is none of that name. */
    public Path file(String storedName) {
        if (storedName == null || !storedName.matches("[0-9a-f]{32}(-thumb)?")) {
            return null;
        }
        Path file = directory().resolve(storedName);
        return Files.isRegularFile(file) ? file : null;
    }

    Path partial(String storedName) {
        return directory().resolve(storedName + PARTIAL);
    }

    /** Where attachments live: {@code <babillard.data.dir>/attachments}, as for photos. */
    public static Path directory() {
        String data = System.getProperty("babillard.data.dir");
        if (data == null || data.isBlank()) {
            data = Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")), "babillard").toString();
        }
        return Path.of(data, "attachments");
    }
}
