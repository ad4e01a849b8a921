package org.babillard.presentation.posts;

import org.babillard.posts.control.Markup;
import org.babillard.timeline.boundary.TimelineEntry;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A timeline entry ready for the views: the text cut into plain, link, mention and hashtag pieces, each rendered
 * by an escaping component, and bean getters (Expression Language 5 does not read record components).
 */
public final class PostView implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TimelineEntry entry;
    private final List<Markup.Piece> pieces;

    private PostView(TimelineEntry entry) {
        this.entry = entry;
        this.pieces = Markup.pieces(entry.text());
    }

    public static PostView of(TimelineEntry entry) {
        return new PostView(entry);
    }

    public TimelineEntry entry() {
        return entry;
    }

    public long getId() {
        return entry.id();
    }

    public String getAuthorUsername() {
        return entry.authorUsername();
    }

    public String getAuthorDisplayName() {
        return entry.authorDisplayName();
    }

    /** False for a former employee: the view marks their posts. */
    public boolean isAuthorActive() {
        return entry.authorActive();
    }

    public Instant getCreatedAt() {
        return entry.createdAt();
    }

    public Instant getEditedAt() {
        return entry.editedAt();
    }

    public boolean isEdited() {
        return entry.editedAt() != null;
    }

    public long getVersion() {
        return entry.version();
    }

    public String getText() {
        return entry.text();
    }

    public List<Markup.Piece> getPieces() {
        return pieces;
    }

    public TimelineEntry.ChannelRef getChannel() {
        return entry.channel();
    }

    /** The thread this post belongs to: its own id for a first post. */
    public long getThreadId() {
        return entry.threadId() == null ? entry.id() : entry.threadId();
    }

    public boolean isReply() {
        return entry.threadId() != null;
    }

    public String getReplyToUsername() {
        return entry.replyToUsername();
    }

    public int getReplies() {
        return entry.replies();
    }

    public List<TimelineEntry.ReactionCount> getReactions() {
        return entry.reactions();
    }

    public boolean isBookmarked() {
        return entry.bookmarked();
    }

    public boolean isPinned() {
        return entry.pinned();
    }

    public boolean isHidden() {
        return entry.hidden();
    }

    public boolean isMine() {
        return entry.mine();
    }

    /** The reader moderates this post (its channel's moderator, or an admin). */
    public boolean isModerated() {
        return entry.moderated();
    }
}
