package org.babillard.posts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.babillard.platform.boundary.Settings;

/**
 * How long a post may be, in code points: the administrators' setting, else the system property
 * {@value #MAX_LENGTH_PROPERTY}, else 500; between 1 and {@value #HIGHEST_LIMIT}, the most the database column holds.
 * Read at each call, so that a change applies to the next post without a restart.
 */
@ApplicationScoped
public class PostSettings {

    public static final String MAX_LENGTH_PROPERTY = "babillard.post.max-length";
    public static final int DEFAULT_LIMIT = 500;
    public static final int HIGHEST_LIMIT = 5000;

    @Inject
    Settings settings;

    public int maxLength() {
        return settings.postMaxLength();
    }
}
