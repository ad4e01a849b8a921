package org.babillard.presentation.bookmarks;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.presentation.posts.PostView;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelinePage;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The reader's bookmarks (/bookmarks.xhtml), newest post first, a page at a time. */
@Named
@ViewScoped
public class Bookmarks implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Timeline timeline;

    @Inject
    transient HttpServletRequest request;

    private final List<PostView> entries = new ArrayList<>();
    private Long nextBefore;

    @PostConstruct
    void load() {
        append(timeline.bookmarks(request.getUserPrincipal().getName(), null, Timeline.DEFAULT_PAGE_SIZE));
    }

    public void loadMore() {
        if (nextBefore != null) {
            append(timeline.bookmarks(request.getUserPrincipal().getName(), nextBefore, Timeline.DEFAULT_PAGE_SIZE));
        }
    }

    private void append(TimelinePage page) {
        page.entries().forEach(e -> entries.add(PostView.of(e)));
        nextBefore = page.nextBefore();
    }

    public List<PostView> getEntries() {
        return entries;
    }

    public boolean isMore() {
        return nextBefore != null;
    }
}
