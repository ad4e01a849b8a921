package org.babillard.presentation.people;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.people.boundary.People;
import org.babillard.people.boundary.PersonProfile;
import org.babillard.presentation.posts.PostView;
import org.babillard.timeline.boundary.Timeline;

import java.util.List;
import java.util.Optional;

/** A colleague's profile page (?u=username): contact details, management chain, direct reports, recent posts. */
@Named
@ViewScoped
public class PersonPage implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    static final int RECENT_POSTS = 10;

    // View scoped, so that the actions on its posts (PostActions) find the same posts when the page posts back.
    @Inject
    transient HttpServletRequest request;

    @Inject
    transient People people;

    @Inject
    transient Timeline timeline;

    private String u;
    private transient Optional<PersonProfile> profile;
    private List<PostView> recentPosts;

    public PersonProfile getProfile() {
        if (profile == null) {
            profile = u == null || u.isBlank() ? Optional.empty() : people.profile(u.strip());
        }
        return profile.orElse(null);
    }

    public List<PostView> getRecentPosts() {
        if (recentPosts == null) {
            PersonProfile p = getProfile();
            recentPosts = p == null ? List.of()
                    : timeline.profile(request.getUserPrincipal().getName(), p.person().username(), null, RECENT_POSTS).entries().stream().map(PostView::of).toList();
        }
        return recentPosts;
    }

    public String getU() {
        return u;
    }

    public void setU(String u) {
        this.u = u;
    }
}
