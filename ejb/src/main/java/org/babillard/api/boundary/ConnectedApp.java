package org.babillard.api.boundary;

import java.io.Serializable;
import java.time.Instant;

/** An application an employee gave access to, for their list of connected applications. */
public record ConnectedApp(long tokenId, String name, String website, String scopes, Instant since, Instant lastUsed)
        implements Serializable {

    public long getTokenId() {
        return tokenId;
    }

    public String getName() {
        return name;
    }

    public String getWebsite() {
        return website;
    }

    public String getScopes() {
        return scopes;
    }

    public Instant getSince() {
        return since;
    }

    public Instant getLastUsed() {
        return lastUsed;
    }
}
