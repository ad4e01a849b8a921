package org.babillard.presentation.search;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.channels.boundary.ChannelSummary;
import org.babillard.people.boundary.PersonCard;
import org.babillard.platform.boundary.Refused;
import org.babillard.presentation.Messages;
import org.babillard.search.boundary.Search;
import org.babillard.search.boundary.SavedSearchView;
import org.babillard.search.boundary.SearchHit;
import org.babillard.search.boundary.SearchPage;
import org.babillard.search.boundary.TopicHit;
import org.babillard.search.control.PostIndex;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The search page: what was typed (?q=), which kind of result (?type=posts|people|channels|topics) and in which
 * order (?sort=relevance|date) are in the address; posts come a page at a time, the reader's saved searches beside.
 */
@Named("searchView")
@ViewScoped
public class SearchView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 20;
    static final int MOST_OTHERS = 30;

    @Inject
    transient Search search;

    @Inject
    transient HttpServletRequest request;

    @Inject
    transient Messages messages;

    private String q;
    private String type = "posts";
    private String sort = "relevance";
    private final List<SearchHit> hits = new ArrayList<>();
    private String next;
    private List<String> problems = List.of();
    private List<PersonCard> people = List.of();
    private List<ChannelSummary> channels = List.of();
    private List<TopicHit> topics = List.of();
    private List<SavedSearchView> saved = List.of();
    private boolean searched;

    /** Runs the search of the address once the view parameters are set. */
    public void load() {
        hits.clear();
        next = null;
        saved = search.saved(me());
        if (q == null || q.isBlank()) {
            return;
        }
        searched = true;
        switch (type) {
            case "people" -> people = search.people(q, MOST_OTHERS);
            case "channels" -> channels = search.channels(me(), q, MOST_OTHERS);
            case "topics" -> topics = search.topics(me(), q, MOST_OTHERS);
            default -> append(search.posts(me(), q, order(), null, PAGE));
        }
    }

    public void loadMore() {
        if (next != null && q != null) {
            append(search.posts(me(), q, order(), next, PAGE));
        }
    }

    public void save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            search.save(me(), q);
            faces.addMessage(null, messages.info("search.saved.done"));
        } catch (Refused e) {
            faces.addMessage(null, messages.error(e.detail()));
        }
        saved = search.saved(me());
    }

    public void forget(long id) {
        try {
            search.forget(me(), id);
        } catch (Refused e) {
            // Already gone (another tab): the list below is refreshed either way.
        }
        saved = search.saved(me());
    }

    public boolean isWatching() {
        return q != null && saved.stream().anyMatch(s -> s.query().equals(q));
    }

    private void append(SearchPage page) {
        hits.addAll(page.hits());
        next = page.next();
        problems = page.problems();
    }

    private PostIndex.Order order() {
        return "date".equals(sort) ? PostIndex.Order.DATE : PostIndex.Order.RELEVANCE;
    }

    private String me() {
        return request.getUserPrincipal().getName();
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q == null ? null : q.strip();
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = List.of("posts", "people", "channels", "topics").contains(type) ? type : "posts";
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = "date".equals(sort) ? "date" : "relevance";
    }

    public List<SearchHit> getHits() {
        return hits;
    }

    public boolean isMore() {
        return next != null;
    }

    public List<String> getProblems() {
        return problems;
    }

    public List<PersonCard> getPeople() {
        return people;
    }

    public List<ChannelSummary> getChannels() {
        return channels;
    }

    public List<TopicHit> getTopics() {
        return topics;
    }

    public List<SavedSearchView> getSaved() {
        return saved;
    }

    public boolean isSearched() {
        return searched;
    }
}
