package org.babillard.announcements.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.babillard.announcements.boundary.LiveCoverage;
import org.babillard.posts.boundary.PostPublished;

/** Once a post has committed, lets live coverage signal it if it is a reply in a live thread. */
@ApplicationScoped
public class LiveCoverageRelay {

    @Inject
    LiveCoverage coverage;

    void published(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostPublished event) {
        if (event.reply()) {
            coverage.posted(event.postId());
        }
    }
}
