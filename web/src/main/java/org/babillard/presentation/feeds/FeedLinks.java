package org.babillard.presentation.feeds;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.feeds.boundary.Feeds;
import org.babillard.presentation.api.OAuthBase;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The addresses of the logged-in employee's Atom feeds, for the subscribe links of the person, channel and topic
 * pages (which lead to the settings while they have no feed token), and the settings' renew and revoke actions.
 */
@Named
@RequestScoped
public class FeedLinks {

    @Inject
    Feeds feeds;

    @Inject
    HttpServletRequest request;

    private Optional<String> token;

    private Optional<String> token() {
        if (token == null) {
            token = request.getUserPrincipal() == null ? Optional.empty() : feeds.token(request.getUserPrincipal().getName());
        }
        return token;
    }

    public boolean isActive() {
        return token().isPresent();
    }

    /** The feed of a person's posts, or null without a feed token. */
    public String person(String username) {
        return feed("people", username);
    }

    public String channel(String slug) {
        return feed("channels", slug);
    }

    public String topic(String tag) {
        return feed("topics", tag);
    }

    /** An example address: the logged-in employee's own posts. */
    public String getExample() {
        return request.getUserPrincipal() == null ? null : person(request.getUserPrincipal().getName());
    }

    private String feed(String kind, String key) {
        if (key == null || key.isEmpty()) {
            return null;
        }
        return token().map(t -> OAuthBase.of(request) + "feeds/" + t + "/" + kind + "/"
                + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20")).orElse(null);
    }

    public String renew() {
        token = feeds.renew(request.getUserPrincipal().getName());
        return "/mail-settings?faces-redirect=true";
    }

    public String revoke() {
        feeds.revoke(request.getUserPrincipal().getName());
        token = Optional.empty();
        return "/mail-settings?faces-redirect=true";
    }
}
