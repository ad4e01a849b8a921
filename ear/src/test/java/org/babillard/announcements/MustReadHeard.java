package org.babillard.announcements;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.babillard.announcements.boundary.MustReadMessage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hears {@link MustReadMessage} as mail delivery will: after the commit. Deployed inside the EJB module (CDI events
 * of the EJB module do not reach observers of a WAR), so the test sees exactly what the mail side will.
 */
@ApplicationScoped
public class MustReadHeard {

    private final List<MustReadMessage> heard = new CopyOnWriteArrayList<>();

    void heard(@Observes(during = TransactionPhase.AFTER_SUCCESS) MustReadMessage message) {
        heard.add(message);
    }

    public List<MustReadMessage> about(long announcementId) {
        return heard.stream().filter(m -> m.announcementId() == announcementId).toList();
    }
}
