package org.babillard.attachments.boundary;

import jakarta.ejb.ApplicationException;

/** A post not published because of one of its files; neither the post nor any file was kept. */
@ApplicationException(rollback = true)
public class AttachmentRejected extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Problem {
        /** Larger than the configured limit. */
        TOO_LARGE,
        /** A program or script. */
        FORBIDDEN_TYPE,
        /** More files than a post may carry. */
        TOO_MANY,
        /** An empty file. */
        EMPTY
    }

    private final Problem problem;
    private final String fileName;
    private final long limit;

    public AttachmentRejected(Problem problem, String fileName, long limit) {
        super(problem + ": " + fileName);
        this.problem = problem;
        this.fileName = fileName;
        this.limit = limit;
    }

    public Problem problem() {
        return problem;
    }

    /** The file's name as the author's computer gave it. */
    public String fileName() {
        return fileName;
    }

    /** The limit broken: bytes for TOO_LARGE, files for TOO_MANY. */
    public long limit() {
        return limit;
    }
}
