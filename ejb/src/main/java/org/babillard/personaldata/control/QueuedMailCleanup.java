package org.babillard.personaldata.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.babillard.personaldata.boundary.Erasure;
import org.babillard.personaldata.boundary.PersonalDataErased;

/** Once an erasure has committed, the mails still queued for the person go, on another thread. */
@ApplicationScoped
public class QueuedMailCleanup {

    @Inject
    Erasure erasure;

    void erased(@Observes(during = TransactionPhase.AFTER_SUCCESS) PersonalDataErased event) {
        erasure.forgetQueuedMail(event.employeeId());
    }
}
