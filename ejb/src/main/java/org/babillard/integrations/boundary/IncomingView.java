package org.babillard.integrations.boundary;

import java.io.Serializable;
import java.time.Instant;

/** An incoming webhook as the channel's managers see it: the secret of its address, the bot it posts as. */
public record IncomingView(long id, String botUsername, String botName, String secret, Instant createdAt,
                           Instant lastUsedAt) implements Serializable {

    public long getId() {
        return id;
    }

    public String getBotUsername() {
        return botUsername;
    }

    public String getBotName() {
        return botName;
    }

    public String getSecret() {
        return secret;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
