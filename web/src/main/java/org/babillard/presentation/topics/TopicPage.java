package org.babillard.presentation.topics;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.following.boundary.Following;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.control.Markup;
import org.babillard.presentation.posts.LoadedPages;
import org.babillard.presentation.posts.PostView;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelinePage;

import java.io.Serializable;
import java.util.List;

/**
 * A topic (/topic.xhtml?t=tag): the readable posts with that hashtag, newest first, following it, and the topics
 * trending over the last week.
 */
@Named
@ViewScoped
public class TopicPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int TRENDING_DAYS = 7;
    static final int TRENDING_TOPICS = 10;

    @Inject
    transient Timeline timeline;

    @Inject
    transient Following following;

    @Inject
    transient HttpServletRequest request;

    private String t;
    private String tag;
    private final LoadedPages<PostView> entries = new LoadedPages<>();
    private Long nextBefore;
    private boolean followed;
    private List<Following.Trend> trending = List.of();

    /** Reads the topic when the page opens. */
    public void load() {
        tag = t == null ? null : Markup.tag(t);
        entries.clear();
        nextBefore = null;
        if (tag != null) {
            append(timeline.topic(me(), tag, null, Timeline.DEFAULT_PAGE_SIZE));
            followed = following.followsTopic(me(), tag);
        }
        trending = following.trending(TRENDING_DAYS, TRENDING_TOPICS);
    }

    public void loadMore() {
        if (tag != null && nextBefore != null) {
            append(timeline.topic(me(), tag, nextBefore, Timeline.DEFAULT_PAGE_SIZE));
        }
    }

    public void toggleFollow() {
        if (tag == null) {
            return;
        }
        try {
            if (followed) {
                following.unfollowTopic(me(), tag);
            } else {
                following.followTopic(me(), tag);
            }
        } catch (Refused e) {
            // Only an invalid tag is refused, and this one was normalised already.
        }
        followed = following.followsTopic(me(), tag);
    }

    private void append(TimelinePage page) {
        entries.add(page.entries().stream().map(PostView::of).toList());
        nextBefore = page.nextBefore();
    }

    private String me() {
        return request.getUserPrincipal().getName();
    }

    public String getT() {
        return t;
    }

    public void setT(String t) {
        this.t = t;
    }

    /** The topic's normalised tag, or null when the address names none. */
    public String getTag() {
        return tag;
    }

    public List<PostView> getEntries() {
        return entries.all();
    }

    /** The posts shown, a page per "Load more" (LoadedPages). */
    public List<List<PostView>> getPages() {
        return entries.pages();
    }

    public boolean isMore() {
        return nextBefore != null;
    }

    public boolean isFollowed() {
        return followed;
    }

    public List<Following.Trend> getTrending() {
        return trending;
    }
}
