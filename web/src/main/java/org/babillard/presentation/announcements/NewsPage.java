package org.babillard.presentation.announcements;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.announcements.boundary.Announcements;
import org.babillard.announcements.boundary.NewsItem;
import org.babillard.announcements.boundary.RsvpSummary;
import org.babillard.announcements.entity.Category;
import org.babillard.announcements.entity.Rsvp;
import org.babillard.platform.boundary.Refused;
import org.babillard.presentation.language.Language;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The News page (/news.xhtml): every announcement out now that the reader is in the audience of, pinned first,
 * filterable by category ({@code ?category=HR}); or one announcement ({@code ?a=12}), which counts as opened,
 * with its answers when it is an event. Also the reader's personal calendar feed address.
 */
@Named
@ViewScoped
public class NewsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Announcements announcements;

    @Inject
    transient HttpServletRequest request;

    @Inject
    transient Language language;

    private String category;
    private String announcement;
    private final List<AnnouncementView> items = new ArrayList<>();
    private AnnouncementView single;
    private boolean notFound;
    private RsvpSummary rsvps;
    private String feedToken;
    private boolean publisher;

    public void load() {
        String me = me();
        publisher = announcements.canPublish(me);
        items.clear();
        single = null;
        notFound = false;
        if (announcement != null) {
            try {
                NewsItem item = announcements.open(me, Long.parseLong(announcement));
                single = AnnouncementView.of(item, language.getTag(), statisticsFor(item));
                if (single.isEvent()) {
                    rsvps = announcements.rsvps(me, single.getId());
                }
            } catch (Refused | NumberFormatException e) {
                notFound = true;
            }
            return;
        }
        for (NewsItem item : announcements.news(me, filter())) {
            items.add(AnnouncementView.of(item, language.getTag(), statisticsFor(item)));
        }
        if (announcements.hasCalendarToken(me)) {
            try {
                feedToken = announcements.calendarToken(me);
            } catch (Refused e) {
                feedToken = null;
            }
        }
    }

    private boolean statisticsFor(NewsItem item) {
        return publisher || item.announcement().getAuthor().getUsername().equals(me());
    }

    private Category filter() {
        if (category == null) {
            return null;
        }
        return Arrays.stream(Category.values()).filter(c -> c.name().equals(category)).findFirst().orElse(null);
    }

    public void acknowledge(long id) {
        try {
            announcements.acknowledge(me(), id);
        } catch (Refused e) {
            // no longer for the reader: the page shows what is there now
        }
        load();
    }

    public void rsvp(String answer) {
        if (single == null) {
            return;
        }
        try {
            rsvps = announcements.rsvp(me(), single.getId(), Rsvp.Answer.valueOf(answer));
        } catch (Refused | IllegalArgumentException e) {
            load();
        }
    }

    public void createFeed() {
        try {
            feedToken = announcements.calendarToken(me());
        } catch (Refused e) {
            feedToken = null;
        }
    }

    public void revokeFeed() {
        announcements.revokeCalendarToken(me());
        feedToken = null;
    }

    /** The feed's full address, for calendar programs. */
    public String getFeedUrl() {
        if (feedToken == null) {
            return null;
        }
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest r = (HttpServletRequest) ec.getRequest();
        String base = r.getScheme() + "://" + r.getServerName()
                + ((r.getScheme().equals("http") && r.getServerPort() == 80) || (r.getScheme().equals("https") && r.getServerPort() == 443)
                ? "" : ":" + r.getServerPort());
        return base + r.getContextPath() + "/calendar/" + feedToken + ".ics";
    }

    private String me() {
        return request.getUserPrincipal().getName();
    }

    public List<String> getCategories() {
        return Arrays.stream(Category.values()).map(Enum::name).toList();
    }

    public List<AnnouncementView> getItems() {
        return items;
    }

    public AnnouncementView getSingle() {
        return single;
    }

    public boolean isNotFound() {
        return notFound;
    }

    public RsvpSummary getRsvps() {
        return rsvps;
    }

    public boolean isPublisher() {
        return publisher;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category == null || category.isBlank() ? null : category;
    }

    public String getAnnouncement() {
        return announcement;
    }

    public void setAnnouncement(String announcement) {
        this.announcement = announcement == null || announcement.isBlank() ? null : announcement;
    }
}
