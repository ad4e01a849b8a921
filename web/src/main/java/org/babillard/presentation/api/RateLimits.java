package org.babillard.presentation.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mastodon's rate limit: 300 calls per 5 minutes per token (per client address without a token), counted in
 * fixed windows, told in {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset}; beyond it, 429.
 * Node-local: behind several nodes each counts its own share.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
public class RateLimits implements ContainerRequestFilter, ContainerResponseFilter {

    static final int LIMIT = Integer.getInteger("babillard.api.rate-limit", 300);
    static final long WINDOW_SECONDS = 300;

    @Inject
    Windows windows;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Object token = request.getProperty("babillard.token");
        String key = token != null ? "t" + token : "a" + servletRequest.getRemoteAddr();
        long now = Clock.systemUTC().instant().getEpochSecond();
        long windowStart = now - now % WINDOW_SECONDS;
        int used = windows.count(key, windowStart);
        request.setProperty("babillard.rate.remaining", Math.max(0, LIMIT - used));
        request.setProperty("babillard.rate.reset", windowStart + WINDOW_SECONDS);
        if (used > LIMIT) {
            var response = new ApiError(429, "Too many requests").getResponse();
            request.abortWith(jakarta.ws.rs.core.Response.fromResponse(response)
                    .header("X-RateLimit-Limit", LIMIT).header("X-RateLimit-Remaining", 0)
                    .header("X-RateLimit-Reset", MastodonJson.time(Instant.ofEpochSecond(windowStart + WINDOW_SECONDS)))
                    .header("Retry-After", windowStart + WINDOW_SECONDS - now).build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object remaining = request.getProperty("babillard.rate.remaining");
        Object reset = request.getProperty("babillard.rate.reset");
        if (remaining != null && !response.getHeaders().containsKey("X-RateLimit-Limit")) {
            response.getHeaders().putSingle("X-RateLimit-Limit", LIMIT);
            response.getHeaders().putSingle("X-RateLimit-Remaining", remaining);
            response.getHeaders().putSingle("X-RateLimit-Reset", MastodonJson.time(Instant.ofEpochSecond((Long) reset)));
        }
    }

    /** The calls counted per key in the current window. */
    @ApplicationScoped
    public static class Windows {

        private final ConcurrentHashMap<String, long[]> counts = new ConcurrentHashMap<>();
        private final AtomicInteger calls = new AtomicInteger();

        int count(String key, long windowStart) {
            if (calls.incrementAndGet() % 1000 == 0) {
                counts.entrySet().removeIf(e -> e.getValue()[0] < windowStart);
            }
            long[] slot = counts.compute(key, (k, v) -> v == null || v[0] != windowStart ? new long[] {windowStart, 1}
                    : new long[] {windowStart, v[1] + 1});
            return (int) slot[1];
        }
    }
}
