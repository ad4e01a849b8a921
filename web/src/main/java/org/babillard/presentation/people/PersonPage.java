package org.babillard.presentation.people;

import jakarta.enterprise.context.RequestScoped;
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
@RequestScoped
public class PersonPage {

    static final int RECENT_POSTS = 10;

    @Inject
    HttpServletRequest request;

    @Inject
    People people;

    @Inject
    Timeline timeline;

    private String u;
    private Optional<PersonProfile> profile;

    public PersonProfile getProfile() {
        if (profile == null) {
            profile = u == null || u.isBlank() ? Optional.empty() : people.profile(u.strip());
        }
        return profile.orElse(null);
    }

    public List<PostView> getRecentPosts() {
        PersonProfile p = getProfile();
        return p == null ? List.of()
                : timeline.profile(request.getUserPrincipal().getName(), p.person().username(), null, RECENT_POSTS).entries().stream().map(PostView::of).toList();
    }

    public String getU() {
        return u;
    }

    public void setU(String u) {
        this.u = u;
    }
}
