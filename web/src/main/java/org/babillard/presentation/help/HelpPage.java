package org.babillard.presentation.help;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.attachments.boundary.Attachments;
import org.babillard.polls.boundary.Polls;
import org.babillard.posts.boundary.Posts;
import org.babillard.presentation.api.OAuthBase;

/** The help page's figures that depend on the server: the longest post, the server's address for Mastodon apps. */
@Named
@RequestScoped
public class HelpPage {

    @Inject
    HttpServletRequest request;

    @Inject
    Posts posts;

    public int getMaxLength() {
        return posts.maxLength();
    }

    /** The address to type into a Mastodon app or to build feed addresses from. */
    public String getServerAddress() {
        return OAuthBase.of(request);
    }

    public int getMostFiles() {
        return Attachments.MOST_FILES;
    }

    public int getMaxChoices() {
        return Polls.MAX_CHOICES;
    }
}
