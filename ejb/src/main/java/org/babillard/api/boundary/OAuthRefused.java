package org.babillard.api.boundary;

import jakarta.ejb.ApplicationException;

/**
 * An OAuth 2 request refused, with the error code RFC 6749 defines ({@code invalid_request}, {@code invalid_client},
 * {@code invalid_grant}, {@code unsupported_grant_type}, {@code invalid_scope}, {@code access_denied}) and a
 * description for the developer. Nothing was changed.
 */
@ApplicationException(rollback = true)
public class OAuthRefused extends Exception {

    private static final long serialVersionUID = 1L;

    private final String error;

    public OAuthRefused(String error, String description) {
        super(description);
        this.error = error;
    }

    public String error() {
        return error;
    }

    /** The HTTP status RFC 6749 gives the error: 401 for a client that failed to authenticate, else 400. */
    public int status() {
        return "invalid_client".equals(error) ? 401 : 400;
    }
}
