package org.babillard.presentation.posts;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.announcements.boundary.AnnouncementDraft;
import org.babillard.announcements.boundary.LiveCoverage;
import org.babillard.announcements.boundary.PostEvents;
import org.babillard.announcements.boundary.RsvpSummary;
import org.babillard.announcements.entity.PostEvent;
import org.babillard.announcements.entity.Rsvp;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.PostRejected;
import org.babillard.posts.boundary.Posts;
import org.babillard.presentation.Messages;
import org.babillard.timeline.boundary.Conversation;
import org.babillard.timeline.boundary.Timeline;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * A conversation (/post.xhtml?id=...): the thread's first post, its replies oldest first, and a composer that
 * answers the post asked for. A post that does not exist and one the reader may not see give the same page.
 */
@Named
@ViewScoped
public class ConversationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Timeline timeline;

    @Inject
    transient Posts posts;

    @Inject
    transient HttpServletRequest request;

    @Inject
    transient Messages messages;

    @Inject
    PostActions actions;

    @Inject
    transient LiveCoverage coverage;

    @Inject
    transient PostEvents postEvents;

    private String id;
    private long postId;
    private boolean found;
    private PostView first;
    private boolean firstDeleted;
    private List<PostView> replies = List.of();
    private boolean more;
    private Long replyTo;
    private String replyToUsername;
    private String text;
    private String clientKey = UUID.randomUUID().toString();
    private int maxLength;
    private boolean live;
    private boolean canSwitchLive;
    private PostEvent event;
    private RsvpSummary rsvps;
    private String eventStart;
    private String eventEnd;
    private String eventPlace;
    private String eventLink;

    /** Reads the conversation when the page opens. */
    public void load() {
        found = false;
        try {
            postId = Long.parseLong(id == null ? "" : id.strip());
            read();
            found = true;
            maxLength = posts.maxLength();
            live = coverage.isLive(postId);
            canSwitchLive = coverage.canSwitch(me(), postId);
            loadEvent();
        } catch (NumberFormatException | Refused e) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
        }
    }

    private void read() throws Refused {
        Conversation c = timeline.conversation(me(), postId);
        first = PostView.of(c.first());
        firstDeleted = c.firstDeleted();
        replies = c.replies().stream().map(PostView::of).toList();
        more = c.more();
        // The composer answers the post asked for; when that is a deleted first post, the latest reply.
        PostView target = first.getId() == postId && !firstDeleted ? first
                : replies.stream().filter(r -> r.getId() == postId).findFirst()
                .orElse(replies.isEmpty() ? null : replies.get(replies.size() - 1));
        if (firstDeleted && target != null && target.getId() == first.getId()) {
            target = null;
        }
        replyTo = target == null ? null : target.getId();
        replyToUsername = target == null ? null : target.getAuthorUsername();
    }

    public void reply() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            posts.publish(me(), new Draft(text, null, replyTo, clientKey));
            text = null;
            clientKey = UUID.randomUUID().toString();
            read();
        } catch (PostRejected e) {
            String key = switch (e.problem()) {
                case EMPTY -> "post.empty";
                case TOO_LONG -> "post.tooLong";
                case CONTROL_CHARACTERS -> "post.controlCharacters";
            };
            faces.addMessage("reply:text", messages.error(key, e.length(), e.limit()));
            faces.validationFailed();
        } catch (Refused e) {
            faces.addMessage("reply:text", new jakarta.faces.application.FacesMessage(
                    jakarta.faces.application.FacesMessage.SEVERITY_ERROR, actions.refusal(e), null));
            faces.validationFailed();
        }
    }

    /** A new reply in this live thread was signalled: the thread is read again, as the reader may see it. */
    public void refresh() {
        try {
            read();
        } catch (Refused e) {
            found = false;
        }
    }

    /** The thread's author, HR or an administrator switches live coverage on or off. */
    public void switchLive() {
        try {
            coverage.switchLive(me(), postId, !live);
            live = !live;
        } catch (Refused e) {
            FacesContext.getCurrentInstance().addMessage(null, new jakarta.faces.application.FacesMessage(
                    jakarta.faces.application.FacesMessage.SEVERITY_ERROR, actions.refusal(e), null));
        }
    }

    private void loadEvent() {
        event = postEvents.event(me(), postId).orElse(null);
        try {
            rsvps = event == null ? null : postEvents.rsvps(me(), postId);
        } catch (Refused e) {
            rsvps = null;
        }
    }

    /** The author of the thread's first post makes it an event (times in the company's time zone). */
    public void makeEvent() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            java.time.ZoneId zone = zone();
            AnnouncementDraft.EventDetails details = new AnnouncementDraft.EventDetails(
                    eventStart == null || eventStart.isBlank() ? null : java.time.LocalDateTime.parse(eventStart.strip()).atZone(zone).toInstant(),
                    eventEnd == null || eventEnd.isBlank() ? null : java.time.LocalDateTime.parse(eventEnd.strip()).atZone(zone).toInstant(),
                    eventPlace, eventLink);
            postEvents.makeEvent(me(), first.getId(), details);
            loadEvent();
        } catch (java.time.format.DateTimeParseException e) {
            faces.addMessage("postEvent:eventStart", messages.error("announcement.badDate"));
            faces.validationFailed();
        } catch (Refused e) {
            String key = e.reason() == Refused.Reason.INVALID ? "refused." + e.detail() : "announcement.refused." + e.reason().name();
            faces.addMessage("postEvent:eventStart", messages.error(key));
            faces.validationFailed();
        }
    }

    public void rsvp(String answer) {
        try {
            rsvps = postEvents.rsvp(me(), first.getId(), Rsvp.Answer.valueOf(answer));
        } catch (Refused | IllegalArgumentException e) {
            loadEvent();
        }
    }

    private static java.time.ZoneId zone() {
        String zone = System.getProperty("babillard.timezone");
        return zone == null || zone.isBlank() ? java.time.ZoneId.systemDefault() : java.time.ZoneId.of(zone);
    }

    public PostEvent getEvent() {
        return event;
    }

    public RsvpSummary getRsvps() {
        return rsvps;
    }

    /** Whether the reader may make this thread an event: they wrote its first post, which is not one yet. */
    public boolean isCanMakeEvent() {
        return event == null && first != null && !firstDeleted && me().equals(first.getAuthorUsername());
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

    public boolean isLive() {
        return live;
    }

    public boolean isCanSwitchLive() {
        return canSwitchLive;
    }

    /** The id of the thread's first post, which live signals name. */
    public long getThreadId() {
        return first == null ? postId : first.getId();
    }

    private String me() {
        return request.getUserPrincipal().getName();
    }

    public boolean isFound() {
        return found;
    }

    public PostView getFirst() {
        return first;
    }

    public boolean isFirstDeleted() {
        return firstDeleted;
    }

    public List<PostView> getReplies() {
        return replies;
    }

    public boolean isMore() {
        return more;
    }

    public boolean isCanReply() {
        return replyTo != null;
    }

    public String getReplyToUsername() {
        return replyToUsername;
    }

    public long getPostId() {
        return postId;
    }

    public int getMaxLength() {
        return maxLength;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
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

    /** The composer's key as rendered; anything but a UUID (a tampered form) is replaced by a new one. */
    public void setClientKey(String clientKey) {
        try {
            this.clientKey = UUID.fromString(clientKey).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            this.clientKey = UUID.randomUUID().toString();
        }
    }
}
