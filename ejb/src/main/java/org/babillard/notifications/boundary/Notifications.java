package org.babillard.notifications.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.notifications.control.Notified;
import org.babillard.notifications.entity.Notification;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.Employee;
import org.babillard.posts.control.Visibility;
import org.babillard.posts.entity.Post;

import java.time.Clock;
import java.util.List;

/**
 * The bell: an employee's notifications, newest first, and how many are unread. What the reader may no longer
 * read (a post deleted or hidden, a private channel they left) is left out.
 */
@Stateless
public class Notifications {

    public static final int LARGEST_PAGE = 50;
    static final int EXCERPT = 120;

    private static final String LIST = """
            select n from Notification n join fetch n.actor left join fetch n.post left join fetch n.channel
            where n.recipient.id = :recipient and n.id < :before order by n.id desc""";

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Inject
    Visibility visibility;

    @Inject
    Event<Notified> notified;

    public long unread(String username) {
        return people.find(username).map(this::unread).orElse(0L);
    }

    /** How many of this employee's notifications are unread (0 for someone who has left). */
    public long unread(Employee me) {
        if (!me.isActive()) {
            return 0;
        }
        // The count leaves out what the list leaves out: posts since deleted or hidden, private channels left since.
        return em.createNamedQuery(Notification.UNREAD_COUNT, Long.class).setParameter("recipient", me.getId())
                .getSingleResult();
    }

    /** The newest notifications below {@code before} (null: the newest), at most {@value #LARGEST_PAGE}. */
    public List<NotificationView> list(String username, Long before, int size) {
        return page(username, before, size).items();
    }

    /**
     * A page of notifications below {@code before} (null: the newest) with the key of the next page. The key is
     * the last notification looked at, not the last one shown: a page whose notifications were all left out (a
     * deleted post, a channel left) still leads to the older ones.
     */
    public NotificationPage page(String username, Long before, int size) {
        Employee me = people.find(username).orElseThrow(() -> new IllegalArgumentException("No employee " + username));
        if (!me.isActive()) {
            // Not even through a session left open on another node: a former employee reads nothing here.
            throw new IllegalStateException(username + " no longer works here");
        }
        int limit = Math.max(1, Math.min(size, LARGEST_PAGE));
        List<Notification> found = em.createQuery(LIST, Notification.class).setParameter("recipient", me.getId())
                .setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setMaxResults(limit + 1).getResultList();
        boolean more = found.size() > limit;
        List<Notification> looked = found.subList(0, Math.min(limit, found.size()));
        List<NotificationView> items = looked.stream().filter(n -> readable(me, n)).map(Notifications::view).toList();
        return new NotificationPage(items, more ? looked.get(looked.size() - 1).getId() : null);
    }

    /** Marks one of the reader's notifications read; their other open pages hear the new count. */
    public void markRead(String username, long notificationId) {
        Notification n = em.find(Notification.class, notificationId);
        if (n != null && n.getRecipient().getUsername().equals(username) && !n.isRead()) {
            n.read(Clock.systemUTC().instant());
            notified.fire(new Notified(username));
        }
    }

    public void markAllRead(String username) {
        people.find(username).ifPresent(me -> {
            int changed = em.createNamedQuery(Notification.MARK_ALL_READ)
                    .setParameter("recipient", me.getId())
                    .setParameter("now", Clock.systemUTC().instant().atOffset(java.time.ZoneOffset.UTC)).executeUpdate();
            if (changed > 0) {
                notified.fire(new Notified(username));
            }
        });
    }

    private boolean readable(Employee me, Notification n) {
        if (n.getPost() != null) {
            Post post = n.getPost();
            boolean threadHidden = post.getThread() != null && post.getThread().isHidden();
            return visibility.canRead(me, post) && !post.isHidden() && !threadHidden;
        }
        return true;
    }

    private static NotificationView view(Notification n) {
        Post post = n.getPost();
        String excerpt = null;
        if (post != null) {
            String text = post.getText().replaceAll("\\s+", " ");
            excerpt = text.codePointCount(0, text.length()) <= EXCERPT ? text
                    : text.substring(0, text.offsetByCodePoints(0, EXCERPT)) + "…";
        }
        return new NotificationView(n.getId(), n.getKind().name(), n.getActor().getUsername(),
                n.getActor().getDisplayName(), post == null ? null : post.getId(), excerpt,
                n.getChannel() == null ? null : n.getChannel().getSlug(),
                n.getChannel() == null ? null : n.getChannel().getName(), n.getCreatedAt(), n.isRead());
    }
}
