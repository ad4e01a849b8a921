package org.babillard.announcements.control;

import java.util.List;

/** An announcement has just gone out to these people: once committed, their open pages hear of it. */
public record AnnouncementOut(long announcementId, boolean mustRead, List<String> recipients) {
}
