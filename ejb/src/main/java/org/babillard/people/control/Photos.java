package org.babillard.people.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * People's photos, kept as files under {@code <babillard.data.dir>/photos} (by default the server's data
 * directory). Only JPEG and PNG images up to {@value #LARGEST} bytes are kept; anything else from the directory is
 * ignored, so that nothing but an image is ever served as one.
 */
@ApplicationScoped
public class Photos {

    private static final Logger LOG = Logger.getLogger(Photos.class.getName());
    static final int LARGEST = 1024 * 1024;

    /** An image and its type. */
    public record Photo(byte[] bytes, String contentType) {
    }

    /**
     * Keeps this person's photo.
     *
     * @return the photo's hash (its version), or empty if the bytes are no JPEG or PNG image of a reasonable size
     */
    public Optional<String> store(String username, byte[] bytes) {
        if (bytes == null || bytes.length == 0 || bytes.length > LARGEST || contentType(bytes) == null) {
            if (bytes != null && bytes.length > 0) {
                LOG.warning(() -> "The directory's photo of " + username + " is no JPEG or PNG image under 1 MB: ignored");
            }
            remove(username);
            return Optional.empty();
        }
        try {
            Path file = file(username);
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), "photo", ".part");
            Files.write(partial, bytes);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(sha256(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the photo of " + username, e);
        }
    }

    public Optional<Photo> read(String username) {
        try {
            Path file = file(username);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(new Photo(bytes, contentType(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove(String username) {
        try {
            Files.deleteIfExists(file(username));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hash a stored photo would have: to tell whether the directory's photo changed. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String contentType(byte[] b) {
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        return null;
    }

    /** A file name from the login's hash: any login, whatever its characters, is a safe name. */
    private static Path file(String username) {
        return directory().resolve(sha256(username.getBytes(StandardCharsets.UTF_8)) + ".img");
    }

    private static Path directory() {
        String data = System.getProperty("babillard.data.dir");
        if (data == null || data.isBlank()) {
            data = Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")), "babillard").toString();
        }
        return Path.of(data, "photos");
    }
}
