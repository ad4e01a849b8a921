package org.babillard.integrations.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.babillard.integrations.boundary.WebhookDeliveries;
import org.babillard.posts.boundary.PostPublished;

/**
 * Hands each new post in a channel to the outgoing webhooks once it is committed, on another thread: posting never
 * waits. Webhooks belong to channels: a post outside any channel is not handed on at all.
 */
@ApplicationScoped
public class WebhooksAfterCommit {

    @Inject
    WebhookDeliveries deliveries;

    void published(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostPublished event) {
        if (event.inChannel()) {
            deliveries.postPublished(event.postId());
        }
    }
}
