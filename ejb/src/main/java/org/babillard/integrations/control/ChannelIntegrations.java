package org.babillard.integrations.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.channels.entity.Channel;
import org.babillard.channels.entity.Membership;
import org.babillard.people.entity.Employee;
import org.babillard.posts.control.Visibility;

import java.time.Clock;

/** Who manages a channel's bots and webhooks, and letting a bot into a channel. */
@Dependent
public class ChannelIntegrations {

    @PersistenceContext
    EntityManager em;

    @Inject
    Visibility visibility;

    /**
     * A channel's owners and moderators manage its bots and webhooks; administrators too, except in a private
     * channel they are not a moderator of: letting a bot in would be a way for them to read it.
     */
    public boolean manages(Employee actor, Channel channel) {
        boolean moderator = visibility.membership(channel, actor).map(m -> m.getRole().moderates()).orElse(false);
        return moderator || (visibility.isAdmin(actor) && !channel.isPrivate());
    }

    /** The bot becomes a member of the channel (if it is not already), which lets it post there. */
    public void letIn(Channel channel, Employee bot) {
        if (visibility.membership(channel, bot).isEmpty()) {
            em.persist(new Membership(channel, bot, Membership.Role.MEMBER, Clock.systemUTC().instant()));
        }
    }
}
