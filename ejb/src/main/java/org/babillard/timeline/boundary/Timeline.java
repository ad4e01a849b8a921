package org.babillard.timeline.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.babillard.posts.entity.Post;

import java.util.List;

/**
 * Reading posts newest first, a page at a time, with keyset pagination: a page starts below the id of the
 * previous page's last post, so paging stays fast and stable while new posts arrive.
 */
@Stateless
public class Timeline {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int LARGEST_PAGE_SIZE = 100;

    @PersistenceContext
    EntityManager em;

    /**
     * @param before the id below which the page starts, or null for the newest posts
     * @param size   how many posts at most (1 to {@value #LARGEST_PAGE_SIZE})
     */
    public TimelinePage page(Long before, int size) {
        TypedQuery<Post> query = before == null
                ? em.createNamedQuery(Post.LATEST, Post.class)
                : em.createNamedQuery(Post.LATEST_BEFORE, Post.class).setParameter("before", before);
        return page(query, size);
    }

    /** One person's posts, newest first, a page at a time (served by the index on author and id). */
    public TimelinePage pageOf(String author, Long before, int size) {
        TypedQuery<Post> query = before == null
                ? em.createNamedQuery(Post.BY_AUTHOR, Post.class)
                : em.createNamedQuery(Post.BY_AUTHOR_BEFORE, Post.class).setParameter("before", before);
        return page(query.setParameter("author", author), size);
    }

    private static TimelinePage page(TypedQuery<Post> query, int size) {
        int limit = Math.max(1, Math.min(LARGEST_PAGE_SIZE, size));
        List<Post> posts = query.setMaxResults(limit + 1).getResultList();
        boolean more = posts.size() > limit;
        List<TimelineEntry> entries = posts.stream().limit(limit).map(Timeline::entry).toList();
        return new TimelinePage(entries, more ? entries.get(entries.size() - 1).id() : null);
    }

    private static TimelineEntry entry(Post p) {
        return new TimelineEntry(p.getId(), p.getAuthor().getUsername(), p.getAuthor().getDisplayName(),
                p.getAuthor().isActive(), p.getText(), p.getCreatedAt());
    }
}
