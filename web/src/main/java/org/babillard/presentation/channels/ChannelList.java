package org.babillard.presentation.channels;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.channels.boundary.ChannelSummary;
import org.babillard.channels.boundary.Channels;
import org.babillard.channels.entity.Channel;
import org.babillard.platform.boundary.Refused;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The channels page: the channels the reader may see (theirs first), finding one, and creating one. */
@Named
@ViewScoped
public class ChannelList implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int SUGGESTIONS = 10;

    @Inject
    transient Channels channels;

    @Inject
    transient HttpServletRequest request;

    @Inject
    transient ChannelMessages messages;

    private List<ChannelSummary> summaries = List.of();
    private String name;
    private String description;
    private boolean privateChannel;
    private boolean announcements;
    private String found;
    private final Map<String, String> suggested = new LinkedHashMap<>();

    @PostConstruct
    void load() {
        summaries = channels.list(me());
    }

    /** Creates the channel and opens its page. */
    public String create() {
        try {
            Channel created = channels.create(me(), name, description,
                    privateChannel ? Channel.Access.PRIVATE : Channel.Access.OPEN,
                    announcements ? Channel.Posting.OWNERS : Channel.Posting.MEMBERS);
            return "/channel?faces-redirect=true&c=" + created.getSlug();
        } catch (Refused e) {
            String field = e.detail() != null && e.detail().startsWith("channel.description") ? "create:description"
                    : e.detail() != null && e.detail().startsWith("channel.name") ? "create:name" : null;
            messages.refused(field, e);
            return null;
        }
    }

    /** Joins an open channel, or accepts an invitation. */
    public void join(long channelId) {
        try {
            messages.info(channels.join(me(), channelId) ? "channels.joined" : "channels.requestSent");
        } catch (Refused e) {
            messages.refused(null, e);
        }
        load();
    }

    /** Declines an invitation. */
    public void decline(long channelId) {
        try {
            channels.leave(me(), channelId);
            messages.info("channels.declined");
        } catch (Refused e) {
            messages.refused(null, e);
        }
        load();
    }

    /** Channel names for the search box, among those the reader may see. */
    public List<String> complete(String typed) {
        suggested.clear();
        List<String> names = new ArrayList<>();
        for (ChannelSummary s : channels.suggest(me(), typed, SUGGESTIONS)) {
            if (suggested.putIfAbsent(s.name(), s.slug()) == null) {
                names.add(s.name());
            }
        }
        return names;
    }

    /** Opens the channel chosen in the search box. */
    public String open() {
        String slug = found == null ? null : suggested.get(found);
        if (slug == null) {
            List<ChannelSummary> matches = found == null || found.isBlank() ? List.of() : channels.suggest(me(), found, 1);
            if (matches.isEmpty()) {
                messages.error("find:found", "channels.findNone");
                return null;
            }
            slug = matches.get(0).slug();
        }
        return "/channel?faces-redirect=true&c=" + slug;
    }

    /** A channel was picked among the suggestions: open it at once. */
    public void go() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String outcome = open();
        if (outcome != null) {
            faces.getApplication().getNavigationHandler().handleNavigation(faces, null, outcome);
        }
    }

    public List<ChannelSummary> getMine() {
        return summaries.stream().filter(ChannelSummary::isMember).toList();
    }

    /** Channels the reader is not in; invitations first, so that they are not lost among the open channels. */
    public List<ChannelSummary> getOthers() {
        return summaries.stream().filter(s -> !s.isMember())
                .sorted(java.util.Comparator.comparing((ChannelSummary s) -> !s.isInvited())).toList();
    }

    private String me() {
        return request.getUserPrincipal().getName();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isPrivateChannel() {
        return privateChannel;
    }

    public void setPrivateChannel(boolean privateChannel) {
        this.privateChannel = privateChannel;
    }

    public boolean isAnnouncements() {
        return announcements;
    }

    public void setAnnouncements(boolean announcements) {
        this.announcements = announcements;
    }

    public String getFound() {
        return found;
    }

    public void setFound(String found) {
        this.found = found;
    }
}
