package org.babillard.search.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.notifications.control.Notifier;
import org.babillard.notifications.entity.Notification;
import org.babillard.people.entity.Employee;
import org.babillard.posts.entity.Post;
import org.babillard.search.control.IndexedPost;
import org.babillard.search.control.PostIndex;
import org.babillard.search.control.PostQueries;
import org.babillard.search.control.SearchFreshness;
import org.babillard.search.control.SearchIndex;
import org.babillard.search.control.SearchQuery;
import org.babillard.search.control.SearchQueue;
import org.babillard.search.entity.SavedSearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes posts into the search index: posts after their transactions committed (asynchronously and in batches,
 * see {@code SearchFreshness} and {@link SearchQueue}), the posts written since the last start, or every post for a rebuild, which builds a
 * new index aside while searches go on in the old one. A failure here never reaches the person posting; it is
 * logged, and a rebuild repairs it.
 */
@Stateless
public class SearchIndexing {

    private static final Logger LOG = Logger.getLogger(SearchIndexing.class.getName());
    static final int BATCH = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    SearchIndex index;

    @Inject
    Notifier notifier;

    @Inject
    SearchQueue queue;

    @Inject
    SearchFreshness freshness;

    @Resource
    SessionContext context;

    /**
     * Indexes the posts of the {@link SearchQueue} until it is empty, a batch at a time, each batch as the database
     * has it now (deleted posts leave the index), in one transaction and one write visible at once; new posts may
     * notify saved searches. Started by {@code SearchFreshness} when no drain is running. A batch that fails is
     * logged and the next one goes on: a rebuild from Administration repairs the index.
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void drain() {
        boolean ended = false;
        try {
            SearchIndexing self = context.getBusinessObject(SearchIndexing.class);
            Map<Long, Boolean> batch;
            while (!(batch = queue.take(BATCH)).isEmpty()) {
                try {
                    self.indexNow(batch);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, batch.size() + " posts could not be indexed; a rebuild from Administration repairs the index", e);
                }
            }
            ended = true;
        } finally {
            if (!ended) {
                queue.abandoned();
            }
        }
    }

    /** One batch of {@link #drain}: post id, and whether it is new. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void indexNow(Map<Long, Boolean> batch) {
        List<Long> ids = new ArrayList<>(batch.keySet());
        try {
            Set<Long> withFile = hasFile(ids);
            List<IndexedPost> posts = new ArrayList<>();
            for (IndexedPost p : select(" and p.id in :ids", "ids", ids)) {
                posts.add(withFile.contains(p.id())
                        ? new IndexedPost(p.id(), p.text(), p.author(), p.channel(), p.createdAt(), p.notebook(), true) : p);
            }
            Set<Long> removed = new HashSet<>(ids);
            posts.forEach(p -> removed.remove(p.id()));
            if (!removed.isEmpty()) {
                LOG.fine(() -> removed.size() + " posts gone: out of the search index");
            }
            index.putAll(posts, removed);
            List<SavedSearch> saved = null;
            for (IndexedPost p : posts) {
                if (!batch.get(p.id()) || p.notebook()) {
                    continue;
                }
                if (saved == null) {
                    saved = em.createNamedQuery(SavedSearch.ACTIVE, SavedSearch.class).getResultList();
                }
                if (saved.isEmpty()) {
                    break;
                }
                notifySavedSearches(em.find(Post.class, p.id()), saved);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indexes the posts newer than the newest in the index: those whose indexing a stop interrupted. */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void catchUp() {
        try {
            long after = index.maxId();
            Long newest = em.createQuery("select max(p.id) from Post p", Long.class).getSingleResult();
            if (after > (newest == null ? 0 : newest)) {
                // Posts the database never had: this index was built from another database (a data directory
                // restored without its database, a database started afresh). Its ids would name other posts.
                LOG.warning("The search index holds posts the database does not: rebuilding it");
                rebuildNow();
                return;
            }
            List<Long> missing = new ArrayList<>();
            List<Long> batch;
            do {
                batch = em.createQuery("select p.id from Post p where p.deletedAt is null and p.id > :after order by p.id", Long.class)
                        .setParameter("after", after).setMaxResults(BATCH).getResultList();
                missing.addAll(batch);
                if (!batch.isEmpty()) {
                    after = batch.get(batch.size() - 1);
                }
            } while (batch.size() == BATCH);
            if (!missing.isEmpty()) {
                freshness.reindex(missing);
                LOG.info(() -> "Search index catching up with " + missing.size() + " posts");
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "The search index could not catch up", e);
        }
    }

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void rebuild() {
        rebuildNow();
    }

    /**
     * Builds a new index from every post not deleted and swaps it in; searches use the old one meanwhile.
     *
     * @return how many posts the new index holds, or -1 if a rebuild was already under way
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int rebuildNow() {
        long started = System.nanoTime();
        PostIndex fresh;
        try {
            fresh = index.startRebuild();
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Cannot start a search index rebuild", e);
            return -1;
        }
        if (fresh == null) {
            return -1;
        }
        try {
            int n = 0;
            long after = 0;
            List<IndexedPost> batch;
            do {
                batch = batchAfter(after);
                List<Long> ids = batch.stream().map(IndexedPost::id).toList();
                Set<Long> withFiles = hasFile(ids);
                List<IndexedPost> docs = new ArrayList<>(batch.size());
                for (IndexedPost p : batch) {
                    docs.add(withFiles.contains(p.id())
                            ? new IndexedPost(p.id(), p.text(), p.author(), p.channel(), p.createdAt(), p.notebook(), true) : p);
                    after = p.id();
                }
                fresh.add(docs);
                n += docs.size();
            } while (batch.size() == BATCH);
            // The posts changed while it was built are read again by the drain, as they are now.
            freshness.reindex(index.finishRebuild(fresh));
            int total = n;
            LOG.info(() -> "Search index rebuilt: " + total + " posts in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            return n;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "The search index rebuild failed; the previous index stays in use", e);
            index.abandonRebuild(fresh);
            return -1;
        }
    }

    /**
     * The next posts to index, as the columns the index needs: not entities, whose many-to-one references (reply,
     * thread, share...) EclipseLink would load one query at a time without weaving, which made a rebuild of
     * 1,000,000 posts take hours (docs/benchmarks.md).
     */
    private List<IndexedPost> batchAfter(long after) {
        return select(" and p.id > :after", "after", after);
    }

    private List<IndexedPost> select(String condition, String parameter, Object value) {
        return em.createQuery("""
                        select p.id, p.text, a.username, c.slug, p.createdAt, p.audience from Post p join p.author a
                        left join p.channel c where p.deletedAt is null""" + condition + " order by p.id", Object[].class)
                .setParameter(parameter, value).setMaxResults(BATCH).getResultList().stream()
                .map(r -> new IndexedPost((Long) r[0], (String) r[1], (String) r[2], (String) r[3], ((java.time.OffsetDateTime) r[4]).toInstant(),
                        r[5] == Post.Audience.NOTEBOOK, false))
                .toList();
    }

    private Set<Long> hasFile(List<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select distinct a.post.id from Attachment a where a.post.id in :ids", Long.class)
                .setParameter("ids", ids).getResultList());
    }

    /** Tells the owners of saved searches that find this new post, if they may read it (the notifier checks). */
    private void notifySavedSearches(Post post, List<SavedSearch> saved) throws IOException {
        if (post == null || post.isNotebook()) {
            return;
        }
        Set<Long> told = new HashSet<>();
        for (SavedSearch s : saved) {
            Employee owner = s.getOwner();
            if (told.contains(owner.getId()) || owner.getId().equals(post.getAuthor().getId())) {
                continue;
            }
            SearchQuery q = SearchQuery.parse(s.getQuery());
            if (!q.isEmpty() && index.matches(PostQueries.build(q, owner.getUsername(), SearchIndex.zone()), post.getId())
                    && notifier.notify(owner, Notification.Kind.SAVED_SEARCH, post.getAuthor(), post, null)) {
                told.add(owner.getId());
            }
        }
    }
}
