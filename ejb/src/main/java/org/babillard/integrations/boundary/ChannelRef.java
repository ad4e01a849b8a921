package org.babillard.integrations.boundary;

import java.io.Serializable;

/** A channel as the integration pages name it. */
public record ChannelRef(long id, String slug, String name, boolean privateChannel) implements Serializable {

    public long getId() {
        return id;
    }

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
