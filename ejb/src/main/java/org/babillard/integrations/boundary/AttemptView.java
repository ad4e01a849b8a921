package org.babillard.integrations.boundary;

import java.io.Serializable;
import java.time.Instant;

/** One line of an outgoing webhook's delivery log. */
public record AttemptView(Instant at, long postId, int attempt, Integer statusCode, String error, long durationMs)
        implements Serializable {

    public Instant getAt() {
        return at;
    }

    public long getPostId() {
        return postId;
    }

    public int getAttempt() {
        return attempt;
    }

    public Integer getStatusCode() {
        return statusCode;
    }

    public String getError() {
        return error;
    }

    public long getDurationMs() {
        return durationMs;
    }

    public boolean isSuccess() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
