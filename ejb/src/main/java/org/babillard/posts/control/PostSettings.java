package org.babillard.posts.control;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How long a post may be, in code points: the system property {@value #MAX_LENGTH_PROPERTY} (default 500,
 * between 1 and {@value #HIGHEST_LIMIT}, the most the database column holds).
 */
@ApplicationScoped
public class PostSettings {

    public static final String MAX_LENGTH_PROPERTY = "babillard.post.max-length";
    public static final int DEFAULT_LIMIT = 500;
    public static final int HIGHEST_LIMIT = 5000;

    public int maxLength() {
        String raw = System.getProperty(MAX_LENGTH_PROPERTY);
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            return Math.max(1, Math.min(HIGHEST_LIMIT, Integer.parseInt(raw.trim())));
        } catch (NumberFormatException e) {
            return DEFAULT_LIMIT;
        }
    }
}
