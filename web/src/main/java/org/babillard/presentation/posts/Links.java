package org.babillard.presentation.posts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The addresses of a person's, a post's, a topic's and a channel's pages, for the links a timeline writes for every
 * post (author, time, mentions, hashtags, channel). The same addresses {@code h:link} gives, without asking the
 * navigation handler for each of a page's hundreds of links (docs/benchmarks.md).
 */
@Named
@ApplicationScoped
public class Links {

    public String person(String username) {
        return page("/person.xhtml?u=", username);
    }

    public String post(long id) {
        return base() + "/post.xhtml?id=" + id;
    }

    public String topic(String tag) {
        return page("/topic.xhtml?t=", tag);
    }

    public String channel(String slug) {
        return page("/channel.xhtml?c=", slug);
    }

    private static String page(String page, String value) {
        return base() + page + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String base() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
    }
}
