package org.babillard.presentation.api;

import org.babillard.presentation.Jsonp;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.babillard.presentation.security.BadInput;

import java.util.Locale;

/** An API error as Mastodon answers it: a status and {@code {"error": "..."}}. */
public class ApiError extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    /** The key of the text in the pages' bundle, which {@link ApiErrors} answers in the caller's language; or null. */
    private final String key;
    private final transient Object[] arguments;

    public ApiError(int status, String message) {
        this(status, message, null);
    }

    private ApiError(int status, String message, String key, Object... arguments) {
        // A localized error carries no entity: the runtime then hands it to ApiErrors, which writes it in the
        // caller's language (an entity would be sent as it is, without any exception mapper).
        super(message, key == null ? Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Jsonp.createObjectBuilder().add("error", message).build().toString()).build() : Response.status(status).build());
        this.key = key;
        this.arguments = arguments;
    }

    /** An error whose text the caller reads in their language ({@code Accept-Language}: French or English). */
    static ApiError localized(int status, String key, Object... arguments) {
        return new ApiError(status, BadInput.text(Locale.ENGLISH, key, arguments), key, arguments);
    }

    boolean localized() {
        return key != null;
    }

    /** The text in this language, if it has one in the bundle; else the message as it was built. */
    String message(Locale language) {
        return key == null ? getMessage() : BadInput.text(language, key, arguments);
    }

    static ApiError notFound() {
        return new ApiError(404, "Record not found");
    }

    static ApiError unauthorized() {
        return new ApiError(401, "The access token is invalid");
    }

    static ApiError forbidden() {
        return new ApiError(403, "This action is outside the authorized scopes");
    }

    static ApiError unprocessable(String message) {
        return new ApiError(422, "Validation failed: " + message);
    }
}
