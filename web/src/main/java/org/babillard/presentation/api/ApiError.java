package org.babillard.presentation.api;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An API error as Mastodon answers it: a status and {@code {"error": "..."}}. */
public class ApiError extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    public ApiError(int status, String message) {
        super(message, Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("error", message).build().toString()).build());
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
