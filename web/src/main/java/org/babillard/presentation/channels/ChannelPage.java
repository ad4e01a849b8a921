package org.babillard.presentation.channels;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.channels.boundary.ChannelDetails;
import org.babillard.channels.boundary.ChannelMember;
import org.babillard.channels.boundary.ChannelSummary;
import org.babillard.channels.boundary.Channels;
import org.babillard.channels.entity.Channel;
import org.babillard.channels.entity.Membership;
import org.babillard.people.boundary.People;
import org.babillard.people.boundary.PersonCard;
import org.babillard.platform.boundary.DatabaseOutage;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.PostRejected;
import org.babillard.posts.boundary.Posts;
import org.babillard.presentation.posts.ComposerOutage;
import org.babillard.presentation.posts.LoadedPages;
import org.babillard.presentation.posts.PostView;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelinePage;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A channel's page (?c=slug): what it is, who is in it, its pinned posts and threads, and what the reader may do
 * there. A channel the reader may not see looks exactly like one that does not exist.
 */
@Named
@ViewScoped
public class ChannelPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PEOPLE_SUGGESTIONS = 8;
    private static final Pattern HANDLE = Pattern.compile(".*\\(@([^()\\s]+)\\)\\s*$");

    @Inject
    transient Channels channels;

    @Inject
    transient Timeline timeline;

    @Inject
    transient Posts posts;

    @Inject
    transient People people;

    @Inject
    transient HttpServletRequest request;

    @Inject
    transient ChannelMessages messages;

    @Inject
    transient ComposerOutage outage;

    @Inject
    transient org.babillard.presentation.Messages texts;

    private int newer;

    private String c;
    private ChannelDetails details;
    private boolean notFound;
    private boolean asked;
    private boolean readable;
    private List<ChannelMember> members = List.of();
    private List<PostView> pinned = List.of();
    private final LoadedPages<PostView> entries = new LoadedPages<>();
    private Long nextBefore;
    private int maxLength;

    private String text;
    private String clientKey;
    private String invitee;

    private String name;
    private String description;
    private boolean privateChannel;
    private boolean announcements;
    private long version;
    private Integer retentionDays;

    /** Runs once, when the page opens (not on its AJAX requests). */
    public void open() {
        maxLength = posts.maxLength();
        clientKey = UUID.randomUUID().toString();
        if (!refresh()) {
            // As the post page: an address one may not open answers 404, the same for a private channel as for none.
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
            return;
        }
        editSettingsFromDetails();
        markRead();
    }

    /** Reloads what the page shows; false when the channel is (now) out of the reader's reach. */
    private boolean refresh() {
        try {
            details = channels.details(me(), c == null ? "" : c.strip());
        } catch (Refused e) {
            notFound = true;
            details = null;
            return false;
        }
        notFound = false;
        try {
            members = channels.members(me(), getId());
        } catch (Refused e) {
            members = List.of();
        }
        entries.clear();
        try {
            pinned = timeline.pinned(me(), getId()).stream().map(PostView::of).toList();
            append(timeline.channel(me(), getId(), null, Timeline.DEFAULT_PAGE_SIZE));
            readable = true;
        } catch (Refused e) {
            // An administrator manages a private channel without reading it; an invitee reads it once in.
            pinned = List.of();
            nextBefore = null;
            readable = false;
        }
        return true;
    }

    private void markRead() {
        if (details != null && details.summary().isMember() && !entries.all().isEmpty()) {
            channels.markRead(me(), getId(), entries.all().get(0).getId());
        }
    }

    private void editSettingsFromDetails() {
        ChannelSummary s = details.summary();
        name = s.name();
        description = s.description();
        privateChannel = s.privateChannel();
        announcements = s.announcements();
        version = details.version();
        retentionDays = details.retentionDays();
    }

    /** A live signal said a thread started here: how many threads newer than the newest shown are there now? */
    public void checkNewer() {
        if (details != null && readable) {
            try {
                newer = timeline.newerInChannel(me(), getId(), entries.all().isEmpty() ? 0 : entries.all().get(0).getId());
            } catch (RuntimeException e) {
                // The database out of reach: the count stays as it was (an error page would take the composer's text away).
                if (!DatabaseOutage.isCause(e)) {
                    throw e;
                }
            }
        }
    }

    /** Shows the new threads at the top and marks them read. */
    public void showNewer() {
        newer = 0;
        if (refresh()) {
            markRead();
        }
    }

    public int getNewer() {
        return newer;
    }

    /** "1 new post", "3 new posts" in the reader's language. */
    public String getNewerLabel() {
        return newer == 0 ? "" : texts.text("live.newer", newer);
    }

    public void loadMore() {
        if (nextBefore != null && details != null) {
            try {
                append(timeline.channel(me(), getId(), nextBefore, Timeline.DEFAULT_PAGE_SIZE));
            } catch (Refused e) {
                gone(e);
            }
        }
    }

    private void append(TimelinePage page) {
        entries.add(page.entries().stream().map(PostView::of).toList());
        nextBefore = page.nextBefore();
    }

    public void publish() {
        if (details == null) {
            return;
        }
        try {
            posts.publish(me(), new Draft(text, getId(), null, clientKey));
            text = null;
            clientKey = UUID.randomUUID().toString();
            refresh();
            markRead();
        } catch (PostRejected e) {
            messages.rejected("composer:text", e);
        } catch (Refused e) {
            messages.refused("composer:text", e);
            refresh();
        } catch (RuntimeException e) {
            // The database out of reach: the text stays in the composer, to send again.
            if (!outage.told(e, "composer")) {
                throw e;
            }
        }
    }

    /** Asks the owners of the channel at this address, if there is one the reader may not see, to let them in. */
    public void askToJoin() {
        channels.askToJoin(me(), c == null ? "" : c.strip());
        asked = true;
    }

    public void join() {
        act(() -> messages.info(channels.join(me(), getId()) ? "channels.joined" : "channels.requestSent"));
    }

    public void leave() {
        boolean wasInvited = details != null && (details.summary().invited() || details.summary().requested());
        act(() -> {
            channels.leave(me(), getId());
            messages.info(wasInvited ? "channels.declined" : "channels.left");
        });
    }

    public void invite() {
        String username = usernameOf(invitee);
        if (username == null) {
            messages.error("invite:invitee", "channel.inviteMissing");
            return;
        }
        try {
            channels.invite(me(), getId(), username);
            invitee = null;
            messages.info("channel.invited");
            refresh();
        } catch (Refused e) {
            messages.refused("invite:invitee", e);
        }
    }

    /** Colleagues for the invitation box, as "Name (@username)". */
    public List<String> completePeople(String typed) {
        return people.search(typed, PEOPLE_SUGGESTIONS).stream().filter(p -> !p.username().equals(me()))
                .map(ChannelPage::label).toList();
    }

    static String label(PersonCard p) {
        return p.displayName() + " (@" + p.username() + ")";
    }

    /** The username in "Name (@username)", "@username" or "username"; null when nothing was typed. */
    static String usernameOf(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        Matcher m = HANDLE.matcher(typed);
        String username = m.matches() ? m.group(1) : typed.strip();
        return username.startsWith("@") ? username.substring(1) : username;
    }

    public void approve(String username) {
        act(() -> {
            channels.approve(me(), getId(), username);
            messages.info("channel.approved");
        });
    }

    public void deny(String username) {
        act(() -> {
            channels.deny(me(), getId(), username);
            messages.info("channel.denied");
        });
    }

    public void role(String username, String role) {
        act(() -> {
            channels.role(me(), getId(), username, Membership.Role.valueOf(role));
            messages.info("channel.roleChanged");
        });
    }

    public void remove(String username) {
        act(() -> {
            channels.remove(me(), getId(), username);
            messages.info("channel.removed");
        });
    }

    public void saveSettings() {
        try {
            channels.update(me(), getId(), version, name, description,
                    privateChannel ? Channel.Access.PRIVATE : Channel.Access.OPEN,
                    announcements ? Channel.Posting.OWNERS : Channel.Posting.MEMBERS);
            messages.info("channel.saved");
            refresh();
            editSettingsFromDetails();
        } catch (Refused e) {
            String field = e.detail() != null && e.detail().startsWith("channel.description") ? "settings:description"
                    : e.detail() != null && e.detail().startsWith("channel.name") ? "settings:name" : null;
            messages.refused(field, e);
            if (e.reason() == Refused.Reason.CHANGED_MEANWHILE) {
                // Show what the other owner saved; the reader checks it and saves again.
                if (refresh()) {
                    editSettingsFromDetails();
                }
            }
        }
    }

    /** Owners and administrators set how many days the channel's posts stay (empty: the company's default). */
    public void saveRetention() {
        act(() -> {
            channels.retention(me(), getId(), retentionDays);
            messages.info("channel.retentionSaved");
        });
    }

    public void archive(boolean archived) {
        act(() -> {
            channels.archive(me(), getId(), archived);
            messages.info(archived ? "channel.archivedDone" : "channel.restoredDone");
        });
    }

    private interface Action {
        void run() throws Refused;
    }

    /** Runs an action, says why if it was refused, and shows the channel as it is now. */
    private void act(Action action) {
        if (details == null) {
            return;
        }
        try {
            action.run();
        } catch (Refused e) {
            messages.refused(null, e);
        }
        if (refresh()) {
            editSettingsFromDetails();
            markRead();
        } else {
            // Out of reach now (they left a private channel): back to the list, with the message.
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().getFlash().setKeepMessages(true);
            faces.getApplication().getNavigationHandler().handleNavigation(faces, null, "/channels?faces-redirect=true");
        }
    }

    private void gone(Refused e) {
        messages.refused(null, e);
        refresh();
    }

    private String me() {
        return request.getUserPrincipal().getName();
    }

    public long getId() {
        return details.summary().id();
    }

    /** Owners of a private channel invite; in an open one, its members and administrators do. */
    public boolean isCanInvite() {
        if (details == null) {
            return false;
        }
        ChannelSummary s = details.summary();
        if (s.team() || s.archived()) {
            return false;
        }
        return s.privateChannel() ? details.canManage() : s.isMember() || details.canManage();
    }

    public List<ChannelMember> getMembers() {
        return members.stream().filter(m -> !m.role().equals("REQUEST") && !m.role().equals("INVITATION")).toList();
    }

    public List<ChannelMember> getPending() {
        return members.stream().filter(m -> m.role().equals("REQUEST") || m.role().equals("INVITATION")).toList();
    }

    public List<String> getRoles() {
        return List.of("MEMBER", "MODERATOR", "OWNER");
    }

    public ChannelDetails getDetails() {
        return details;
    }

    public ChannelSummary getSummary() {
        return details == null ? null : details.summary();
    }

    public boolean isNotFound() {
        return notFound;
    }

    public boolean isAsked() {
        return asked;
    }

    public boolean isReadable() {
        return readable;
    }

    public List<PostView> getPinned() {
        return pinned;
    }

    public List<PostView> getEntries() {
        return entries.all();
    }

    /** The posts shown, a page per "Load more" (LoadedPages). */
    public List<List<PostView>> getPages() {
        return entries.pages();
    }

    public boolean isMore() {
        return nextBefore != null;
    }

    public int getMaxLength() {
        return maxLength;
    }

    public String getC() {
        return c;
    }

    public void setC(String c) {
        this.c = c;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getClientKey() {
        return clientKey;
    }

    public void setClientKey(String clientKey) {
        try {
            this.clientKey = UUID.fromString(clientKey).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            this.clientKey = UUID.randomUUID().toString();
        }
    }

    public String getInvitee() {
        return invitee;
    }

    public void setInvitee(String invitee) {
        this.invitee = invitee;
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

    public Integer getRetentionDays() {
        return retentionDays;
    }

    public void setRetentionDays(Integer retentionDays) {
        this.retentionDays = retentionDays;
    }
}
