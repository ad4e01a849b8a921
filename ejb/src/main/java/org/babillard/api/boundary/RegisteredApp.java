package org.babillard.api.boundary;

import java.util.List;

/** A newly registered application, with its secret: the only time the secret is ever shown. */
public record RegisteredApp(long id, String name, String website, List<String> redirectUris, String scopes,
                            String clientId, String clientSecret) {
}
