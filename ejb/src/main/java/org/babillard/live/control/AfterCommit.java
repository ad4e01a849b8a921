package org.babillard.live.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.babillard.live.boundary.LiveDelivery;
import org.babillard.notifications.control.Notified;
import org.babillard.posts.boundary.PostChanged;
import org.babillard.posts.boundary.PostPublished;

/**
 * Starts live deliveries. A post's, inside its transaction: its audience is read there and the signal leaves as it
 * commits, and only if it commits ({@link LiveDelivery#postPublished}). A bell's, once the notification has
 * committed, on another thread.
 */
@ApplicationScoped
public class AfterCommit {

    @Inject
    LiveDelivery delivery;

    void published(@Observes PostPublished event) {
        delivery.postPublished(event.postId());
    }

    void changed(@Observes PostChanged event) {
        delivery.postChanged(event.postId());
    }

    void notified(@Observes(during = TransactionPhase.AFTER_SUCCESS) Notified event) {
        delivery.bell(event.username());
    }
}
