package org.babillard.notifications.control;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.channels.entity.Channel;
import org.babillard.notifications.entity.Notification;
import org.babillard.people.entity.Employee;
import org.babillard.posts.control.Visibility;
import org.babillard.posts.entity.Post;

import java.time.Clock;

/**
 * Creates notifications inside the caller's transaction, and only for people who may read what they are about:
 * a mention in a private channel reaches nobody outside it. The bell lights up after the commit.
 */
@Dependent
public class Notifier {

    @PersistenceContext
    EntityManager em;

    @Inject
    Visibility visibility;

    @Inject
    Event<Notified> notified;

    /** @return whether a notification was created */
    public boolean notify(Employee recipient, Notification.Kind kind, Employee actor, Post post, Channel channel) {
        if (recipient == null || !recipient.isActive() || recipient.getId().equals(actor.getId())) {
            return false;
        }
        if (post != null && !visibility.canRead(recipient, post)) {
            return false;
        }
        if (post == null && channel != null && channel.isPrivate() && kind == Notification.Kind.JOIN_REQUEST
                && !visibility.owns(recipient, channel)) {
            return false;
        }
        Notification notification = new Notification(recipient, kind, actor, post, channel, Clock.systemUTC().instant());
        em.persist(notification);
        notified.fire(new Notified(recipient.getUsername(), notification.getId()));
        return true;
    }
}
