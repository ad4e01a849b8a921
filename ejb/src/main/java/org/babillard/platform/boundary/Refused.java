package org.babillard.platform.boundary;

import jakarta.ejb.ApplicationException;

/**
 * An action a boundary did not carry out, and why, in words the views translate ({@code refused.<reason>} in the
 * bundle). Nothing was changed. Something the caller may not see is always {@link Reason#NOT_FOUND}, so that a
 * refusal never reveals that a private post or channel exists.
 */
@ApplicationException(rollback = true)
public class Refused extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** It does not exist, or the caller may not see it. */
        NOT_FOUND,
        /** The caller sees it but may not do this to it. */
        NOT_ALLOWED,
        /** The channel is archived: readable, closed to new posts. */
        ARCHIVED,
        /** Someone else changed it since the caller loaded it. */
        CHANGED_MEANWHILE,
        /** The input breaks a rule (a name already taken, an empty reason, ...). */
        INVALID,
        /** Already done: a duplicate name, a request already pending. */
        ALREADY
    }

    private final Reason reason;
    private final String detail;

    public Refused(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    /** A message key suffix for INVALID and ALREADY (for example {@code channel.slugTaken}), else the English detail. */
    public String detail() {
        return detail;
    }

    public static Refused notFound(String what) {
        return new Refused(Reason.NOT_FOUND, what);
    }

    public static Refused notAllowed(String what) {
        return new Refused(Reason.NOT_ALLOWED, what);
    }
}
