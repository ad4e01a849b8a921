package org.babillard.presentation.posts;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.announcements.boundary.LiveCoverage;
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
