package org.babillard.presentation.home;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.posts.boundary.PostRejected;
import org.babillard.posts.boundary.Posts;
import org.babillard.presentation.Messages;
import org.babillard.presentation.posts.PostView;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelinePage;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The home page: the composer and the timeline, newest first, a page at a time. */
@Named
@ViewScoped
public class Home implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Posts posts;

    @Inject
    transient Timeline timeline;

    @Inject
    transient HttpServletRequest request;

    @Inject
    transient Messages messages;

    private String text;
    private final List<PostView> entries = new ArrayList<>();
    private Long nextBefore;
    private int maxLength;

    @PostConstruct
    void load() {
        maxLength = posts.maxLength();
        entries.clear();
        append(timeline.home(request.getUserPrincipal().getName(), null, Timeline.DEFAULT_PAGE_SIZE));
    }

    public void publish() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            posts.publish(request.getUserPrincipal().getName(), text);
            text = null;
            load();
        } catch (PostRejected e) {
            String key = switch (e.problem()) {
                case EMPTY -> "post.empty";
                case TOO_LONG -> "post.tooLong";
                case CONTROL_CHARACTERS -> "post.controlCharacters";
            };
            faces.addMessage("composer:text", messages.error(key, e.length(), e.limit()));
            faces.validationFailed();
        }
    }

    public void loadMore() {
        if (nextBefore != null) {
            append(timeline.home(request.getUserPrincipal().getName(), nextBefore, Timeline.DEFAULT_PAGE_SIZE));
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

    public int getMaxLength() {
        return maxLength;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
