package org.babillard.channels.boundary;

import java.io.Serializable;

/** A member of a channel, or someone who asked to join it or was invited. */
public record ChannelMember(String username, String displayName, String title, String role, boolean active,
                            String status) implements Serializable {

    /** The person's current status (see people.boundary.Statuses), or null when none shows. */
    public String getStatus() {
        return status;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getTitle() {
        return title;
    }

    /** MEMBER, MODERATOR, OWNER; REQUEST or INVITATION for someone not yet in. */
    public String getRole() {
        return role;
    }

    public boolean isActive() {
        return active;
    }
}
