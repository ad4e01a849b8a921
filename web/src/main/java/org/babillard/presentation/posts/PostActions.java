package org.babillard.presentation.posts;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.PostRejected;
import org.babillard.posts.boundary.Posts;
import org.babillard.posts.entity.PostVersion;
import org.babillard.posts.entity.Reaction;
import org.babillard.presentation.Messages;
import org.babillard.timeline.boundary.Timeline;

import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a reader does with one post, on every page that shows posts (WEB-INF/includes/post.xhtml): react, bookmark,
 * edit, read the history, delete, hide, pin, report. After an action the post is read again and kept here by id;
 * {@link #current} gives the include that fresh entry instead of the page's older one, so that each action
 * re-renders only the post it concerns and no page bean needs to know about it.
 */
@Named
@ViewScoped
public class PostActions implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Posts posts;

    @Inject
    transient Timeline timeline;

    @Inject
    transient HttpServletRequest request;

    @Inject
    transient Messages messages;

    @Inject
    transient org.babillard.presentation.people.PersonNames names;

    @Inject
    transient org.babillard.channels.boundary.Channels channels;

    private final Map<Long, PostView> fresh = new HashMap<>();
    private final Set<Long> gone = new HashSet<>();
    private final Map<Long, Notice> notices = new HashMap<>();

    private Long editing;
    private long editVersion;
    private String editText;
    private Long confirmingDelete;
    private Long reporting;
    private String reportReason;
    private Long historyOf;
    private Long sharing;
    private String shareTarget;
    private String shareComment;
    private String shareKey;
    private List<org.babillard.channels.boundary.ChannelSummary> shareChannels = List.of();
    private List<VersionView> history = List.of();
    private PostView dialogPost;

    /** A message shown inside one post, after an action on it. */
    public record Notice(String text, boolean error) implements Serializable {
        public String getText() {
            return text;
        }

        public boolean isError() {
            return error;
        }
    }

    /** An earlier text of a post, for the history dialog. */
    public record VersionView(String text, Instant writtenAt) implements Serializable {
        public String getText() {
            return text;
        }

        public Instant getWrittenAt() {
            return writtenAt;
        }
    }

    /** The newest read of this post: the page's entry, or the one read after an action on this page. */
    public PostView current(PostView entry) {
        PostView newer = fresh.get(entry.getId());
        return newer != null && newer.newerThan(entry) ? newer : entry;
    }

    /**
     * The newest read of each of these posts ({@link #current}): the lists of posts iterate over this, so that a
     * post's row reads its post once (a row used to ask {@link #current} again for each of its two dozen uses).
     * The list itself while nothing on the page was acted on.
     */
    public List<PostView> currentOf(List<PostView> entries) {
        if (fresh.isEmpty() || entries == null) {
            return entries;
        }
        return entries.stream().map(this::current).toList();
    }

    /** The post was deleted (or can no longer be read) since the page showed it. */
    public boolean isGone(long id) {
        return gone.contains(id);
    }

    /** Whether this post shows more than itself: a notice, or the question before deleting. */
    public boolean isActingOn(long id) {
        return notices.containsKey(id) || isConfirmingDelete(id);
    }

    /**
     * The post whose dialog (history, share, report) is open, or null: the page has the dialogs once
     * (post-dialogs.xhtml), not in each post.
     */
    public PostView getDialogPost() {
        if (dialogPost == null) {
            return null;
        }
        long id = dialogPost.getId();
        return isShowingHistory(id) || isSharing(id) || isReporting(id) ? dialogPost : null;
    }

    public Notice notice(long id) {
        return notices.get(id);
    }

    // --- reactions and bookmarks ---

    public void react(PostView post, String emoji) {
        act(post.getId(), () -> posts.react(me(), post.getId(), Reaction.Emoji.valueOf(emoji)), null);
    }

    public void bookmark(PostView post) {
        boolean[] now = new boolean[1];
        act(post.getId(), () -> now[0] = posts.bookmark(me(), post.getId()), null);
        if (!notices.containsKey(post.getId())) {
            notices.put(post.getId(), new Notice(messages.text(now[0] ? "postActions.bookmarked" : "postActions.unbookmarked"), false));
        }
    }

    // --- editing ---

    public void startEdit(PostView post) {
        clearFor(post.getId());
        editing = post.getId();
        editVersion = post.getVersion();
        editText = post.getText();
    }

    public boolean isEditing(long id) {
        return editing != null && editing == id;
    }

    public void cancelEdit() {
        editing = null;
        editText = null;
    }

    public void saveEdit(PostView post) {
        long id = post.getId();
        notices.remove(id);
        try {
            posts.edit(me(), id, editVersion, editText);
            editing = null;
            editText = null;
            refresh(id);
            notices.put(id, new Notice(messages.text("postActions.edited"), false));
        } catch (PostRejected e) {
            String key = switch (e.problem()) {
                case EMPTY -> "post.empty";
                case TOO_LONG -> "post.tooLong";
                case CONTROL_CHARACTERS -> "post.controlCharacters";
            };
            notices.put(id, new Notice(messages.text(key, e.length(), e.limit()), true));
        } catch (Refused e) {
            // The editor's text stays in the form: after a reload of the post they can save it again.
            notices.put(id, new Notice(refusal(e), true));
            if (e.reason() == Refused.Reason.NOT_FOUND) {
                editing = null;
                gone.add(id);
            }
        }
    }

    /** Reads the post again, keeping the text being edited, which can then be saved over the new version. */
    public void reload(PostView post) {
        long id = post.getId();
        notices.remove(id);
        refresh(id);
        PostView now = fresh.get(id);
        if (now != null && isEditing(id)) {
            editVersion = now.getVersion();
        }
    }

    // --- history ---

    public void openHistory(PostView post) {
        long id = post.getId();
        clearFor(id);
        try {
            history = posts.history(me(), id).stream().map(v -> new VersionView(v.getText(), v.getWrittenAt())).toList();
            historyOf = id;
            dialogPost = post;
        } catch (Refused e) {
            notices.put(id, new Notice(refusal(e), true));
            gone.add(id);
        }
    }

    public boolean isShowingHistory(long id) {
        return historyOf != null && historyOf == id;
    }

    public void closeHistory() {
        historyOf = null;
        history = List.of();
    }

    public List<VersionView> getHistory() {
        return history;
    }

    // --- deleting ---

    public void askDelete(PostView post) {
        clearFor(post.getId());
        confirmingDelete = post.getId();
    }

    public boolean isConfirmingDelete(long id) {
        return confirmingDelete != null && confirmingDelete == id;
    }

    public void cancelDelete() {
        confirmingDelete = null;
    }

    public void delete(PostView post) {
        confirmingDelete = null;
        act(post.getId(), () -> posts.delete(me(), post.getId()), "postActions.deleted");
    }

    // --- moderation ---

    public void hide(PostView post) {
        act(post.getId(), () -> posts.hide(me(), post.getId()), "postActions.hidden");
    }

    public void unhide(PostView post) {
        act(post.getId(), () -> posts.unhide(me(), post.getId()), "postActions.unhidden");
    }

    public void pin(PostView post, boolean pinned) {
        act(post.getId(), () -> posts.pin(me(), post.getId(), pinned), pinned ? "postActions.pinned" : "postActions.unpinned");
    }

    // --- reporting ---

    public void openReport(PostView post) {
        clearFor(post.getId());
        reporting = post.getId();
        reportReason = null;
        dialogPost = post;
    }

    public boolean isReporting(long id) {
        return reporting != null && reporting == id;
    }

    public void cancelReport() {
        reporting = null;
        reportReason = null;
    }

    public void report(PostView post) {
        long id = post.getId();
        notices.remove(id);
        try {
            posts.report(me(), id, reportReason);
            reporting = null;
            reportReason = null;
            notices.put(id, new Notice(messages.text("postActions.reported"), false));
        } catch (Refused e) {
            notices.put(id, new Notice(refusal(e), true));
            if (e.reason() == Refused.Reason.NOT_FOUND) {
                reporting = null;
                gone.add(id);
            }
        }
    }

    // --- sharing ---

    /** The value of the share dialog's target that means "my followers" (company-wide); channels are their ids. */
    public static final String TO_FOLLOWERS = "followers";

    public void openShare(PostView post) {
        clearFor(post.getId());
        sharing = post.getId();
        dialogPost = post;
        shareTarget = TO_FOLLOWERS;
        shareComment = null;
        // One key per opened dialog: a double click on "Share" shares once.
        shareKey = java.util.UUID.randomUUID().toString();
        shareChannels = channels.postable(me());
    }

    public boolean isSharing(long id) {
        return sharing != null && sharing == id;
    }

    public void cancelShare() {
        sharing = null;
        shareComment = null;
    }

    public void share(PostView post) {
        long id = post.getId();
        notices.remove(id);
        Long channelId = null;
        String where = null;
        if (shareTarget != null && !TO_FOLLOWERS.equals(shareTarget)) {
            try {
                long wanted = Long.parseLong(shareTarget);
                var channel = shareChannels.stream().filter(c -> c.id() == wanted).findFirst();
                if (channel.isEmpty()) {
                    notices.put(id, new Notice(messages.text("postActions.refused.notFound"), true));
                    return;
                }
                channelId = wanted;
                where = channel.get().name();
            } catch (NumberFormatException e) {
                notices.put(id, new Notice(messages.text("postActions.refused.invalid"), true));
                return;
            }
        }
        try {
            posts.share(me(), id, shareComment, channelId, shareKey);
            sharing = null;
            shareComment = null;
            notices.put(id, new Notice(where == null ? messages.text("share.doneFollowers")
                    : messages.text("share.doneChannel", where), false));
        } catch (PostRejected e) {
            String key = switch (e.problem()) {
                case EMPTY -> "post.empty";
                case TOO_LONG -> "post.tooLong";
                case CONTROL_CHARACTERS -> "post.controlCharacters";
            };
            notices.put(id, new Notice(messages.text(key, e.length(), e.limit()), true));
        } catch (Refused e) {
            notices.put(id, new Notice(refusal(e), true));
            if (e.reason() == Refused.Reason.NOT_FOUND && channelId == null) {
                sharing = null;
                gone.add(id);
            }
        }
    }

    public List<org.babillard.channels.boundary.ChannelSummary> getShareChannels() {
        return shareChannels;
    }

    public String getShareTarget() {
        return shareTarget;
    }

    public void setShareTarget(String shareTarget) {
        this.shareTarget = shareTarget;
    }

    public String getShareComment() {
        return shareComment;
    }

    public void setShareComment(String shareComment) {
        this.shareComment = shareComment;
    }

    public String getToFollowers() {
        return TO_FOLLOWERS;
    }

    // --- for the views ---

    /** Who gave a reaction, for its tooltip: "Camille Durand, Paul Martin and 3 others". */
    public String who(PostView.ReactionSlot slot) {
        if (slot.count() == 0) {
            return messages.text("postActions.reactWith", messages.text("reaction." + slot.emoji()));
        }
        String names = String.join(", ", slot.names().stream().map(this.names::of).toList());
        int others = slot.count() - slot.names().size();
        return others > 0 ? messages.text("postActions.reactedByMore", names, others) : names;
    }

    /** The reader's texts, for the post's buttons (PostButtons). */
    Messages messages() {
        return messages;
    }

    /** The reaction button's label for screen readers. */
    public String reactLabel(PostView.ReactionSlot slot) {
        return messages.text("postActions.reactLabel", messages.text("reaction." + slot.emoji()), slot.count());
    }

    public int getReportLimit() {
        return Posts.REPORT_REASON_LIMIT;
    }

    public String getEditText() {
        return editText;
    }

    public void setEditText(String editText) {
        this.editText = editText;
    }

    public String getReportReason() {
        return reportReason;
    }

    public void setReportReason(String reportReason) {
        this.reportReason = reportReason;
    }

    /** The clear words of a refusal on a post, in the reader's language. */
    public String refusal(Refused e) {
        return switch (e.reason()) {
            case NOT_FOUND -> messages.text("postActions.refused.notFound");
            case NOT_ALLOWED -> messages.text("postActions.refused.notAllowed");
            case ARCHIVED -> messages.text("postActions.refused.archived");
            case CHANGED_MEANWHILE -> messages.text("postActions.refused.changedMeanwhile");
            case ALREADY -> messages.text("postActions.refused.already");
            case INVALID -> switch (e.detail()) {
                case "post.pinOnlyInChannel" -> messages.text("postActions.refused.pinOnlyInChannel");
                case "report.reasonMissing" -> messages.text("postActions.refused.reasonMissing");
                case "report.reasonTooLong" -> messages.text("postActions.refused.reasonTooLong", Posts.REPORT_REASON_LIMIT);
                case "post.shareRestricted" -> messages.text("share.restricted");
                default -> messages.text("postActions.refused.invalid");
            };
        };
    }

    private interface Action {
        void run() throws Refused;
    }

    private void act(long id, Action action, String doneKey) {
        notices.remove(id);
        try {
            action.run();
            refresh(id);
            if (doneKey != null) {
                notices.put(id, new Notice(messages.text(doneKey), false));
            }
        } catch (Refused e) {
            notices.put(id, new Notice(refusal(e), true));
            if (e.reason() == Refused.Reason.NOT_FOUND) {
                gone.add(id);
            }
        }
    }

    private void refresh(long id) {
        try {
            fresh.put(id, PostView.of(timeline.entry(me(), id)));
            gone.remove(id);
        } catch (Refused e) {
            fresh.remove(id);
            gone.add(id);
        }
    }

    private void clearFor(long id) {
        notices.remove(id);
        editing = null;
        editText = null;
        confirmingDelete = null;
        reporting = null;
        reportReason = null;
        historyOf = null;
        history = List.of();
        sharing = null;
        shareComment = null;
        dialogPost = null;
    }

    private String me() {
        return request.getUserPrincipal().getName();
    }
}
