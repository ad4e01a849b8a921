package org.babillard.live.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.babillard.live.boundary.LiveDelivery;
import org.babillard.notifications.control.Notified;
import org.babillard.posts.boundary.PostChanged;
import org.babillard.posts.boundary.PostPublished;

/** Starts live deliveries once the transaction that caused them has committed, and only then. */
@ApplicationScoped
public class AfterCommit {

    @Inject
    LiveDelivery delivery;

    void published(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostPublished event) {
        delivery.postPublished(event.postId());
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostChanged event) {
        delivery.postChanged(event.postId());
    }

    void notified(@Observes(during = TransactionPhase.AFTER_SUCCESS) Notified event) {
        delivery.bell(event.username());
    }
}
