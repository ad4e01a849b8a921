package org.babillard.search.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.apache.lucene.search.Query;
import org.babillard.channels.boundary.ChannelSummary;
import org.babillard.channels.boundary.Channels;
import org.babillard.people.boundary.People;
import org.babillard.people.boundary.PersonCard;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.control.Visibility;
import org.babillard.posts.entity.Post;
import org.babillard.search.control.Cursor;
import org.babillard.search.control.Highlights;
import org.babillard.search.control.PostIndex;
import org.babillard.search.control.PostQueries;
import org.babillard.search.control.SearchIndex;
import org.babillard.search.control.SearchQuery;
import org.babillard.search.entity.SavedSearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Search for an employee: posts (with the query syntax of {@link SearchQuery}), people, channels and topics, and
 * their saved searches. The index proposes posts; the database decides: every candidate is checked against
 * {@link Visibility#READABLE}, the rule every timeline applies, before anything about it is shown or counted.
 */
@Stateless
public class Search {

    /** The most saved searches one person keeps. */
    public static final int MOST_SAVED = 20;
    /** Candidates examined at most for one page: a page of a search where the reader may see little stops there. */
    static final int MOST_EXAMINED = 2000;

    @PersistenceContext
    EntityManager em;

    @Inject
    SearchIndex index;

    @Inject
    People people;

    @Inject
    Channels channels;

    /**
     * A page of posts the reader may read that match the query, best first or newest first, after the cursor.
     */
    public SearchPage posts(String readerUsername, String typed, PostIndex.Order order, String cursor, int size) {
        Employee reader = actor(readerUsername);
        SearchQuery q = SearchQuery.parse(typed);
        if (q.isEmpty()) {
            return new SearchPage(List.of(), null, q.problems());
        }
        int pageSize = Math.max(1, Math.min(size, 50));
        Query query = PostQueries.build(q, reader.getUsername(), SearchIndex.zone());
        Cursor after = Cursor.parse(cursor);
        List<Long> found = new ArrayList<>();
        String next = null;
        int examined = 0;
        try {
            while (true) {
                PostIndex.Batch batch = index.search(query, order, after, pageSize * 2);
                Set<Long> readable = readable(reader.getId(), batch.candidates().stream().map(PostIndex.Candidate::id).toList());
                int i = 0;
                for (PostIndex.Candidate c : batch.candidates()) {
                    i++;
                    examined++;
                    after = Cursor.of(c);
                    if (readable.contains(c.id())) {
                        found.add(c.id());
                        if (found.size() == pageSize) {
                            break;
                        }
                    }
                }
                boolean moreInIndex = i < batch.candidates().size() || batch.more();
                if (found.size() == pageSize || examined >= MOST_EXAMINED) {
                    next = moreInIndex ? after.toString() : null;
                    break;
                }
                if (!moreInIndex) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SearchPage(hits(found, q), next, q.problems());
    }

    /** Colleagues whose name, title, department or site hold the words typed (accents and case aside). */
    public List<PersonCard> people(String typed, int limit) {
        String text = SearchQuery.parse(typed).plainText();
        return text.isBlank() ? List.of() : people.search(text, limit);
    }

    /** Channels whose name holds what was typed, among those the reader may see. */
    public List<ChannelSummary> channels(String readerUsername, String typed, int limit) {
        String text = SearchQuery.parse(typed).plainText();
        return text.isBlank() ? List.of() : channels.suggest(readerUsername, text, limit);
    }

    /** Topics that begin with what was typed, counted over the posts the reader may read, most used first. */
    public List<TopicHit> topics(String readerUsername, String typed, int limit) {
        Employee reader = actor(readerUsername);
        SearchQuery q = SearchQuery.parse(typed);
        String start = !q.tags().isEmpty() ? q.tags().get(0) : q.words().isEmpty() ? "" : q.words().get(0);
        start = start.toLowerCase(Locale.ROOT).replace("#", "").replace("\\", "").replace("%", "").replace("_", "\\_");
        if (start.isBlank()) {
            return List.of();
        }
        return em.createQuery("select t.tag, count(t) from PostTag t join t.post p left join p.channel c "
                        + "where t.tag like :start escape '\\' and " + Visibility.READABLE
                        + " group by t.tag order by count(t) desc, t.tag", Object[].class)
                .setParameter("start", start + "%").setParameter("reader", reader.getId())
                .setMaxResults(Math.max(1, Math.min(limit, 50))).getResultList().stream()
                .map(r -> new TopicHit((String) r[0], (Long) r[1])).toList();
    }

    /**
     * Keeps a search, to be told of new posts it finds.
     *
     * @throws Refused INVALID for an empty search or one too many, ALREADY if it is kept already
     */
    public SavedSearchView save(String ownerUsername, String typed) throws Refused {
        Employee owner = actor(ownerUsername);
        String text = typed == null ? "" : typed.strip();
        if (SearchQuery.parse(text).isEmpty() || text.length() > SearchQuery.MAX_LENGTH) {
            throw new Refused(Refused.Reason.INVALID, "search.saved.empty");
        }
        List<SavedSearch> mine = mine(owner);
        if (mine.stream().anyMatch(s -> s.getQuery().equals(text))) {
            throw new Refused(Refused.Reason.ALREADY, "search.saved.already");
        }
        if (mine.size() >= MOST_SAVED) {
            throw new Refused(Refused.Reason.INVALID, "search.saved.tooMany");
        }
        SavedSearch saved = new SavedSearch(owner, text, Clock.systemUTC().instant());
        em.persist(saved);
        em.flush();
        return new SavedSearchView(saved.getId(), saved.getQuery());
    }

    public List<SavedSearchView> saved(String ownerUsername) {
        return mine(actor(ownerUsername)).stream().map(s -> new SavedSearchView(s.getId(), s.getQuery())).toList();
    }

    /** Forgets one of the owner's saved searches; someone else's is "not found". */
    public void forget(String ownerUsername, long id) throws Refused {
        Employee owner = actor(ownerUsername);
        SavedSearch s = em.find(SavedSearch.class, id);
        if (s == null || !s.getOwner().getId().equals(owner.getId())) {
            throw Refused.notFound("saved search " + id);
        }
        em.remove(s);
    }

    private List<SavedSearch> mine(Employee owner) {
        return em.createNamedQuery(SavedSearch.OF_OWNER, SavedSearch.class).setParameter("owner", owner.getId()).getResultList();
    }

    /** The candidates the reader may read, by the database's rule. */
    Set<Long> readable(long readerId, List<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select p.id from Post p left join p.channel c where p.id in :ids and "
                        + Visibility.READABLE, Long.class)
                .setParameter("ids", ids).setParameter("reader", readerId).getResultList());
    }

    private List<SearchHit> hits(List<Long> ids, SearchQuery q) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Post> posts = new HashMap<>();
        em.createQuery("select p from Post p join fetch p.author left join fetch p.channel where p.id in :ids", Post.class)
                .setParameter("ids", ids).getResultList().forEach(p -> posts.put(p.getId(), p));
        List<SearchHit> hits = new ArrayList<>();
        for (Long id : ids) {
            Post p = posts.get(id);
            if (p == null) {
                continue;
            }
            Post root = p.getThreadRoot();
            hits.add(new SearchHit(p.getId(), root == p ? null : root.getId(), p.getAuthor().getUsername(),
                    p.getAuthor().getDisplayName(), p.getChannel() == null ? null : p.getChannel().getSlug(),
                    p.getChannel() == null ? null : p.getChannel().getName(), p.getCreatedAt(), p.isNotebook(),
                    Highlights.pieces(p.getText(), q)));
        }
        return hits;
    }

    private Employee actor(String username) {
        Employee employee = people.find(username).orElseThrow(() -> new IllegalArgumentException("No employee " + username));
        if (!employee.isActive()) {
            throw new IllegalStateException(username + " no longer works here");
        }
        return employee;
    }
}
