package org.babillard.integrations.boundary;

import org.babillard.audit.entity.AuditAction;
import org.babillard.audit.boundary.AuditLog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.api.boundary.IssuedToken;
import org.babillard.api.boundary.OAuth;
import org.babillard.api.boundary.OAuthRefused;
import org.babillard.channels.entity.Channel;
import org.babillard.channels.entity.Membership;
import org.babillard.integrations.control.ChannelIntegrations;
import org.babillard.integrations.entity.IncomingWebhook;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.control.PostText;
import org.babillard.posts.control.Visibility;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Bots, for administrators: accounts for programs (an ERP, a CI server, monitoring) that post into the channels
 * they were let into, with API tokens of chosen scopes. A bot is an employee row marked as a bot, so that its posts
 * are read, rendered, searched and served by the API like anyone's; the directory sync, the people directory and
 * logins leave it aside (docs/integrations.md).
 */
@Stateless
public class Bots {

    private static final Logger LOG = Logger.getLogger(Bots.class.getName());
    /** A bot's handle: lower-case letters, digits, dots, dashes and underscores, 2 to 40 characters. */
    static final Pattern HANDLE = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
    static final int NAME_LIMIT = 100;
    static final int DESCRIPTION_LIMIT = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    People people;

    @Inject
    Visibility visibility;

    @Inject
    OAuth oauth;

    @Inject
    ChannelIntegrations integrations;

    /** The bots not deleted, by name. */
    public List<BotView> list(String adminUsername) throws Refused {
        admin(adminUsername);
        return em.createNamedQuery(Employee.BOTS, Employee.class).getResultList().stream().map(this::view).toList();
    }

    public BotView bot(String adminUsername, String botUsername) throws Refused {
        admin(adminUsername);
        return view(bot(botUsername));
    }

    /**
     * Creates a bot.
     *
     * @throws Refused INVALID: {@code bots.handleInvalid}, {@code bots.nameMissing}, {@code bots.descriptionTooLong};
     *                 ALREADY: {@code bots.handleTaken} when anyone (a person or a bot) already has that name
     */
    public BotView create(String adminUsername, String handle, String name, String description) throws Refused {
        Employee admin = admin(adminUsername);
        String username = handle == null ? "" : handle.strip().toLowerCase(Locale.ROOT);
        if (username.startsWith("@")) {
            username = username.substring(1);
        }
        if (!HANDLE.matcher(username).matches()) {
            throw new Refused(Refused.Reason.INVALID, "bots.handleInvalid");
        }
        String displayName = checkedName(name);
        String about = checkedDescription(description);
        if (people.find(username).isPresent()) {
            // A person of the directory (or a former one) or another bot: a handle names one account only.
            throw new Refused(Refused.Reason.ALREADY, "bots.handleTaken");
        }
        Employee bot = Employee.bot(username, displayName, about, now());
        em.persist(bot);
        em.flush();
        bot.botApp(oauth.botApp(username));
        String botName = username;
        LOG.info(() -> "Bot @" + botName + " created by " + admin.getUsername());
        audit.record(AuditAction.BOT_CREATED, admin.getUsername(), botName, name);
        return view(bot);
    }

    public void describe(String adminUsername, String botUsername, String name, String description) throws Refused {
        admin(adminUsername);
        bot(botUsername).describeBot(checkedName(name), checkedDescription(description));
    }

    /** Lets the bot post into a channel (it becomes a member). A private channel's bots are its own managers' choice. */
    public void allow(String adminUsername, String botUsername, long channelId) throws Refused {
        Employee admin = admin(adminUsername);
        Employee bot = bot(botUsername);
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null || !visibility.canRead(admin, channel)) {
            throw Refused.notFound("channel " + channelId);
        }
        if (!integrations.manages(admin, channel)) {
            throw Refused.notAllowed("bots in " + channel.getSlug());
        }
        integrations.letIn(channel, bot);
    }

    /** The bot may no longer post into the channel; its incoming webhooks there are deleted. */
    public void disallow(String adminUsername, String botUsername, long channelId) throws Refused {
        Employee admin = admin(adminUsername);
        Employee bot = bot(botUsername);
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null || visibility.membership(channel, bot).isEmpty()) {
            throw Refused.notFound("channel " + channelId);
        }
        if (!integrations.manages(admin, channel)) {
            throw Refused.notAllowed("bots in " + channel.getSlug());
        }
        visibility.membership(channel, bot).ifPresent(em::remove);
        em.createNamedQuery(IncomingWebhook.OF_BOT, IncomingWebhook.class).setParameter("bot", bot.getId())
                .getResultStream().filter(h -> h.getChannel().getId().equals(channel.getId())).forEach(em::remove);
    }

    /**
     * A new token for the bot, its value returned this once (only its hash is kept).
     *
     * @throws Refused INVALID {@code bots.scopeInvalid} for a scope Mastodon does not know
     */
    public IssuedToken token(String adminUsername, String botUsername, String scopes) throws Refused {
        Employee admin = admin(adminUsername);
        Employee bot = bot(botUsername);
        try {
            IssuedToken token = oauth.botToken(bot, scopes == null || scopes.isBlank() ? "write:statuses" : scopes);
            LOG.info(() -> "Token (" + token.scope() + ") for bot @" + bot.getUsername() + " created by " + admin.getUsername());
            audit.record(AuditAction.BOT_TOKEN_CREATED, admin.getUsername(), bot.getUsername(), "scopes: " + token.scope());
            return token;
        } catch (OAuthRefused e) {
            throw new Refused(Refused.Reason.INVALID, "bots.scopeInvalid");
        }
    }

    public void revoke(String adminUsername, String botUsername, long tokenId) throws Refused {
        admin(adminUsername);
        oauth.disconnect(bot(botUsername).getUsername(), tokenId);
        audit.record(AuditAction.BOT_TOKEN_REVOKED, adminUsername, botUsername, "token " + tokenId);
    }

    /** Switches the bot off (its tokens and webhooks stop working, its posts stay) or on again. */
    public void enable(String adminUsername, String botUsername, boolean enabled) throws Refused {
        admin(adminUsername);
        bot(botUsername).botEnabled(enabled);
    }

    /**
     * Deletes the bot: its tokens are revoked, its webhooks deleted, it leaves its channels; its posts stay, like a
     * former employee's. Its handle stays taken, so that its posts are never taken for someone else's.
     */
    public void delete(String adminUsername, String botUsername) throws Refused {
        admin(adminUsername);
        Employee bot = bot(botUsername);
        Instant now = now();
        oauth.connected(bot.getUsername()).forEach(t -> oauth.disconnect(bot.getUsername(), t.tokenId()));
        em.createNamedQuery(IncomingWebhook.OF_BOT, IncomingWebhook.class).setParameter("bot", bot.getId())
                .getResultList().forEach(em::remove);
        em.createQuery("select m from Membership m where m.employee.id = :bot", Membership.class)
                .setParameter("bot", bot.getId()).getResultList().forEach(em::remove);
        bot.left(now);
        audit.record(AuditAction.BOT_DELETED, adminUsername, bot.getUsername(), null);
    }

    /** The usernames of all bots, deleted ones included (their posts still carry the badge). */
    public Set<String> usernames() {
        return Set.copyOf(em.createQuery("select e.username from Employee e where e.botSince is not null", String.class)
                .getResultList());
    }

    /** The bots a channel's managers may bind a webhook to: those switched on. */
    public List<BotView> enabled() {
        return em.createNamedQuery(Employee.BOTS, Employee.class).getResultList().stream().filter(Employee::isActive)
                .map(this::view).toList();
    }

    private BotView view(Employee bot) {
        List<ChannelRef> channels = em.createQuery("""
                        select m.channel from Membership m where m.employee.id = :bot order by m.channel.name""", Channel.class)
                .setParameter("bot", bot.getId()).getResultStream()
                .map(c -> new ChannelRef(c.getId(), c.getSlug(), c.getName(), c.isPrivate())).toList();
        return new BotView(bot.getUsername(), bot.getDisplayName(), bot.getBotDescription(), bot.isActive(), channels,
                oauth.connected(bot.getUsername()));
    }

    private Employee bot(String username) throws Refused {
        return people.find(username).filter(Employee::isBot).filter(e -> !e.isBotDeleted())
                .orElseThrow(() -> Refused.notFound("bot " + username));
    }

    private Employee admin(String username) throws Refused {
        Employee admin = people.find(username).orElseThrow(() -> Refused.notAllowed("bots"));
        if (!visibility.isAdmin(admin)) {
            throw Refused.notAllowed("bots");
        }
        return admin;
    }

    private static String checkedName(String name) throws Refused {
        String n = name == null ? "" : PostText.normalize(name);
        if (n.isEmpty() || n.codePointCount(0, n.length()) > NAME_LIMIT || n.contains("\n")) {
            throw new Refused(Refused.Reason.INVALID, "bots.nameMissing");
        }
        return n;
    }

    private static String checkedDescription(String description) throws Refused {
        String d = description == null ? "" : PostText.normalize(description);
        if (d.codePointCount(0, d.length()) > DESCRIPTION_LIMIT) {
            throw new Refused(Refused.Reason.INVALID, "bots.descriptionTooLong");
        }
        return d.isEmpty() ? null : d;
    }

    private static Instant now() {
        return Clock.systemUTC().instant();
    }
}
