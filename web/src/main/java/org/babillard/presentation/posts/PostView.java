package org.babillard.presentation.posts;

import org.babillard.posts.control.Markup;
import org.babillard.timeline.boundary.TimelineEntry;

import org.babillard.posts.entity.Reaction;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A timeline entry ready for the views: the text cut into plain, link, mention and hashtag pieces, each rendered
 * by an escaping component, and bean getters (Expression Language 5 does not read record components).
 */
public final class PostView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Orders the reads of entries: a page shows the most recent read of each post (see PostActions#current). */
    private static final AtomicLong READS = new AtomicLong();

    private final TimelineEntry entry;
    private final List<Markup.Piece> pieces;
    private final SharedView shared;
    private final long read = READS.incrementAndGet();

    private PostView(TimelineEntry entry) {
        this.entry = entry;
        this.pieces = Markup.pieces(entry.text());
        this.shared = entry.shared() == null ? null : new SharedView(entry.shared());
    }

    /** Whether this post shares another, shown inside it. */
    public boolean isShare() {
        return shared != null;
    }

    /** The post this one shares, or null. */
    public SharedView getShared() {
        return shared;
    }

    /** A shared post as its share shows it: its author, where and when, its text and attachments. */
    public static final class SharedView implements Serializable {

        private static final long serialVersionUID = 1L;

        private final TimelineEntry.Shared shared;
        private final List<Markup.Piece> pieces;

        SharedView(TimelineEntry.Shared shared) {
            this.shared = shared;
            this.pieces = Markup.pieces(shared.text());
        }

        public long getId() {
            return shared.id();
        }

        public String getAuthorUsername() {
            return shared.authorUsername();
        }

        public String getAuthorDisplayName() {
            return shared.authorDisplayName();
        }

        public boolean isAuthorActive() {
            return shared.authorActive();
        }

        public Instant getCreatedAt() {
            return shared.createdAt();
        }

        public boolean isEdited() {
            return shared.edited();
        }

        public TimelineEntry.ChannelRef getChannel() {
            return shared.channel();
        }

        public List<Markup.Piece> getPieces() {
            return pieces;
        }

        public List<org.babillard.attachments.boundary.AttachmentInfo> getAttachments() {
            return shared.attachments();
        }
    }

    /** Whether this view of the post was read after the other one. */
    public boolean newerThan(PostView other) {
        return read > other.read;
    }

    public static PostView of(TimelineEntry entry) {
        return new PostView(entry);
    }

    public TimelineEntry entry() {
        return entry;
    }

    /** A notebook entry: only its author ever reads it. */
    public boolean isNotebook() {
        return entry.isNotebook();
    }

    /** Only the author and the people mentioned read it. */
    public boolean isForMentioned() {
        return entry.isForMentioned();
    }

    /** An audience the author chose (notebook, people mentioned): nobody else may read it, nor report it. */
    public boolean isRestricted() {
        return entry.isNotebook() || entry.isForMentioned();
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

    /** The author's status as of reading, or null. */
    public String getAuthorStatus() {
        return entry.authorStatus();
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

    public boolean isThreadStart() {
        return entry.threadId() == null;
    }

    /** The post's images and files (attachments). */
    public List<org.babillard.attachments.boundary.AttachmentInfo> getAttachments() {
        return entry.attachments() == null ? List.of() : entry.attachments();
    }

    public Long getReplyToId() {
        return entry.replyToId();
    }

    /** The six reactions on offer, each with how many gave it, whether the reader did, and (some of) who. */
    public List<ReactionSlot> getReactionBar() {
        List<ReactionSlot> bar = new ArrayList<>();
        for (Reaction.Emoji emoji : Reaction.Emoji.values()) {
            TimelineEntry.ReactionCount given = entry.reactions().stream()
                    .filter(r -> r.emoji().equals(emoji.name())).findFirst().orElse(null);
            bar.add(new ReactionSlot(emoji.name(), emoji.glyph(), given == null ? 0 : given.count(),
                    given != null && given.mine(), given == null ? List.of() : given.names()));
        }
        return bar;
    }

    /** One emoji of the reactions bar. */
    public record ReactionSlot(String emoji, String glyph, int count, boolean mine, List<String> names)
            implements Serializable {
        public String getEmoji() {
            return emoji;
        }

        public String getGlyph() {
            return glyph;
        }

        public int getCount() {
            return count;
        }

        public boolean isMine() {
            return mine;
        }

        public List<String> getNames() {
            return names;
        }
    }
}
