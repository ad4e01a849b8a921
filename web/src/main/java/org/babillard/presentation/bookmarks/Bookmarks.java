package org.babillard.presentation.bookmarks;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.presentation.posts.LoadedPages;
import org.babillard.presentation.posts.PostView;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelinePage;

import java.io.Serializable;
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

    private final LoadedPages<PostView> entries = new LoadedPages<>();
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
        entries.add(page.entries().stream().map(PostView::of).toList());
        nextBefore = page.nextBefore();
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
}
