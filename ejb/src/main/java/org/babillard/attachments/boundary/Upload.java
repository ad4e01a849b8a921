package org.babillard.attachments.boundary;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A file a composer sends with a post: the name the author's computer gave it, the alt text the author wrote (for
 * images), and its bytes. What the browser said its type was is deliberately not here.
 */
public record Upload(String fileName, String altText, Content content) {

    /** Opens the upload's bytes (once). */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    public static Upload of(String fileName, String altText, byte[] bytes) {
        return new Upload(fileName, altText, () -> new ByteArrayInputStream(bytes));
    }
}
