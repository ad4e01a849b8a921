package org.babillard.api.boundary;

import org.babillard.api.control.Scopes;

import java.util.Set;

/**
 * Who calls the API with a token: the employee (null for an application's own token), the scopes granted, and the
 * application.
 */
public record Caller(String username, Set<String> scopes, long tokenId, String appName, String appWebsite) {

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean allows(String scope) {
        return Scopes.allows(scopes, scope);
    }

    public boolean isEmployee() {
        return username != null;
    }
}
