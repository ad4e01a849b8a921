package org.babillard.presentation.api;

import org.babillard.presentation.Jsonp;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.babillard.platform.boundary.DatabaseOutage;
import org.babillard.presentation.security.BadInput;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of an API call ends as Mastodon's JSON error with the right status: a path that does not exist is
 * 404, a wrong method 405, the database out of reach 503 with {@code Retry-After} (nothing was changed: the
 * transaction rolled back), and anything unexpected 500 with a plain message, the details only in the log.
 */
@Provider
public class ApiErrors implements ExceptionMapper<Throwable> {

    /** Seconds a client is asked to wait before sending again while the database is out of reach. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ApiError error) {
            return error.localized() ? json(error.getResponse().getStatus(), error.message(language())) : error.getResponse();
        }
        if (tooLarge(failure)) {
            // The server stopped reading a body longer than its max-post-size (an upload): the sender's doing.
            return json(413, BadInput.text(language(), "badInput.tooLarge"));
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            String message = switch (status) {
                case 404 -> "Record not found";
                case 405 -> "Method not allowed";
                case 406, 415 -> "Unsupported media type";
                default -> status < 500 ? "Invalid request" : "Internal error";
            };
            return json(status, message);
        }
        if (DatabaseOutage.isCause(failure)) {
            LOG.log(Level.WARNING, "API call failed: the database cannot be reached ({0})", failure.toString());
            return Response.fromResponse(json(503, BadInput.text(language(), "unavailable.database")))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        Throwable cause = failure instanceof EJBException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof IllegalStateException) {
            // A former employee's token caught between two checks: they may no longer act.
            return json(401, "The access token is invalid");
        }
        LOG.log(Level.WARNING, "API call failed", failure);
        return json(500, "Internal error");
    }

    /** Whether the server refused to read on because the body is longer than it takes (Undertow's max-post-size). */
    static boolean tooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.equals("RequestTooBigException") || name.equals("FileTooLargeException")
                    || String.valueOf(t.getMessage()).contains("UT000020")) {
                return true;
            }
        }
        return false;
    }

    private Locale language() {
        try {
            return BadInput.locale(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        } catch (RuntimeException outsideARequest) {
            return Locale.ENGLISH;
        }
    }

    private static Response json(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Jsonp.createObjectBuilder().add("error", message).build().toString()).build();
    }
}
