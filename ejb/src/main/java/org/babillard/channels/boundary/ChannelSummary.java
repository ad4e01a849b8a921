package org.babillard.channels.boundary;

import java.io.Serializable;

/**
 * A channel as the list of channels shows it to one reader: their role (null if not a member), whether they
 * asked to join or were invited, how many members, how many posts they have not read.
 */
public record ChannelSummary(long id, String slug, String name, String description, boolean privateChannel,
                             boolean announcements, boolean team, boolean archived, String role, boolean requested,
                             boolean invited, long members, long unread) implements Serializable {

    public long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public boolean isPrivateChannel() {
        return privateChannel;
    }

    public boolean isAnnouncements() {
        return announcements;
    }

    public boolean isTeam() {
        return team;
    }

    public boolean isArchived() {
        return archived;
    }

    /** MEMBER, MODERATOR, OWNER, or null for someone outside the channel. */
    public String getRole() {
        return role;
    }

    public boolean isMember() {
        return role != null;
    }

    public boolean isOwner() {
        return "OWNER".equals(role);
    }

    public boolean isModerator() {
        return "OWNER".equals(role) || "MODERATOR".equals(role);
    }

    public boolean isRequested() {
        return requested;
    }

    public boolean isInvited() {
        return invited;
    }

    public long getMembers() {
        return members;
    }

    public long getUnread() {
        return unread;
    }
}
