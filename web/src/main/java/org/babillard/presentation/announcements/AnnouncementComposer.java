package org.babillard.presentation.announcements;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.announcements.boundary.AnnouncementDraft;
import org.babillard.announcements.boundary.Announcements;
import org.babillard.announcements.entity.Announcement;
import org.babillard.announcements.entity.AudienceTarget;
import org.babillard.announcements.entity.Category;
import org.babillard.channels.entity.Channel;
import org.babillard.platform.boundary.Refused;
import org.babillard.presentation.Messages;
import org.babillard.presentation.language.Language;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.MissingResourceException;

/**
 * The compose page for HR and administrators (/announce.xhtml; web.xml lets no one else in, and the boundary
 * refuses anyone else anyway): French and English side by side, category, audience, schedule, expiry, pin,
 * must read, event; below, the announcements the author wrote with their statistics.
 */
@Named
@ViewScoped
public class AnnouncementComposer implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Announcements announcements;

    @Inject
    transient HttpServletRequest request;

    @Inject
    transient Messages messages;

    @Inject
    transient Language language;

    private String category = Category.HR.name();
    private String titleFr;
    private String bodyFr;
    private String titleEn;
    private String bodyEn;
    private boolean mustRead;
    private boolean pinned;
    private String publishAt;
    private String expiresAt;
    private boolean everyone;
    private List<String> departments = new ArrayList<>();
    private List<String> sites = new ArrayList<>();
    private List<String> channels = new ArrayList<>();
    private String managers;
    private boolean event;
    private String eventStart;
    private String eventEnd;
    private String eventPlace;
    private String eventLink;

    private List<String> departmentChoices;
    private List<String> siteChoices;
    private List<SelectItem> channelChoices;
    private final List<AnnouncementView> written = new ArrayList<>();

    @PostConstruct
    void init() {
        departmentChoices = announcements.departments();
        siteChoices = announcements.sites();
        // SelectItems made here with an escaped label: Faces renders the labels of a Map's entries unescaped, so a
        // channel named "<img src=x onerror=…>" would have become markup in the list.
        channelChoices = new ArrayList<>();
        for (Channel c : announcements.channels()) {
            channelChoices.add(new SelectItem(String.valueOf(c.getId()), c.getName()));
        }
        loadWritten();
    }

    private void loadWritten() {
        written.clear();
        for (Announcement a : announcements.writtenBy(me())) {
            written.add(new AnnouncementView(a, language.getTag(), false, false, true));
        }
    }

    public void publish() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        List<AnnouncementDraft.Target> audience = new ArrayList<>();
        if (everyone) {
            audience.add(AnnouncementDraft.Target.everyone());
        }
        departments.forEach(d -> audience.add(new AnnouncementDraft.Target(AudienceTarget.Kind.DEPARTMENT, d)));
        sites.forEach(s -> audience.add(new AnnouncementDraft.Target(AudienceTarget.Kind.SITE, s)));
        channels.forEach(c -> audience.add(new AnnouncementDraft.Target(AudienceTarget.Kind.CHANNEL, c)));
        if (managers != null) {
            for (String m : managers.split("[,;\\s]+")) {
                String username = m.strip().replaceFirst("^@", "");
                if (!username.isEmpty()) {
                    audience.add(new AnnouncementDraft.Target(AudienceTarget.Kind.MANAGER, username));
                }
            }
        }
        Instant at;
        Instant expires;
        AnnouncementDraft.EventDetails details = null;
        try {
            at = instant(publishAt, "compose:publishAt");
            expires = instant(expiresAt, "compose:expiresAt");
            if (event) {
                Instant start = instant(eventStart, "compose:eventStart");
                Instant end = instant(eventEnd, "compose:eventEnd");
                details = new AnnouncementDraft.EventDetails(start, end, eventPlace, eventLink);
            }
        } catch (IllegalArgumentException e) {
            faces.validationFailed();
            return;
        }
        Category chosen = Arrays.stream(Category.values()).filter(c -> c.name().equals(category)).findFirst().orElse(null);
        AnnouncementDraft draft = new AnnouncementDraft(chosen, titleFr, bodyFr, titleEn, bodyEn, mustRead, at, expires,
                pinned, audience, details);
        try {
            Announcement a = announcements.publish(me(), draft);
            faces.getExternalContext().getFlash().put("published", a.isPublished() ? "now" : "later");
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath()
                    + "/announcement-stats.xhtml?a=" + a.getId());
        } catch (Refused e) {
            faces.addMessage("compose", messages.error(refusalKey(e)));
            faces.validationFailed();
        }
    }

    private String refusalKey(Refused e) {
        if (e.reason() == Refused.Reason.INVALID) {
            String key = "refused." + e.detail();
            try {
                messages.text(key);
                return key;
            } catch (MissingResourceException missing) {
                return "announcement.refused.INVALID";
            }
        }
        return "announcement.refused." + e.reason().name();
    }

    /** A datetime-local value in the company's time zone, or null when empty. */
    private Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone()).toInstant();
        } catch (DateTimeParseException e) {
            FacesContext.getCurrentInstance().addMessage(field, messages.error("announcement.badDate"));
            throw new IllegalArgumentException(e);
        }
    }

    private static ZoneId zone() {
        String zone = System.getProperty("babillard.timezone");
        return zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone);
    }

    private String me() {
        return request.getUserPrincipal().getName();
    }

    public List<String> getCategories() {
        return Arrays.stream(Category.values()).map(Enum::name).toList();
    }

    public List<String> getDepartmentChoices() {
        return departmentChoices;
    }

    public List<String> getSiteChoices() {
        return siteChoices;
    }

    public List<SelectItem> getChannelChoices() {
        return channelChoices;
    }

    public List<AnnouncementView> getWritten() {
        return written;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getTitleFr() {
        return titleFr;
    }

    public void setTitleFr(String titleFr) {
        this.titleFr = titleFr;
    }

    public String getBodyFr() {
        return bodyFr;
    }

    public void setBodyFr(String bodyFr) {
        this.bodyFr = bodyFr;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    public String getBodyEn() {
        return bodyEn;
    }

    public void setBodyEn(String bodyEn) {
        this.bodyEn = bodyEn;
    }

    public boolean isMustRead() {
        return mustRead;
    }

    public void setMustRead(boolean mustRead) {
        this.mustRead = mustRead;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    public String getPublishAt() {
        return publishAt;
    }

    public void setPublishAt(String publishAt) {
        this.publishAt = publishAt;
    }

    public String getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(String expiresAt) {
        this.expiresAt = expiresAt;
    }

    public boolean isEveryone() {
        return everyone;
    }

    public void setEveryone(boolean everyone) {
        this.everyone = everyone;
    }

    public List<String> getDepartments() {
        return departments;
    }

    public void setDepartments(List<String> departments) {
        this.departments = departments == null ? new ArrayList<>() : departments;
    }

    public List<String> getSites() {
        return sites;
    }

    public void setSites(List<String> sites) {
        this.sites = sites == null ? new ArrayList<>() : sites;
    }

    public List<String> getChannels() {
        return channels;
    }

    public void setChannels(List<String> channels) {
        this.channels = channels == null ? new ArrayList<>() : channels;
    }

    public String getManagers() {
        return managers;
    }

    public void setManagers(String managers) {
        this.managers = managers;
    }

    public boolean isEvent() {
        return event;
    }

    public void setEvent(boolean event) {
        this.event = event;
    }

    public String getEventStart() {
        return eventStart;
    }

    public void setEventStart(String eventStart) {
        this.eventStart = eventStart;
    }

    public String getEventEnd() {
        return eventEnd;
    }

    public void setEventEnd(String eventEnd) {
        this.eventEnd = eventEnd;
    }

    public String getEventPlace() {
        return eventPlace;
    }

    public void setEventPlace(String eventPlace) {
        this.eventPlace = eventPlace;
    }

    public String getEventLink() {
        return eventLink;
    }

    public void setEventLink(String eventLink) {
        this.eventLink = eventLink;
    }
}
