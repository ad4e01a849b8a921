package org.babillard.timeline.boundary;

import org.babillard.attachments.boundary.AttachmentInfo;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One post as a given reader sees it: where it was written, its thread, the reactions, and what this reader may
 * do with it. {@code authorActive} is false for a former employee's post. {@code authorStatus} is the author's
 * status as it shows at the time of reading (null when none), read with the page's posts (it lives on the author's row).
 */
public record TimelineEntry(long id, String authorUsername, String authorDisplayName, boolean authorActive, String text,
                            Instant createdAt, Instant editedAt, long version,
                            ChannelRef channel, Long threadId, Long replyToId, String replyToUsername, int replies,
                            List<ReactionCount> reactions, boolean bookmarked, boolean pinned, boolean hidden,
                            boolean mine, boolean moderated, String authorStatus, List<AttachmentInfo> attachments,
                            String audience, Shared shared) implements Serializable {

    /** An entry that shares nothing. */
    public TimelineEntry(long id, String authorUsername, String authorDisplayName, boolean authorActive, String text,
                         Instant createdAt, Instant editedAt, long version,
                         ChannelRef channel, Long threadId, Long replyToId, String replyToUsername, int replies,
                         List<ReactionCount> reactions, boolean bookmarked, boolean pinned, boolean hidden,
                         boolean mine, boolean moderated, String authorStatus, List<AttachmentInfo> attachments,
                         String audience) {
        this(id, authorUsername, authorDisplayName, authorActive, text, createdAt, editedAt, version, channel, threadId,
                replyToId, replyToUsername, replies, reactions, bookmarked, pinned, hidden, mine, moderated, authorStatus,
                attachments, audience, null);
    }

    /** An entry for the company or a channel (as before audiences were chosen). */
    public TimelineEntry(long id, String authorUsername, String authorDisplayName, boolean authorActive, String text,
                         Instant createdAt, Instant editedAt, long version,
                         ChannelRef channel, Long threadId, Long replyToId, String replyToUsername, int replies,
                         List<ReactionCount> reactions, boolean bookmarked, boolean pinned, boolean hidden,
                         boolean mine, boolean moderated, String authorStatus,
                         List<AttachmentInfo> attachments) {
        this(id, authorUsername, authorDisplayName, authorActive, text, createdAt, editedAt, version, channel, threadId,
                replyToId, replyToUsername, replies, reactions, bookmarked, pinned, hidden, mine, moderated, authorStatus, attachments,
                "COMPANY");
    }

    /** An entry without attachments. */
    public TimelineEntry(long id, String authorUsername, String authorDisplayName, boolean authorActive, String text,
                         Instant createdAt, Instant editedAt, long version,
                         ChannelRef channel, Long threadId, Long replyToId, String replyToUsername, int replies,
                         List<ReactionCount> reactions, boolean bookmarked, boolean pinned, boolean hidden,
                         boolean mine, boolean moderated, String authorStatus) {
        this(id, authorUsername, authorDisplayName, authorActive, text, createdAt, editedAt, version, channel, threadId,
                replyToId, replyToUsername, replies, reactions, bookmarked, pinned, hidden, mine, moderated, authorStatus, List.of(),
                "COMPANY");
    }

    /** An entry without the author's status or attachments. */
    public TimelineEntry(long id, String authorUsername, String authorDisplayName, boolean authorActive, String text,
                         Instant createdAt, Instant editedAt, long version,
                         ChannelRef channel, Long threadId, Long replyToId, String replyToUsername, int replies,
                         List<ReactionCount> reactions, boolean bookmarked, boolean pinned, boolean hidden,
                         boolean mine, boolean moderated) {
        this(id, authorUsername, authorDisplayName, authorActive, text, createdAt, editedAt, version, channel, threadId,
                replyToId, replyToUsername, replies, reactions, bookmarked, pinned, hidden, mine, moderated, null,
                List.of(), "COMPANY");
    }

    /** Whether the author's notebook holds this entry: nobody else reads it. */
    public boolean isNotebook() {
        return "NOTEBOOK".equals(audience);
    }

    /** Whether only the author and the people mentioned read it. */
    public boolean isForMentioned() {
        return "MENTIONED".equals(audience);
    }

    /** A post's channel, as a timeline names it. */
    public record ChannelRef(long id, String slug, String name, boolean privateChannel) implements Serializable {
        public String getSlug() {
            return slug;
        }

        public String getName() {
            return name;
        }

        public boolean isPrivateChannel() {
            return privateChannel;
        }
    }

    /**
     * The post a share shows, as the reader sees it inside the share (the share is only readable by those who
     * may read it).
     */
    public record Shared(long id, String authorUsername, String authorDisplayName, boolean authorActive, String text,
                         Instant createdAt, boolean edited, ChannelRef channel, List<AttachmentInfo> attachments)
            implements Serializable {
    }

    /** Whether this post shares another. */
    public boolean isShare() {
        return shared != null;
    }

    /** How many gave one emoji, whether the reader did, and (some of) who. */
    public record ReactionCount(String emoji, String glyph, int count, boolean mine, List<String> names)
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

    /** A first post of a thread. */
    public boolean isThreadStart() {
        return threadId == null;
    }

    public boolean isEdited() {
        return editedAt != null;
    }
}
