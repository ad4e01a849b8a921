package org.babillard.announcements.boundary;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.babillard.live.control.LiveUpdates;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Live signals of announcements, on another thread after the commit: {"type":"announcement","id":12,"mustRead":true}
 * to each recipient's open pages, which then ask the server for their banner. The signal carries no content.
 */
@Stateless
public class AnnouncementSignals {

    private static final Logger LOG = Logger.getLogger(AnnouncementSignals.class.getName());

    @Inject
    LiveUpdates live;

    @Asynchronous
    public void announced(long announcementId, boolean mustRead, List<String> recipients) {
        try {
            live.send("{\"type\":\"announcement\",\"id\":" + announcementId + ",\"mustRead\":" + mustRead + "}", recipients);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Live delivery of announcement " + announcementId + " failed", e);
        }
    }
}
