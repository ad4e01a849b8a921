package org.babillard.presentation.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The Mastodon-compatible client API under /api (docs/api.md lists what is there and how Babillard maps to it).
 * Calls authenticate with a bearer token only: a browser's session cookie opens nothing here, so no other site
 * can make a logged-in browser call the API.
 */
@ApplicationPath("/api")
public class MastodonApi extends Application {
}
