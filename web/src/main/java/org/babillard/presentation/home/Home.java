package org.babillard.presentation.home;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.attachments.boundary.AttachmentRejected;
import org.babillard.attachments.boundary.Upload;
import org.babillard.platform.boundary.DatabaseOutage;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.PostRejected;
import org.babillard.posts.boundary.Posts;
import org.babillard.presentation.Messages;
import org.babillard.presentation.attachments.ComposerFiles;
import org.babillard.presentation.notebook.AudienceChoice;
import org.babillard.presentation.polls.PollComposer;
import org.babillard.presentation.posts.ComposerOutage;
import org.babillard.presentation.posts.LoadedPages;
import org.babillard.presentation.posts.PostView;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelinePage;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * The home page: the composer and two streams, newest first, a page at a time: "Home" (mine and what I follow)
 * and "Company" (everything I may read). The stream chosen stays for as long as the page is open. When a live
 * signal says a post arrived, the page asks how many newer posts its stream holds and offers to show them.
 */
@Named
@ViewScoped
public class Home implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The two streams of the home page. */
    public enum Stream { HOME, COMPANY }

    /**
     * How long the page read ahead with a page stays good for "Load more": a reader who asks for more within this
     * time gets the posts as they were read with the page above them (the same age as those on screen), without a
     * second read of the timeline; later, the page is read afresh. A page and its "Load more" then cost one read of
     * 41 posts instead of two of 21 (docs/benchmarks.md).
     */
    static final long AHEAD_MILLIS = 30_000;

    @Inject
    transient Posts posts;

    @Inject
    transient Timeline timeline;

    @Inject
    transient HttpServletRequest request;

    @Inject
    transient Messages messages;

    @Inject
    transient ComposerFiles files;

    @Inject
    transient ComposerOutage outage;

    @Inject
    PollComposer pollComposer;

    @Inject
    AudienceChoice audienceChoice;

    private String text;
    private String clientKey;
    private Stream stream = Stream.HOME;
    private final LoadedPages<PostView> entries = new LoadedPages<>();
    private Long nextBefore;
    /** The page after the last one shown, read with it; "Load more" shows it if it is fresh (see {@link #AHEAD_MILLIS}). */
    private List<PostView> ahead = List.of();
    private Long aheadNextBefore;
    private long aheadReadAt;
    private long newest;
    private int newer;
    private int maxLength;

    @PostConstruct
    void init() {
        maxLength = posts.maxLength();
        clientKey = UUID.randomUUID().toString();
        load();
    }

    /** The stream's first page again: after posting, switching streams, or to show the new posts. */
    void load() {
        entries.clear();
        newer = 0;
        read(null);
        newest = entries.all().isEmpty() ? Math.max(newest, 0) : Math.max(newest, entries.all().get(0).getId());
    }

    public void publish() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Draft draft = new Draft(text, null, null, clientKey, audienceChoice.audience());
        List<Upload> uploads = files.uploads();
        try {
            try {
                pollComposer.publish(me(), draft, uploads);
            } catch (EJBException e) {
                if (DatabaseOutage.isCause(e)) {
                    throw e;
                }
                // Two submissions of one composer at the same instant: the second one meets the first one's key in
                // the unique index; publishing again finds the post the first one made and publishes nothing.
                pollComposer.publish(me(), draft, uploads);
            }
            pollComposer.reset();
            text = null;
            clientKey = UUID.randomUUID().toString();
            load();
        } catch (PostRejected e) {
            String key = switch (e.problem()) {
                case EMPTY -> "post.empty";
                case TOO_LONG -> "post.tooLong";
                case CONTROL_CHARACTERS -> "post.controlCharacters";
            };
            faces.addMessage("composer:text", messages.error(key, e.length(), e.limit()));
            faces.validationFailed();
        } catch (AttachmentRejected e) {
            faces.addMessage(ComposerFiles.MESSAGES_FOR, files.problem(e));
            faces.validationFailed();
        } catch (Refused e) {
            // A poll's choices or deadline break a rule; otherwise a company-wide post is never refused.
            boolean poll = e.reason() == Refused.Reason.INVALID && e.detail() != null && e.detail().startsWith("poll.");
            faces.addMessage("composer:text", messages.error(poll ? "refused." + e.detail() : "live.composer.refused"));
            faces.validationFailed();
        } catch (RuntimeException e) {
            // The database out of reach: the text, the audience and the poll stay in the composer, to send again.
            if (!outage.told(e, "composer")) {
                throw e;
            }
        }
    }

    public void loadMore() {
        if (nextBefore == null) {
            return;
        }
        if (!ahead.isEmpty() && System.currentTimeMillis() - aheadReadAt < AHEAD_MILLIS) {
            entries.add(ahead);
            nextBefore = aheadNextBefore;
            ahead = List.of();
        } else {
            read(nextBefore);
        }
    }

    /** A live signal came: how many posts newer than the newest shown does the stream hold now? */
    public void checkNewer() {
        try {
            newer = stream == Stream.HOME ? timeline.newerOnHome(me(), newest) : timeline.newerOnCompany(me(), newest);
        } catch (RuntimeException e) {
            // The database out of reach: the count stays as it was (an error page would take the composer's text away).
            if (!DatabaseOutage.isCause(e)) {
                throw e;
            }
        }
    }

    /** Shows the new posts at the top, where they belong. */
    public void showNewer() {
        load();
    }

    public void show(String chosen) {
        Stream wanted = "company".equals(chosen) ? Stream.COMPANY : Stream.HOME;
        if (wanted != stream) {
            stream = wanted;
            newest = 0;
            load();
        }
    }

    /** Shows the stream's page below {@code before} (null: the newest), and keeps the one after it for "Load more". */
    private void read(Long before) {
        int size = Timeline.DEFAULT_PAGE_SIZE;
        TimelinePage two = stream == Stream.HOME ? timeline.home(me(), before, 2 * size) : timeline.company(me(), before, 2 * size);
        List<PostView> read = two.entries().stream().map(PostView::of).toList();
        if (read.size() > size) {
            entries.add(List.copyOf(read.subList(0, size)));
            nextBefore = read.get(size - 1).getId();
            ahead = List.copyOf(read.subList(size, read.size()));
            aheadNextBefore = two.nextBefore();
            aheadReadAt = System.currentTimeMillis();
        } else {
            entries.add(read);
            nextBefore = null;
            ahead = List.of();
        }
    }

    private String me() {
        return request.getUserPrincipal().getName();
    }

    public List<PostView> getEntries() {
        return entries.all();
    }

    /**
     * The pages loaded so far. "Load more" answers with the new page alone, into the empty block that the last page
     * leaves after itself ({@code index.xhtml}): the posts already shown are not sent again.
     */
    public List<List<PostView>> getPages() {
        return entries.pages();
    }

    public boolean isMore() {
        return nextBefore != null;
    }

    public boolean isCompany() {
        return stream == Stream.COMPANY;
    }

    public int getNewer() {
        return newer;
    }

    /** "1 new post", "3 new posts" in the reader's language. */
    public String getNewerLabel() {
        return newer == 0 ? "" : messages.text("live.newer", newer);
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

    public String getClientKey() {
        return clientKey;
    }

    public void setClientKey(String clientKey) {
        // The key the composer was rendered with; a resubmitted form carries the same one.
        if (clientKey != null && clientKey.matches("[0-9a-f-]{36}")) {
            this.clientKey = clientKey;
        }
    }
}
