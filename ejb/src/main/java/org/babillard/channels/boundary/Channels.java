package org.babillard.channels.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import org.babillard.channels.control.ChannelNames;
import org.babillard.channels.control.UnreadCap;
import org.babillard.channels.entity.Channel;
import org.babillard.channels.entity.ChannelRequest;
import org.babillard.channels.entity.Membership;
import org.babillard.notifications.control.Notifier;
import org.babillard.notifications.entity.Notification;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.Employee;
import org.babillard.people.entity.SearchText;
import org.babillard.platform.boundary.Refused;
import org.babillard.platform.boundary.Settings;
import org.babillard.audit.boundary.AuditLog;
import org.babillard.audit.entity.AuditAction;
import org.babillard.posts.control.PostText;
import org.babillard.posts.control.Visibility;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Channels: creating them, joining and leaving, requests and invitations for private ones, roles, archiving, and
 * what each reader sees of them. A private channel is "not found" for those outside it, except to the person it
 * invited. Team channels follow a directory group and nobody joins or leaves them by hand.
 */
@Stateless
public class Channels {

    /** Unread threads are counted up to this many per channel; pages show "99+" from there. */
    public static final int UNREAD_COUNTED = 100;


    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    People people;

    @Inject
    Visibility visibility;

    @Inject
    UnreadCap unreadCap;

    @Inject
    Notifier notifier;

    /** Creates a channel; its creator becomes its owner. */
    public Channel create(String creatorUsername, String name, String description, Channel.Access access,
                          Channel.Posting posting) throws Refused {
        Employee creator = actor(creatorUsername);
        String cleanName = ChannelNames.name(name);
        String slug = ChannelNames.slug(cleanName);
        if (access == Channel.Access.PRIVATE) {
            // A private channel's address always ends with a random part: it can neither be guessed nor collide
            // with another channel, so creating one tells nothing about the private channels that exist.
            String base = slug;
            do {
                slug = ChannelNames.withSuffix(base);
            } while (bySlug(slug).isPresent());
        } else {
            Optional<Channel> taken = bySlug(slug);
            if (taken.isPresent()) {
                if (visibility.canRead(creator, taken.get())) {
                    throw new Refused(Refused.Reason.ALREADY, "channel.nameTaken");
                }
                // Only a channel made private after it was created can hold a plain address the creator may not
                // see (its address was known while it was open): the new channel gets a random ending.
                do {
                    slug = ChannelNames.withSuffix(ChannelNames.slug(cleanName));
                } while (bySlug(slug).isPresent());
            }
        }
        Instant now = Clock.systemUTC().instant();
        Channel channel = new Channel(slug, cleanName, ChannelNames.description(description), access, posting, creator, now);
        em.persist(channel);
        em.persist(new Membership(channel, creator, Membership.Role.OWNER, now));
        return channel;
    }

    /** Owners rename a channel, change its description or who may read and post. */
    public void update(String ownerUsername, long channelId, long expectedVersion, String name, String description,
                       Channel.Access access, Channel.Posting posting) throws Refused {
        Employee owner = actor(ownerUsername);
        Channel channel = visible(owner, channelId);
        if (!visibility.owns(owner, channel)) {
            throw Refused.notAllowed("manage channel " + channel.getSlug());
        }
        if (channel.getVersion() != expectedVersion) {
            throw new Refused(Refused.Reason.CHANGED_MEANWHILE, "channel " + channel.getSlug());
        }
        String cleanName = ChannelNames.name(name);
        String cleanDescription = ChannelNames.description(description);
        if (channel.isTeam() && access != Channel.Access.OPEN) {
            throw new Refused(Refused.Reason.INVALID, "channel.teamIsOpen");
        }
        channel.describe(cleanName, cleanDescription);
        channel.settings(access, posting);
        try {
            // Writes now, guarded by the version: an owner who saved meanwhile makes this save fail here, cleanly.
            em.flush();
        } catch (OptimisticLockException e) {
            throw new Refused(Refused.Reason.CHANGED_MEANWHILE, "channel " + channel.getSlug());
        }
    }

    /**
     * A channel's owner or an administrator sets how many days its posts stay (null: the company's default).
     *
     * @throws Refused NOT_ALLOWED for anyone else; INVALID {@code settings.outOfRange} outside 1..36500 days
     */
    public void retention(String actorUsername, long channelId, Integer days) throws Refused {
        Employee actor = actor(actorUsername);
        Channel channel = visible(actor, channelId);
        if (!visibility.owns(actor, channel) && !visibility.isAdmin(actor)) {
            throw Refused.notAllowed("retention of channel " + channel.getSlug());
        }
        if (days != null && (days < 1 || days > Settings.Key.RETENTION_DAYS.max())) {
            throw new Refused(Refused.Reason.INVALID, "settings.outOfRange");
        }
        Integer before = channel.getRetentionDays();
        if (java.util.Objects.equals(before, days)) {
            return;
        }
        channel.retention(days);
        audit.record(AuditAction.SETTINGS_CHANGED, actor.getUsername(), "channel " + channel.getSlug(),
                "retention days: " + (before == null ? "(default)" : before) + " → " + (days == null ? "(default)" : days));
    }

    /** Owners archive a channel: it stays readable, nobody posts in it any more. */
    public void archive(String ownerUsername, long channelId, boolean archived) throws Refused {
        Employee owner = actor(ownerUsername);
        Channel channel = visible(owner, channelId);
        if (!visibility.owns(owner, channel) && !visibility.isAdmin(owner)) {
            throw Refused.notAllowed("archive channel " + channel.getSlug());
        }
        if (archived) {
            channel.archive(Clock.systemUTC().instant());
        } else {
            channel.restore();
        }
    }

    /**
     * Joins an open channel, accepts an invitation to a private one, or asks its owners to be let in.
     *
     * @return true when the employee is now a member, false when the request waits for an owner
     */
    public boolean join(String username, long channelId) throws Refused {
        Employee employee = actor(username);
        Channel channel = em.find(Channel.class, channelId);
        Optional<ChannelRequest> pending = channel == null ? Optional.empty() : request(channel, employee);
        boolean invited = pending.map(r -> r.getKind() == ChannelRequest.Kind.INVITATION).orElse(false);
        // Administrators see private channels (details, members) without reading them: they may ask to join.
        if (channel == null || (channel.isPrivate() && !invited && !visibility.canRead(employee, channel)
                && !visibility.isAdmin(employee))) {
            throw Refused.notFound("channel " + channelId);
        }
        if (visibility.membership(channel, employee).isPresent()) {
            return true;
        }
        if (channel.isTeam()) {
            throw new Refused(Refused.Reason.INVALID, "channel.teamManaged");
        }
        if (channel.isArchived()) {
            throw new Refused(Refused.Reason.ARCHIVED, channel.getSlug());
        }
        Instant now = Clock.systemUTC().instant();
        if (!channel.isPrivate() || invited) {
            pending.ifPresent(em::remove);
            em.persist(new Membership(channel, employee, Membership.Role.MEMBER, now));
            return true;
        }
        if (pending.isPresent()) {
            throw new Refused(Refused.Reason.ALREADY, "channel.alreadyRequested");
        }
        em.persist(new ChannelRequest(channel, employee, ChannelRequest.Kind.REQUEST, employee, now));
        for (Membership owner : owners(channel)) {
            notifier.notify(owner.getEmployee(), Notification.Kind.JOIN_REQUEST, employee, null, channel);
        }
        return false;
    }

    /**
     * Someone outside a private channel, who was sent its address, asks its owners to be let in. The answer is
     * the same whether the channel exists or not, so that the address reveals nothing: the owners, if any,
     * get a notification.
     */
    public void askToJoin(String username, String slug) {
        Employee employee = actor(username);
        Optional<Channel> channel = bySlug(slug == null ? "" : slug);
        if (channel.isEmpty() || !channel.get().isPrivate() || channel.get().isArchived() || channel.get().isTeam()
                || visibility.membership(channel.get(), employee).isPresent()
                || request(channel.get(), employee).isPresent()) {
            return;
        }
        em.persist(new ChannelRequest(channel.get(), employee, ChannelRequest.Kind.REQUEST, employee, Clock.systemUTC().instant()));
        for (Membership owner : owners(channel.get())) {
            notifier.notify(owner.getEmployee(), Notification.Kind.JOIN_REQUEST, employee, null, channel.get());
        }
    }

    /** Leaves a channel, or withdraws a request to join, or declines an invitation. */
    public void leave(String username, long channelId) throws Refused {
        Employee employee = actor(username);
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null) {
            throw Refused.notFound("channel " + channelId);
        }
        Optional<ChannelRequest> pending = request(channel, employee);
        if (pending.isPresent()) {
            em.remove(pending.get());
            return;
        }
        Membership membership = visibility.membership(channel, employee)
                .orElseThrow(() -> Refused.notFound("channel " + channelId));
        if (channel.isTeam()) {
            throw new Refused(Refused.Reason.INVALID, "channel.teamManaged");
        }
        if (membership.getRole() == Membership.Role.OWNER && owners(channel).size() == 1) {
            throw new Refused(Refused.Reason.INVALID, "channel.lastOwner");
        }
        em.remove(membership);
    }

    /** Members of an open channel and owners of a private one invite a colleague. */
    public void invite(String inviterUsername, long channelId, String inviteeUsername) throws Refused {
        Employee inviter = actor(inviterUsername);
        Channel channel = visible(inviter, channelId);
        Optional<Membership> inviterIn = visibility.membership(channel, inviter);
        boolean may = channel.isPrivate() ? visibility.owns(inviter, channel) : inviterIn.isPresent() || visibility.isAdmin(inviter);
        if (!may || channel.isTeam()) {
            throw Refused.notAllowed("invite to " + channel.getSlug());
        }
        if (channel.isArchived()) {
            throw new Refused(Refused.Reason.ARCHIVED, channel.getSlug());
        }
        Employee invitee = people.find(inviteeUsername).filter(Employee::isActive)
                .orElseThrow(() -> new Refused(Refused.Reason.INVALID, "channel.noSuchPerson"));
        if (visibility.membership(channel, invitee).isPresent()) {
            throw new Refused(Refused.Reason.ALREADY, "channel.alreadyMember");
        }
        Optional<ChannelRequest> pending = request(channel, invitee);
        Instant now = Clock.systemUTC().instant();
        if (pending.isPresent() && pending.get().getKind() == ChannelRequest.Kind.REQUEST) {
            // They had asked already: inviting them lets them in.
            em.remove(pending.get());
            em.persist(new Membership(channel, invitee, Membership.Role.MEMBER, now));
            notifier.notify(invitee, Notification.Kind.JOINED, inviter, null, channel);
            return;
        }
        if (pending.isPresent()) {
            throw new Refused(Refused.Reason.ALREADY, "channel.alreadyInvited");
        }
        em.persist(new ChannelRequest(channel, invitee, ChannelRequest.Kind.INVITATION, inviter, now));
        notifier.notify(invitee, Notification.Kind.INVITATION, inviter, null, channel);
    }

    /** An owner lets in someone who asked to join. */
    public void approve(String ownerUsername, long channelId, String requesterUsername) throws Refused {
        Employee owner = actor(ownerUsername);
        Channel channel = visible(owner, channelId);
        if (!visibility.owns(owner, channel)) {
            throw Refused.notAllowed("approve for " + channel.getSlug());
        }
        Employee requester = people.find(requesterUsername)
                .orElseThrow(() -> Refused.notFound("request of " + requesterUsername));
        ChannelRequest request = request(channel, requester)
                .filter(r -> r.getKind() == ChannelRequest.Kind.REQUEST)
                .orElseThrow(() -> Refused.notFound("request of " + requesterUsername));
        em.remove(request);
        if (requester.isActive()) {
            em.persist(new Membership(channel, requester, Membership.Role.MEMBER, Clock.systemUTC().instant()));
            notifier.notify(requester, Notification.Kind.JOINED, owner, null, channel);
        }
    }

    /** An owner turns down a request to join, or withdraws an invitation. */
    public void deny(String ownerUsername, long channelId, String requesterUsername) throws Refused {
        Employee owner = actor(ownerUsername);
        Channel channel = visible(owner, channelId);
        if (!visibility.owns(owner, channel)) {
            throw Refused.notAllowed("deny for " + channel.getSlug());
        }
        Employee requester = people.find(requesterUsername)
                .orElseThrow(() -> Refused.notFound("request of " + requesterUsername));
        em.remove(request(channel, requester).orElseThrow(() -> Refused.notFound("request of " + requesterUsername)));
    }

    /** An owner makes a member a moderator or an owner, or back a member. */
    public void role(String ownerUsername, long channelId, String memberUsername, Membership.Role role) throws Refused {
        Employee owner = actor(ownerUsername);
        Channel channel = visible(owner, channelId);
        if (!visibility.owns(owner, channel)) {
            throw Refused.notAllowed("roles in " + channel.getSlug());
        }
        Employee member = people.find(memberUsername).orElseThrow(() -> Refused.notFound("member " + memberUsername));
        Membership membership = visibility.membership(channel, member)
                .orElseThrow(() -> Refused.notFound("member " + memberUsername));
        if (membership.getRole() == Membership.Role.OWNER && role != Membership.Role.OWNER && owners(channel).size() == 1
                && !channel.isTeam()) {
            throw new Refused(Refused.Reason.INVALID, "channel.lastOwner");
        }
        membership.role(role);
    }

    /** Owners and moderators remove a member (never from a team channel: the directory decides). */
    public void remove(String moderatorUsername, long channelId, String memberUsername) throws Refused {
        Employee moderator = actor(moderatorUsername);
        Channel channel = visible(moderator, channelId);
        if (!visibility.canModerate(moderator, channel) || channel.isTeam()) {
            throw Refused.notAllowed("remove from " + channel.getSlug());
        }
        Employee member = people.find(memberUsername).orElseThrow(() -> Refused.notFound("member " + memberUsername));
        Membership membership = visibility.membership(channel, member)
                .orElseThrow(() -> Refused.notFound("member " + memberUsername));
        if (membership.getRole() == Membership.Role.OWNER && !visibility.owns(moderator, channel)) {
            throw Refused.notAllowed("remove an owner of " + channel.getSlug());
        }
        if (membership.getRole() == Membership.Role.OWNER && owners(channel).size() == 1) {
            throw new Refused(Refused.Reason.INVALID, "channel.lastOwner");
        }
        em.remove(membership);
    }

    /** A channel by its address, as this reader sees it; a private channel outside the reader's reach is not found. */
    public ChannelDetails details(String readerUsername, String slug) throws Refused {
        Employee reader = actor(readerUsername);
        Channel channel = bySlug(slug).orElseThrow(() -> Refused.notFound("channel " + slug));
        Optional<ChannelRequest> pending = request(channel, reader);
        boolean invited = pending.map(r -> r.getKind() == ChannelRequest.Kind.INVITATION).orElse(false);
        if (!visibility.canRead(reader, channel) && !invited && !visibility.isAdmin(reader)) {
            throw Refused.notFound("channel " + slug);
        }
        Optional<Membership> membership = visibility.membership(channel, reader);
        ChannelSummary summary = summary(channel, membership, pending, unread(reader).getOrDefault(channel.getId(), 0L));
        boolean member = membership.isPresent();
        boolean canLeave = member && !channel.isTeam();
        boolean canJoin = !member && !channel.isTeam() && !channel.isArchived();
        return new ChannelDetails(summary, channel.getVersion(), visibility.canStartThread(reader, channel),
                visibility.owns(reader, channel), visibility.canModerate(reader, channel), canJoin, canLeave,
                visibility.owns(reader, channel) || visibility.isAdmin(reader), channel.getRetentionDays());
    }

    public Optional<Channel> find(String slug) {
        return bySlug(slug);
    }

    /**
     * The channels this reader may see: open ones, their own, and private ones they were invited to or asked to
     * join, with their unread counts. Members' channels come first.
     */
    public List<ChannelSummary> list(String readerUsername) {
        Employee reader = actor(readerUsername);
        Map<Long, Membership> mine = new HashMap<>();
        em.createNamedQuery(Membership.MINE, Membership.class).setParameter("employee", reader.getId())
                .getResultList().forEach(m -> mine.put(m.getChannel().getId(), m));
        Map<Long, ChannelRequest> pending = new HashMap<>();
        em.createQuery("select r from ChannelRequest r join fetch r.channel where r.employee.id = :employee", ChannelRequest.class)
                .setParameter("employee", reader.getId()).getResultList()
                .forEach(r -> pending.put(r.getChannel().getId(), r));
        Map<Long, Long> unread = unread(reader);
        Map<Long, Long> counts = new HashMap<>();
        em.createQuery("select m.channel.id, count(m) from Membership m group by m.channel.id", Object[].class)
                .getResultList().forEach(r -> counts.put((Long) r[0], (Long) r[1]));
        List<Channel> channels = em.createNamedQuery(Channel.OPEN_OR_MINE, Channel.class)
                .setParameter("me", reader.getId()).getResultList();
        List<ChannelSummary> visible = new java.util.ArrayList<>();
        for (Channel c : channels) {
            visible.add(summary(c, Optional.ofNullable(mine.get(c.getId())), Optional.ofNullable(pending.get(c.getId())),
                    unread.getOrDefault(c.getId(), 0L), counts.getOrDefault(c.getId(), 0L)));
        }
        for (ChannelRequest r : pending.values()) {
            // Invitations only: a request may come from askToJoin on a guessed address, and listing it would tell
            // the guesser that the private channel exists.
            if (r.getChannel().isPrivate() && r.getKind() == ChannelRequest.Kind.INVITATION
                    && !mine.containsKey(r.getChannel().getId())) {
                visible.add(summary(r.getChannel(), Optional.empty(), Optional.of(r), 0,
                        counts.getOrDefault(r.getChannel().getId(), 0L)));
            }
        }
        visible.sort(java.util.Comparator.comparing((ChannelSummary s) -> !s.isMember())
                .thenComparing(s -> s.name().toLowerCase(Locale.ROOT)));
        return visible;
    }

    /**
     * The channels this employee may start a thread in (their channels, not archived; announcement channels only
     * where they moderate), by name: where they may post or share a post.
     */
    public List<ChannelSummary> postable(String username) {
        Employee employee = actor(username);
        return em.createNamedQuery(Membership.MINE, Membership.class).setParameter("employee", employee.getId())
                .getResultList().stream()
                .filter(m -> visibility.canStartThread(employee, m.getChannel()))
                .map(m -> summary(m.getChannel(), Optional.of(m), Optional.empty(), 0))
                .sorted(java.util.Comparator.comparing(s -> s.name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** Channels whose name starts with the words typed, among those the reader may see: for autocomplete. */
    public List<ChannelSummary> suggest(String readerUsername, String typed, int limit) {
        Employee reader = actor(readerUsername);
        String q = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT).replace("\\", "").replace("%", "").replace("_", "");
        return em.createNamedQuery(Channel.SEARCH_VISIBLE, Channel.class)
                .setParameter("q", "%" + q + "%").setParameter("me", reader.getId())
                .setMaxResults(Math.max(1, Math.min(limit, 50))).getResultList().stream()
                .map(c -> summary(c, visibility.membership(c, reader), Optional.empty(), 0)).toList();
    }

    /** Members, owners first, then requests and invitations (these only for the channel's owners). */
    public List<ChannelMember> members(String readerUsername, long channelId) throws Refused {
        Employee reader = actor(readerUsername);
        Channel channel = visible(reader, channelId);
        List<ChannelMember> members = new java.util.ArrayList<>(em.createNamedQuery(Membership.MEMBERS, Membership.class)
                .setParameter("channel", channelId).getResultList().stream()
                .map(m -> new ChannelMember(m.getEmployee().getUsername(), m.getEmployee().getDisplayName(),
                        m.getEmployee().getTitle(), m.getRole().name(), m.getEmployee().isActive(),
                        m.getEmployee().statusAt(java.time.Clock.systemUTC().instant())))
                .toList());
        if (visibility.owns(reader, channel)) {
            em.createNamedQuery(ChannelRequest.OF_CHANNEL, ChannelRequest.class).setParameter("channel", channelId)
                    .getResultList().forEach(r -> members.add(new ChannelMember(r.getEmployee().getUsername(),
                            r.getEmployee().getDisplayName(), r.getEmployee().getTitle(), r.getKind().name(),
                            r.getEmployee().isActive(), null)));
        }
        return members;
    }

    /**
     * The team channels (from the directory's groups) a person belongs to, for their profile. Team channels are
     * open, so anyone may see who is in them.
     */
    public List<ChannelSummary> teamsOf(String readerUsername, String username) {
        Employee reader = actor(readerUsername);
        Optional<Employee> person = people.find(username);
        if (person.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(Membership.TEAMS_OF, Channel.class).setParameter("employee", person.get().getId())
                .getResultList().stream().filter(c -> visibility.canRead(reader, c))
                .map(c -> summary(c, visibility.membership(c, reader), Optional.empty(), 0)).toList();
    }

    /**
     * The channels suggested to a newcomer: their team channels (from the directory's groups, which they are in
     * already: the directory decides them), then the open channels with the most posts in the last 30 days, then
     * the open channels with the most members. Never archived ones; those they are in marked as such.
     */
    public List<ChannelSummary> suggestedFor(String username, int limit) {
        Employee reader = actor(username);
        Map<Long, Channel> chosen = new java.util.LinkedHashMap<>();
        em.createNamedQuery(Membership.TEAMS_OF, Channel.class).setParameter("employee", reader.getId())
                .getResultStream().forEach(c -> chosen.putIfAbsent(c.getId(), c));
        String open = " from Post p join p.channel c where c.access = org.babillard.channels.entity.Channel.Access.OPEN"
                + " and c.archivedAt is null and c.directoryGroup is null";
        java.time.OffsetDateTime since = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(30);
        em.createQuery("select c.id, count(p)" + open + " and p.createdAt > :since and p.deletedAt is null"
                        + " group by c.id order by count(p) desc", Object[].class)
                .setParameter("since", since).setMaxResults(limit).getResultList()
                .forEach(r -> chosen.computeIfAbsent((Long) r[0], id -> em.find(Channel.class, id)));
        if (chosen.size() < limit) {
            em.createQuery("select c.id, count(m) from Membership m join m.channel c"
                            + " where c.access = org.babillard.channels.entity.Channel.Access.OPEN"
                            + " and c.archivedAt is null and c.directoryGroup is null group by c.id order by count(m) desc", Object[].class)
                    .setMaxResults(limit).getResultList()
                    .forEach(r -> chosen.computeIfAbsent((Long) r[0], id -> em.find(Channel.class, id)));
        }
        return chosen.values().stream()
                .filter(c -> !c.isArchived() && visibility.canRead(reader, c))
                .limit(Math.max(0, limit))
                .map(c -> summary(c, visibility.membership(c, reader), Optional.empty(), 0)).toList();
    }

    /** Marks the channel read up to this post for the reader (a member). */
    public void markRead(String readerUsername, long channelId, long upToPostId) {
        Employee reader = actor(readerUsername);
        Channel channel = em.find(Channel.class, channelId);
        if (channel != null) {
            visibility.membership(channel, reader).ifPresent(m -> m.readUpTo(upToPostId));
        }
    }

    /** Unread posts per channel for this reader, only channels with some. */
    public Map<Long, Long> unread(String readerUsername) {
        return unread(actor(readerUsername));
    }

    /**
     * Total unread posts in the reader's channels, counted up to {@link #UNREAD_COUNTED} (the top bar shows "99+"
     * beyond): once that many are found, the channels left are not counted, and while the reader's memberships stay
     * as they were then, the cap is not counted again ({@link UnreadCap}).
     */
    public long unreadTotal(String readerUsername) {
        return unreadTotal(actor(readerUsername));
    }

    /** {@link #unreadTotal(String)} for an employee already read (the top bar's look-ups in one transaction). */
    public long unreadTotal(Employee reader) {
        if (!reader.isActive()) {
            throw new IllegalStateException(reader.getUsername() + " no longer works here");
        }
        List<Object[]> memberships = memberships(reader);
        List<Long> key = UnreadCap.key(memberships);
        if (unreadCap.holds(reader.getId(), key)) {
            return UNREAD_COUNTED;
        }
        long total = 0;
        for (Object[] m : memberships) {
            total += unreadIn(reader, m, UNREAD_COUNTED - total);
            if (total >= UNREAD_COUNTED) {
                unreadCap.reached(reader.getId(), key);
                break;
            }
        }
        return total;
    }

    private ChannelSummary summary(Channel c, Optional<Membership> membership, Optional<ChannelRequest> pending, long unread) {
        long members = em.createNamedQuery(Membership.COUNT, Long.class).setParameter("channel", c.getId()).getSingleResult();
        return summary(c, membership, pending, unread, members);
    }

    private static ChannelSummary summary(Channel c, Optional<Membership> membership, Optional<ChannelRequest> pending,
                                          long unread, long members) {
        return new ChannelSummary(c.getId(), c.getSlug(), c.getName(), c.getDescription(), c.isPrivate(),
                c.isAnnouncements(), c.isTeam(), c.isArchived(), membership.map(m -> m.getRole().name()).orElse(null),
                pending.map(r -> r.getKind() == ChannelRequest.Kind.REQUEST).orElse(false),
                pending.map(r -> r.getKind() == ChannelRequest.Kind.INVITATION).orElse(false),
                members, membership.isPresent() ? unread : 0);
    }

    /**
     * Unread threads per channel, each counted up to {@link #UNREAD_COUNTED} (pages show "99+" beyond): a person who
     * never opened a busy channel made every page count all its posts (at 1,000,000 posts, most of the load test's
     * requests waited on these counts, docs/reliability.md). One range of post_channel_idx of at most that many posts
     * per channel; "first post" is written so that no index serves it (with {@code reply_to_id IS NULL} H2 read the
     * reply foreign key's index, every first post of the table, docs/benchmarks.md).
     */
    private Map<Long, Long> unread(Employee reader) {
        Map<Long, Long> unread = new HashMap<>();
        for (Object[] m : memberships(reader)) {
            long count = unreadIn(reader, m, UNREAD_COUNTED);
            if (count > 0) {
                unread.put((Long) m[0], count);
            }
        }
        return unread;
    }

    /** The reader's memberships: channel id and the last post read. */
    private List<Object[]> memberships(Employee reader) {
        return em.createQuery("select m.channel.id, m.lastReadPost from Membership m where m.employee.id = :employee",
                Object[].class).setParameter("employee", reader.getId()).getResultList();
    }

    /** The unread threads of one membership (channel id, last post read), counted up to {@code most}. */
    private long unreadIn(Employee reader, Object[] membership, long most) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM (SELECT p.id FROM post p WHERE p.channel_id = ?"
                        + " AND p.id > ? AND p.author_id <> ? AND p.deleted_at IS NULL AND p.hidden_at IS NULL"
                        + " AND (p.reply_to_id IS NULL OR p.id < 0) LIMIT " + most + ") u")
                .setParameter(1, membership[0]).setParameter(2, membership[1]).setParameter(3, reader.getId())
                .getSingleResult()).longValue();
    }

    private Channel visible(Employee reader, long channelId) throws Refused {
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null || !(visibility.canRead(reader, channel) || visibility.isAdmin(reader))) {
            throw Refused.notFound("channel " + channelId);
        }
        return channel;
    }

    private Optional<Channel> bySlug(String slug) {
        return em.createNamedQuery(Channel.BY_SLUG, Channel.class).setParameter("slug", slug).getResultStream().findFirst();
    }

    private Optional<ChannelRequest> request(Channel channel, Employee employee) {
        return em.createNamedQuery(ChannelRequest.OF, ChannelRequest.class)
                .setParameter("channel", channel.getId()).setParameter("employee", employee.getId())
                .getResultStream().findFirst();
    }

    private List<Membership> owners(Channel channel) {
        return em.createNamedQuery(Membership.OWNERS, Membership.class).setParameter("channel", channel.getId()).getResultList();
    }

    private Employee actor(String username) {
        Employee employee = people.find(username).orElseThrow(() -> new IllegalArgumentException("No employee " + username));
        if (!employee.isActive()) {
            throw new IllegalStateException(username + " no longer works here");
        }
        return employee;
    }
}
