package org.babillard.integrations.boundary;

import org.babillard.audit.entity.AuditAction;
import org.babillard.audit.boundary.AuditLog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.channels.entity.Channel;
import org.babillard.integrations.control.ChannelIntegrations;
import org.babillard.integrations.control.Secrets;
import org.babillard.integrations.entity.IncomingWebhook;
import org.babillard.integrations.entity.OutgoingWebhook;
import org.babillard.integrations.entity.WebhookAttempt;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.PostRejected;
import org.babillard.posts.boundary.Posts;
import org.babillard.posts.control.Visibility;
import org.babillard.posts.entity.Post;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * A channel's webhooks. Incoming: secret addresses that post into the channel as a bot (an ERP's "order shipped").
 * Outgoing: addresses that receive each new post of the channel, signed (see {@link WebhookDeliveries}). Managed
 * by the channel's owners and moderators, and by administrators outside private channels.
 */
@Stateless
public class Webhooks {

    private static final Logger LOG = Logger.getLogger(Webhooks.class.getName());
    static final int URL_LIMIT = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    People people;

    @Inject
    Visibility visibility;

    @Inject
    ChannelIntegrations integrations;

    @Inject
    Posts posts;

    @Inject
    Bots bots;

    /**
     * What the channel's integrations page shows.
     *
     * @throws Refused NOT_FOUND for a channel the actor cannot see, NOT_ALLOWED for one they do not manage
     */
    public ChannelIntegrationsView settings(String actorUsername, String slug) throws Refused {
        Employee actor = actor(actorUsername);
        Channel channel = em.createQuery("select c from Channel c where c.slug = :slug", Channel.class)
                .setParameter("slug", slug == null ? "" : slug.strip()).getResultStream().findFirst()
                .filter(c -> visibility.canRead(actor, c))
                .orElseThrow(() -> Refused.notFound("channel " + slug));
        managed(actor, channel);
        List<IncomingView> incoming = em.createNamedQuery(IncomingWebhook.OF_CHANNEL, IncomingWebhook.class)
                .setParameter("channel", channel.getId()).getResultStream()
                .map(h -> new IncomingView(h.getId(), h.getBot().getUsername(), h.getBot().getDisplayName(), h.getSecret(),
                        h.getCreatedAt(), h.getLastUsedAt())).toList();
        List<OutgoingView> outgoing = em.createNamedQuery(OutgoingWebhook.OF_CHANNEL, OutgoingWebhook.class)
                .setParameter("channel", channel.getId()).getResultStream()
                .map(h -> new OutgoingView(h.getId(), h.getUrl(), h.getSecret(), h.isEnabled(), h.isReplies(), log(h.getId())))
                .toList();
        return new ChannelIntegrationsView(new ChannelRef(channel.getId(), channel.getSlug(), channel.getName(),
                channel.isPrivate()), incoming, outgoing, bots.enabled());
    }

    /**
     * A new incoming webhook posting as this bot, which becomes a member of the channel.
     *
     * @return its secret
     */
    public String createIncoming(String actorUsername, long channelId, String botUsername) throws Refused {
        Employee actor = actor(actorUsername);
        Channel channel = managedChannel(actor, channelId);
        Employee bot = people.find(botUsername).filter(Employee::isBot).filter(Employee::isActive)
                .orElseThrow(() -> new Refused(Refused.Reason.INVALID, "webhooks.botMissing"));
        if (channel.isArchived()) {
            throw new Refused(Refused.Reason.ARCHIVED, channel.getSlug());
        }
        integrations.letIn(channel, bot);
        String secret = Secrets.random();
        em.persist(new IncomingWebhook(channel, bot, secret, actor, Clock.systemUTC().instant()));
        LOG.info(() -> "Incoming webhook of " + channel.getSlug() + " as bot @" + bot.getUsername() + " created by "
                + actor.getUsername());
        audit.record(AuditAction.WEBHOOK_CREATED, actor.getUsername(), "channel " + channel.getSlug(), "incoming, as bot @" + bot.getUsername());
        return secret;
    }

    /** A new secret for the incoming webhook: the old address answers 404 from now on. @return the new secret */
    public String regenerateIncoming(String actorUsername, long hookId) throws Refused {
        IncomingWebhook hook = incoming(actor(actorUsername), hookId);
        String secret = Secrets.random();
        hook.regenerate(secret);
        return secret;
    }

    public void deleteIncoming(String actorUsername, long hookId) throws Refused {
        em.remove(incoming(actor(actorUsername), hookId));
    }

    /**
     * Posts what a program sent to an incoming webhook's address, as its bot, into its channel, under the rules of
     * every post (length, escaping, #topics, @mentions).
     *
     * @return the post's id
     * @throws Refused      NOT_FOUND for an unknown secret; NOT_ALLOWED when the bot is switched off or may not
     *                      post there (an announcement channel); ARCHIVED for an archived channel
     * @throws PostRejected for an empty or too long text
     */
    public long receive(String secret, String text) throws Refused, PostRejected {
        if (secret == null || !Secrets.wellFormed(secret)) {
            throw Refused.notFound("webhook");
        }
        IncomingWebhook hook = em.createNamedQuery(IncomingWebhook.BY_SECRET, IncomingWebhook.class)
                .setParameter("secret", secret).getResultStream().findFirst()
                .orElseThrow(() -> Refused.notFound("webhook"));
        if (!hook.getBot().isActive()) {
            throw Refused.notAllowed("The webhook's bot is switched off");
        }
        Post post = posts.publish(hook.getBot().getUsername(), Draft.inChannel(hook.getChannel().getId(), text));
        hook.used(Clock.systemUTC().instant());
        return post.getId();
    }

    /**
     * A new outgoing webhook (switched on): each new post of the channel, and each reply unless {@code replies} is
     * false, is sent to the address.
     *
     * @throws Refused INVALID {@code webhooks.urlInvalid} for anything but an http(s) address
     */
    public long createOutgoing(String actorUsername, long channelId, String url, boolean replies) throws Refused {
        Employee actor = actor(actorUsername);
        Channel channel = managedChannel(actor, channelId);
        OutgoingWebhook hook = new OutgoingWebhook(channel, checkedUrl(url), Secrets.random(), replies, actor,
                Clock.systemUTC().instant());
        em.persist(hook);
        em.flush();
        LOG.info(() -> "Outgoing webhook of " + channel.getSlug() + " to " + hook.getUrl() + " created by " + actor.getUsername());
        audit.record(AuditAction.WEBHOOK_CREATED, actor.getUsername(), "channel " + channel.getSlug(), "outgoing, to " + hook.getUrl());
        return hook.getId();
    }

    public void updateOutgoing(String actorUsername, long hookId, String url, boolean enabled, boolean replies) throws Refused {
        outgoing(actor(actorUsername), hookId).settings(checkedUrl(url), enabled, replies);
    }

    /** A new signing secret; @return it. Deliveries still waiting are signed with it. */
    public String regenerateOutgoing(String actorUsername, long hookId) throws Refused {
        String secret = Secrets.random();
        outgoing(actor(actorUsername), hookId).regenerate(secret);
        return secret;
    }

    /** Deletes the webhook with what waits to be sent to it and its log. */
    public void deleteOutgoing(String actorUsername, long hookId) throws Refused {
        OutgoingWebhook hook = outgoing(actor(actorUsername), hookId);
        em.createQuery("delete from WebhookAttempt a where a.webhookId = :h").setParameter("h", hookId).executeUpdate();
        em.createQuery("delete from WebhookDelivery d where d.webhook.id = :h").setParameter("h", hookId).executeUpdate();
        em.remove(hook);
    }

    /** The latest attempts, newest first. */
    private List<AttemptView> log(long hookId) {
        return em.createNamedQuery(WebhookAttempt.LATEST, WebhookAttempt.class).setParameter("webhook", hookId)
                .setMaxResults(WebhookAttempt.KEPT).getResultStream()
                .map(a -> new AttemptView(a.getAttemptedAt(), a.getPostId(), a.getAttempt(), a.getStatusCode(), a.getError(),
                        a.getDurationMs())).toList();
    }

    private IncomingWebhook incoming(Employee actor, long hookId) throws Refused {
        IncomingWebhook hook = em.find(IncomingWebhook.class, hookId);
        if (hook == null || !visibility.canRead(actor, hook.getChannel())) {
            throw Refused.notFound("webhook " + hookId);
        }
        managed(actor, hook.getChannel());
        return hook;
    }

    private OutgoingWebhook outgoing(Employee actor, long hookId) throws Refused {
        OutgoingWebhook hook = em.find(OutgoingWebhook.class, hookId);
        if (hook == null || !visibility.canRead(actor, hook.getChannel())) {
            throw Refused.notFound("webhook " + hookId);
        }
        managed(actor, hook.getChannel());
        return hook;
    }

    private Channel managedChannel(Employee actor, long channelId) throws Refused {
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null || !visibility.canRead(actor, channel)) {
            throw Refused.notFound("channel " + channelId);
        }
        managed(actor, channel);
        return channel;
    }

    private void managed(Employee actor, Channel channel) throws Refused {
        if (!integrations.manages(actor, channel)) {
            throw Refused.notAllowed("integrations of " + channel.getSlug());
        }
    }

    private Employee actor(String username) throws Refused {
        return people.find(username).filter(Employee::isActive).filter(e -> !e.isBot())
                .orElseThrow(() -> Refused.notAllowed("integrations"));
    }

    static String checkedUrl(String url) throws Refused {
        String u = url == null ? "" : url.strip();
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (u.length() > URL_LIMIT || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                throw new Refused(Refused.Reason.INVALID, "webhooks.urlInvalid");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new Refused(Refused.Reason.INVALID, "webhooks.urlInvalid");
        }
    }
}
