package org.babillard.announcements.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.babillard.announcements.boundary.AnnouncementSignals;

/** Once an announcement's publication has committed (and only then), tells its recipients' open pages. */
@ApplicationScoped
public class LiveAnnouncements {

    @Inject
    AnnouncementSignals signals;

    void out(@Observes(during = TransactionPhase.AFTER_SUCCESS) AnnouncementOut event) {
        signals.announced(event.announcementId(), event.mustRead(), event.recipients());
    }
}
