package org.babillard.integrations.boundary;

import org.babillard.api.boundary.ConnectedApp;

import java.io.Serializable;
import java.util.List;

/** A bot as its administrators see it: who it is, where it may post, its tokens (never their values). */
public record BotView(String username, String displayName, String description, boolean enabled,
                      List<ChannelRef> channels, List<ConnectedApp> tokens) implements Serializable {

    public BotView {
        channels = List.copyOf(channels);
        tokens = List.copyOf(tokens);
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getDescription() {
        return description;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public List<ChannelRef> getChannels() {
        return channels;
    }

    public List<ConnectedApp> getTokens() {
        return tokens;
    }
}
