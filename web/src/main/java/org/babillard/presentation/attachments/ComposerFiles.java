package org.babillard.presentation.attachments;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.babillard.attachments.boundary.AttachmentRejected;
import org.babillard.attachments.boundary.Attachments;
import org.babillard.attachments.boundary.Upload;
import org.babillard.presentation.Messages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The files a composer sends with its post, each with its alt text: for the one request that publishes them
 * (uploads are never kept in a view). The composer's include binds its file fields here.
 */
@Named
@RequestScoped
public class ComposerFiles {

    /** The client id of the composer's files block, where messages about files show. */
    public static final String MESSAGES_FOR = "composer:attachments";

    @Inject
    Attachments attachments;

    @Inject
    Messages messages;

    private final List<Part> parts = Arrays.asList(new Part[Attachments.MOST_FILES]);
    private final List<String> alts = Arrays.asList(new String[Attachments.MOST_FILES]);

    /* The settings as this request reads them: the page asks for them once per file field (each a transaction). */
    private Long maxBytes;
    private List<Integer> slots;

    /** The files chosen, empty file fields left out. */
    public List<Upload> uploads() {
        List<Upload> uploads = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (part != null && (part.getSize() > 0 || (part.getSubmittedFileName() != null && !part.getSubmittedFileName().isBlank()))) {
                uploads.add(new Upload(part.getSubmittedFileName(), alts.get(i), part::getInputStream));
            }
        }
        return uploads;
    }

    /** What to tell the author about a refused file, in their language. */
    public FacesMessage problem(AttachmentRejected e) {
        return switch (e.problem()) {
            case TOO_LARGE -> messages.error("attachments.tooLarge", e.fileName(), e.limit() / (1024.0 * 1024.0));
            case FORBIDDEN_TYPE -> messages.error("attachments.forbidden", e.fileName());
            case TOO_MANY -> messages.error("attachments.tooMany", e.limit());
            case EMPTY -> messages.error("attachments.empty", e.fileName());
        };
    }

    public List<Part> getParts() {
        return parts;
    }

    public List<String> getAlts() {
        return alts;
    }

    /** The largest file, in bytes, for the composer's early check in the browser. */
    public long getMaxBytes() {
        if (maxBytes == null) {
            maxBytes = attachments.maxBytes();
        }
        return maxBytes;
    }

    public double getMaxMegabytes() {
        return getMaxBytes() / (1024.0 * 1024.0);
    }

    public List<Integer> getSlots() {
        if (slots == null) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0, most = attachments.mostFiles(); i < most; i++) {
                all.add(i);
            }
            slots = List.copyOf(all);
        }
        return slots;
    }
}
