package org.babillard.presentation.api;

import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of an API call ends as Mastodon's JSON error with the right status: a path that does not exist is
 * 404, a wrong method 405, and anything unexpected 500 with a plain message, the details only in the log.
 */
@Provider
public class ApiErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ApiError error) {
            return error.getResponse();
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
        Throwable cause = failure instanceof EJBException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof IllegalStateException) {
            // A former employee's token caught between two checks: they may no longer act.
            return json(401, "The access token is invalid");
        }
        LOG.log(Level.WARNING, "API call failed", failure);
        return json(500, "Internal error");
    }

    private static Response json(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("error", message).build().toString()).build();
    }
}
