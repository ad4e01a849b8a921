package org.babillard.presentation.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Lets browser-based Mastodon clients call the API from their own origin, as Mastodon does. Safe because the API
 * reads no cookie: a call carries its bearer token or is anonymous.
 */
@Provider
@PreMatching
public class Cors implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        var headers = response.getHeaders();
        headers.putSingle("Access-Control-Allow-Origin", "*");
        headers.putSingle("Access-Control-Expose-Headers", "Link, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset");
        if ("OPTIONS".equals(request.getMethod())) {
            headers.putSingle("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, PATCH, OPTIONS");
            headers.putSingle("Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key");
            headers.putSingle("Access-Control-Max-Age", "86400");
        }
        headers.putSingle("Cache-Control", "private, no-store");
    }
}
