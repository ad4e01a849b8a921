package org.babillard.presentation.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.babillard.api.boundary.OAuth;

/**
 * Reads {@code Authorization: Bearer <token>} (or Mastodon's {@code access_token} query parameter, which streaming
 * clients use) and tells the request who calls. A token that is present but not valid is refused at once.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

    @Inject
    OAuth oauth;

    @Inject
    ApiSession session;

    @Override
    public void filter(ContainerRequestContext request) {
        String token = token(request.getHeaderString("Authorization"));
        if (token == null) {
            token = request.getUriInfo().getQueryParameters().getFirst("access_token");
        }
        if (token == null) {
            return;
        }
        var caller = oauth.authenticate(token);
        if (caller.isEmpty()) {
            request.abortWith(ApiError.unauthorized().getResponse());
            return;
        }
        session.authenticated(caller.get());
        request.setProperty("babillard.token", caller.get().tokenId());
    }

    static String token(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).strip() : null;
    }
}
