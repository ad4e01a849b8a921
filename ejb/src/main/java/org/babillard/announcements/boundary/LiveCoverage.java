package org.babillard.announcements.boundary;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.announcements.entity.LiveThread;
import org.babillard.channels.entity.Channel;
import org.babillard.live.control.LiveUpdates;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.Posts;
import org.babillard.posts.entity.Post;

import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Live coverage of a thread (an event's conference, an all-hands, a launch): its author, HR or an administrator
 * switches it to live; from then on every new reply is signalled ({"type":"thread-live","thread":40,"id":42}) to
 * every employee who may read the thread, so that whoever has the conversation open sees it arrive. Only threads
 * open to the company or to a channel can go live: a thread for chosen people stays with them.
 */
@Stateless
public class LiveCoverage {

    private static final Logger LOG = Logger.getLogger(LiveCoverage.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Posts posts;

    @Inject
    LiveUpdates live;

    /** Whether this reader may switch the thread of this post on or off. */
    public boolean canSwitch(String username, long postId) {
        try {
            Post root = posts.readable(username, postId).getThreadRoot();
            Employee me = em.createNamedQuery(Employee.FIND_BY_USERNAME, Employee.class).setParameter("username", username)
                    .getSingleResult();
            boolean allowed = root.getAuthor().getId().equals(me.getId())
                    || me.getRoles().stream().anyMatch(Announcements.PUBLISHER_ROLES::contains);
            return allowed && !root.getAudience().isRestricted() && !root.isDeleted();
        } catch (Refused | RuntimeException e) {
            return false;
        }
    }

    /**
     * Switches the thread of this post on (true) or off.
     *
     * @throws Refused NOT_FOUND for a post the reader may not read; NOT_ALLOWED unless they wrote the thread or are
     *                 HR or an administrator, or for a thread whose audience the author chose
     */
    public void switchLive(String username, long postId, boolean on) throws Refused {
        Post root = posts.readable(username, postId).getThreadRoot();
        if (!canSwitch(username, postId)) {
            throw Refused.notAllowed("live coverage of thread " + root.getId());
        }
        LiveThread current = em.find(LiveThread.class, root.getId());
        if (on && current == null) {
            Employee me = em.createNamedQuery(Employee.FIND_BY_USERNAME, Employee.class).setParameter("username", username)
                    .getSingleResult();
            em.persist(new LiveThread(root.getId(), me.getId(), Clock.systemUTC().instant()));
        } else if (!on && current != null) {
            em.remove(current);
        }
    }

    /** Whether the thread of this post (by the thread's first post id, or a reply's) is live now. */
    public boolean isLive(long postId) {
        Post post = em.find(Post.class, postId);
        return post != null && em.find(LiveThread.class, post.getThreadRoot().getId()) != null;
    }

    /** After a post's commit, on another thread: a reply in a live thread reaches every open conversation page. */
    @Asynchronous
    public void posted(long postId) {
        try {
            Post post = em.find(Post.class, postId);
            if (post == null || post.getThread() == null || post.getAudience().isRestricted()) {
                return;
            }
            LiveThread liveThread = em.find(LiveThread.class, post.getThread().getId());
            // A reply written before the thread went live is not live coverage, however late this runs.
            if (liveThread == null || post.getCreatedAt().isBefore(liveThread.getSince())) {
                return;
            }
            Channel channel = post.getChannel();
            List<String> readers = channel != null && channel.isPrivate()
                    ? em.createQuery("select m.employee.username from Membership m where m.channel.id = :c", String.class)
                    .setParameter("c", channel.getId()).getResultList()
                    : em.createQuery("select e.username from Employee e where e.leftAt is null", String.class).getResultList();
            live.send("{\"type\":\"thread-live\",\"thread\":" + post.getThread().getId() + ",\"id\":" + postId + "}", readers);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Live coverage of post " + postId + " failed", e);
        }
    }
}
