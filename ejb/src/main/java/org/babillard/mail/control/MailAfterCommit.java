package org.babillard.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.babillard.announcements.boundary.MustReadMessage;
import org.babillard.mail.boundary.MailNotices;
import org.babillard.mail.boundary.Outbox;
import org.babillard.notifications.control.Notified;

/**
 * Turns what happened into mails and text messages once the transaction that caused it has committed, and on
 * another thread ({@code @Asynchronous} boundaries): posting and publishing never wait for a mail server.
 */
@ApplicationScoped
public class MailAfterCommit {

    @Inject
    MailNotices notices;

    @Inject
    Outbox outbox;

    void notified(@Observes(during = TransactionPhase.AFTER_SUCCESS) Notified event) {
        if (event.notificationId() != null) {
            notices.notified(event.notificationId());
        }
    }

    void mustRead(@Observes(during = TransactionPhase.AFTER_SUCCESS) MustReadMessage message) {
        notices.mustRead(message);
    }

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxQueued event) {
        outbox.sendSoon();
    }
}
