package org.babillard.attachments.boundary;

import java.nio.file.Path;

/** A stored file a reader may have: where it is, its type, whether it may show inline, and its name. */
public record AttachmentFile(Path path, String contentType, boolean inline, String fileName, long size) {
}
