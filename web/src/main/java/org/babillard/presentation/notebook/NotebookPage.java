package org.babillard.presentation.notebook;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.PostRejected;
import org.babillard.posts.boundary.Posts;
import org.babillard.presentation.Messages;
import org.babillard.presentation.posts.LoadedPages;
import org.babillard.presentation.posts.PostView;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelinePage;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * The private notebook (/notebook.xhtml): the reader's own notes, newest first, a page at a time, searchable by
 * words, with a composer that writes new entries. Nobody else ever reads them.
 */
@Named
@ViewScoped
public class NotebookPage implements Serializable {

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
    private String clientKey;
    private String words;
    private String searched;
    private final LoadedPages<PostView> entries = new LoadedPages<>();
    private Long nextBefore;
    private int maxLength;

    @PostConstruct
    void init() {
        maxLength = posts.maxLength();
        clientKey = UUID.randomUUID().toString();
        load();
    }

    void load() {
        entries.clear();
        append(timeline.notebook(me(), searched, null, Timeline.DEFAULT_PAGE_SIZE));
    }

    public void write() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Draft draft = Draft.notebook(text).withKey(clientKey);
        try {
            try {
                posts.publish(me(), draft);
            } catch (EJBException e) {
                // A double submission: the second meets the first's key; publishing again finds the first's entry.
                posts.publish(me(), draft);
            }
            text = null;
            clientKey = UUID.randomUUID().toString();
            load();
        } catch (PostRejected e) {
            String key = switch (e.problem()) {
                case EMPTY -> "post.empty";
                case TOO_LONG -> "post.tooLong";
                case CONTROL_CHARACTERS -> "post.controlCharacters";
            };
            faces.addMessage("notebookComposer:text", messages.error(key, e.length(), e.limit()));
            faces.validationFailed();
        } catch (Refused e) {
            faces.addMessage("notebookComposer:text", messages.error("live.composer.refused"));
            faces.validationFailed();
        }
    }

    public void search() {
        searched = words == null || words.isBlank() ? null : words.strip();
        load();
    }

    public void clearSearch() {
        words = null;
        searched = null;
        load();
    }

    public void loadMore() {
        if (nextBefore != null) {
            append(timeline.notebook(me(), searched, nextBefore, Timeline.DEFAULT_PAGE_SIZE));
        }
    }

    private void append(TimelinePage page) {
        entries.add(page.entries().stream().map(PostView::of).toList());
        nextBefore = page.nextBefore();
    }

    private String me() {
        return request.getUserPrincipal().getName();
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

    public boolean isSearching() {
        return searched != null;
    }

    public String getSearched() {
        return searched;
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

    public String getWords() {
        return words;
    }

    public void setWords(String words) {
        this.words = words;
    }

    public String getClientKey() {
        return clientKey;
    }

    public void setClientKey(String clientKey) {
        if (clientKey != null && clientKey.matches("[0-9a-f-]{36}")) {
            this.clientKey = clientKey;
        }
    }
}
