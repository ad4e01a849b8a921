package org.babillard.presentation.people;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.faces.context.FacesContext;
import org.babillard.following.boundary.Following;
import org.babillard.people.boundary.People;
import org.babillard.people.boundary.PersonProfile;
import org.babillard.platform.boundary.Refused;
import org.babillard.presentation.Messages;
import org.babillard.presentation.posts.LoadedPages;
import org.babillard.presentation.posts.PostView;
import org.babillard.timeline.boundary.Timeline;

import java.util.List;
import java.util.Optional;

/**
 * A colleague's profile page (?u=username): contact details, management chain, direct reports, recent posts, and
 * following them. The follow button posts the person's login back with it (the page keeps no state).
 */
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

    @Inject
    Following following;

    @Inject
    Messages messages;

    private String u;
    private transient Optional<PersonProfile> profile;
    private LoadedPages<PostView> recentPosts;
    private Long olderBefore;
    private List<org.babillard.channels.boundary.ChannelSummary> teams;

    @Inject
    transient org.babillard.channels.boundary.Channels channels;

    public PersonProfile getProfile() {
        if (profile == null) {
            // A partial (AJAX) postback does not process the page's view parameter: the button sends "u" itself.
            String who = u != null ? u : request.getParameter("u");
            profile = who == null || who.isBlank() ? Optional.empty() : people.profile(who.strip());
        }
        return profile.orElse(null);
    }

    /** The person's team channels, from the directory's groups. */
    public List<org.babillard.channels.boundary.ChannelSummary> getTeams() {
        if (teams == null) {
            PersonProfile p = getProfile();
            teams = p == null ? List.of() : channels.teamsOf(request.getUserPrincipal().getName(), p.person().username());
        }
        return teams;
    }

    /** "12 members" in the reader's language. */
    public String membersLabel(org.babillard.channels.boundary.ChannelSummary team) {
        return messages.text("people.teamMembers", team.members());
    }

    public List<PostView> getRecentPosts() {
        return posts().all();
    }

    /** The person's posts shown, a page per "Load more" (LoadedPages). */
    public List<List<PostView>> getPostPages() {
        return posts().pages();
    }

    private LoadedPages<PostView> posts() {
        if (recentPosts == null) {
            recentPosts = new LoadedPages<>();
            PersonProfile p = getProfile();
            if (p != null) {
                appendPosts(timeline.profile(request.getUserPrincipal().getName(), p.person().username(), null, RECENT_POSTS));
            }
        }
        return recentPosts;
    }

    /** The person's older posts, a page at a time (keyset: below the last one shown). */
    public void loadMore() {
        PersonProfile p = getProfile();
        if (p != null && olderBefore != null) {
            posts();
            appendPosts(timeline.profile(request.getUserPrincipal().getName(), p.person().username(), olderBefore,
                    Timeline.DEFAULT_PAGE_SIZE));
        }
    }

    public boolean isMore() {
        return olderBefore != null;
    }

    private void appendPosts(org.babillard.timeline.boundary.TimelinePage page) {
        recentPosts.add(page.entries().stream().map(PostView::of).toList());
        olderBefore = page.nextBefore();
    }

    /** Whether the reader may follow this person: someone else, still working here. */
    public boolean isFollowable() {
        PersonProfile p = getProfile();
        return p != null && p.person().active() && !p.person().username().equals(me());
    }

    public boolean isFollowing() {
        PersonProfile p = getProfile();
        return p != null && following.follows(me(), p.person().username());
    }

    public long getFollowers() {
        PersonProfile p = getProfile();
        return p == null ? 0 : following.followers(p.person().username());
    }

    public long getFollowed() {
        PersonProfile p = getProfile();
        return p == null ? 0 : following.following(p.person().username());
    }

    public void follow() {
        if (isFollowable()) {
            try {
                following.follow(me(), getProfile().person().username());
            } catch (Refused e) {
                FacesContext.getCurrentInstance().addMessage(null, messages.error("live.follow.refused"));
            }
        }
    }

    public void unfollow() {
        PersonProfile p = getProfile();
        if (p != null) {
            following.unfollow(me(), p.person().username());
        }
    }

    private String me() {
        return request.getUserPrincipal().getName();
    }

    public String getU() {
        return u;
    }

    public void setU(String u) {
        this.u = u;
    }
}
