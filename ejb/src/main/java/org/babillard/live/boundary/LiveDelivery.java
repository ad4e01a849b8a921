package org.babillard.live.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.babillard.channels.entity.Channel;
import org.babillard.live.control.LiveUpdates;
import org.babillard.notifications.boundary.Notifications;
import org.babillard.posts.entity.Post;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells open pages, once the transaction that caused it has committed, that something new is there for their
 * reader: a post for their home or channel, a reply in a thread, their bell's count. The messages carry ids, never
 * content.
 * <p>
 * A post's audience is worked out inside the post's own transaction, and the signal goes out as that transaction
 * commits, on the thread that committed it (the listeners only hand it on: {@link LiveUpdates}). It used to be
 * worked out afterwards on the EJB asynchronous pool, where under a heavy posting load it queued behind every
 * post's indexing and webhooks and reached readers ten seconds late (docs/benchmarks.md); now a post is never
 * signalled later than its own answer to its author. A rolled-back post is never signalled; a failing delivery is
 * logged and never undoes the post.
 */
@Stateless
public class LiveDelivery {

    private static final Logger LOG = Logger.getLogger(LiveDelivery.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    LiveUpdates live;

    @Inject
    Notifications notifications;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * A new post reaches those whose home or channel page would show it: the author, their followers, the
     * channel's members, the followers of its topics, and for a reply the people in the thread. In a private
     * channel, only its members. Called in the post's transaction; sent when it commits.
     */
    public void postPublished(long postId) {
        try {
            Post post = em.find(Post.class, postId);
            if (post == null || post.isDeleted()) {
                return;
            }
            Channel channel = post.getChannel();
            Set<String> audience = audience(post);
            String json = "{\"type\":\"post\",\"id\":" + postId
                    + ",\"channel\":" + (channel == null ? "null" : channel.getId())
                    + ",\"thread\":" + (post.getThread() == null ? "null" : post.getThread().getId())
                    + ",\"author\":\"" + post.getAuthor().getUsername().replaceAll("[^A-Za-z0-9._-]", "") + "\"}";
            sendOnCommit(json, audience);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Live delivery of post " + postId + " failed", e);
        }
    }

    /**
     * An edited or deleted post is signalled to those a new post reaches ({"type":"edited"|"deleted","id":42}); the
     * API's streams then tell each owner who may read it (or could, before it was deleted). Hidden posts are not
     * signalled. Called in the change's transaction; sent when it commits.
     */
    public void postChanged(long postId) {
        try {
            Post post = em.find(Post.class, postId);
            if (post == null || (!post.isDeleted() && (post.isHidden() || post.getEditedAt() == null))) {
                return;
            }
            sendOnCommit("{\"type\":\"" + (post.isDeleted() ? "deleted" : "edited") + "\",\"id\":" + postId + "}", audience(post));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Live delivery of a change to post " + postId + " failed", e);
        }
    }

    private void sendOnCommit(String json, Set<String> audience) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before: the audience is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    return;
                }
                try {
                    live.send(json, audience);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Live delivery failed: " + json, e);
                }
            }
        });
    }

    /** Those whose home or channel page would show the post (see {@link #postPublished}). */
    private Set<String> audience(Post post) {
        long postId = post.getId();
        Channel channel = post.getChannel();
        Set<String> audience = new HashSet<>();
        audience.add(post.getAuthor().getUsername());
        audience.addAll(em.createQuery("select f.follower.username from Follow f where f.followed.id = :a", String.class)
                .setParameter("a", post.getAuthor().getId()).getResultList());
        List<String> tags = em.createQuery("select t.tag from PostTag t where t.post.id = :p", String.class)
                .setParameter("p", postId).getResultList();
        if (!tags.isEmpty()) {
            audience.addAll(em.createQuery("select tf.employee.username from TopicFollow tf where tf.tag in :tags", String.class)
                    .setParameter("tags", tags).getResultList());
        }
        // The people a first post mentions find it at home (Timeline's HOME_MENTIONS), following or not.
        audience.addAll(em.createQuery("select m.employee.username from Mention m where m.post.id = :p", String.class)
                .setParameter("p", postId).getResultList());
        if (post.getThread() != null) {
            audience.addAll(em.createQuery(
                    "select distinct p.author.username from Post p where p.thread.id = :t or p.id = :t", String.class)
                    .setParameter("t", post.getThread().getId()).getResultList());
        }
        if (channel != null) {
            List<String> members = em.createQuery(
                    "select m.employee.username from Membership m where m.channel.id = :c", String.class)
                    .setParameter("c", channel.getId()).getResultList();
            if (channel.isPrivate()) {
                audience.retainAll(new HashSet<>(members));
            }
            audience.addAll(members);
        }
        Post original = post.getReadableWith();
        if (original != null && original.getChannel() != null && original.getChannel().isPrivate()) {
            // A share of a private channel's post (or a reply to it) reaches only those who may read the original.
            audience.retainAll(new HashSet<>(em.createQuery(
                    "select m.employee.username from Membership m where m.channel.id = :c", String.class)
                    .setParameter("c", original.getChannel().getId()).getResultList()));
        }
        if (post.getAudience().isRestricted()) {
            // A notebook entry reaches its author's pages only; a post to the people mentioned, its readers'.
            Set<String> readers = new HashSet<>();
            readers.add(post.getThreadRoot().getAuthor().getUsername());
            if (post.getAudience() == Post.Audience.MENTIONED) {
                readers.addAll(em.createQuery(
                        "select m.employee.username from Mention m where m.post.id = :p", String.class)
                        .setParameter("p", post.getThreadRoot().getId()).getResultList());
            }
            audience.add(post.getAuthor().getUsername());
            audience.retainAll(readers);
        }
        return audience;
    }

    /** The recipient's bell shows their new unread count. */
    @Asynchronous
    public void bell(String username) {
        try {
            live.send("{\"type\":\"bell\",\"unread\":" + notifications.unread(username) + "}", Set.of(username));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Live delivery of a notification failed", e);
        }
    }
}
