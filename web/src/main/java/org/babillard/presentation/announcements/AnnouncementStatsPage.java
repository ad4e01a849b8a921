package org.babillard.presentation.announcements;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.announcements.boundary.AnnouncementStatistics;
import org.babillard.announcements.boundary.Announcements;
import org.babillard.announcements.boundary.NewsItem;
import org.babillard.announcements.entity.AudienceTarget;
import org.babillard.platform.boundary.Refused;
import org.babillard.presentation.language.Language;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * An announcement's statistics (/announcement-stats.xhtml?a=12) for its author, HR and administrators: recipients,
 * opened and acknowledged, in all, per department and per site; the CSV export link for HR and administrators.
 * Anyone else finds nothing there.
 */
@Named
@ViewScoped
public class AnnouncementStatsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Announcements announcements;

    @Inject
    transient HttpServletRequest request;

    @Inject
    transient Language language;

    private String announcement;
    private AnnouncementView view;
    private AnnouncementStatistics statistics;
    private final List<String[]> audience = new ArrayList<>();
    private boolean export;

    public void load() {
        String me = request.getUserPrincipal().getName();
        try {
            long id = Long.parseLong(announcement);
            statistics = announcements.statistics(me, id);
            NewsItem item = announcements.find(me, id);
            view = new AnnouncementView(item.announcement(), language.getTag(), false, false, true);
            audience.clear();
            for (AudienceTarget t : announcements.audience(me, id)) {
                audience.add(new String[] {t.getKind().name(), t.getLabel()});
            }
            export = announcements.canExport(me);
        } catch (Refused | NumberFormatException e) {
            view = null;
            statistics = null;
        }
    }

    public boolean isFound() {
        return view != null;
    }

    public AnnouncementView getView() {
        return view;
    }

    public AnnouncementStatistics getStatistics() {
        return statistics;
    }

    /** Kind and label of each part of the audience ({@code [0]} the kind, {@code [1]} the label or null). */
    public List<String[]> getAudience() {
        return audience;
    }

    public boolean isExport() {
        return export;
    }

    public String getAnnouncement() {
        return announcement;
    }

    public void setAnnouncement(String announcement) {
        this.announcement = announcement;
    }
}
