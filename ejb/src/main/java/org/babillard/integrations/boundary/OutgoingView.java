package org.babillard.integrations.boundary;

import java.io.Serializable;
import java.util.List;

/** An outgoing webhook as the channel's managers see it, with its latest delivery attempts, newest first. */
public record OutgoingView(long id, String url, String secret, boolean enabled, boolean replies, List<AttemptView> log)
        implements Serializable {

    public OutgoingView {
        log = List.copyOf(log);
    }

    public long getId() {
        return id;
    }

    public String getUrl() {
        return url;
    }

    public String getSecret() {
        return secret;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isReplies() {
        return replies;
    }

    public List<AttemptView> getLog() {
        return log;
    }
}
