package org.babillard.channels.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import org.babillard.channels.control.ChannelNames;
import org.babillard.channels.entity.Channel;
import org.babillard.channels.entity.Membership;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.control.PostText;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Team channels: one per directory group, whose members the directory decides. Called by the directory sync, in
 * its transaction, after it has read the whole directory.
 */
@Stateless
public class TeamChannels {

    /** What one team's sync did to its channel. */
    public record Outcome(boolean created, boolean changed, int added, int removed) {
    }

    @PersistenceContext
    EntityManager em;

    /**
     * Makes a team channel's members those of its directory group (see the other form); the employees are looked
     * up here.
     */
    public Outcome syncTeam(String groupDn, String name, String description, Set<String> memberDns) {
        Map<String, Employee> activeByDn = new HashMap<>();
        for (Employee e : em.createNamedQuery(Employee.ALL, Employee.class).getResultList()) {
            if (e.isActive()) {
                activeByDn.put(e.getDirectoryDn().toLowerCase(Locale.ROOT), e);
            }
        }
        return syncTeam(groupDn, name, description, memberDns, activeByDn);
    }

    /**
     * Makes a team channel's members those of its directory group: creates the channel the first time (or brings
     * it back from the archive when the group reappears), follows the group's name and description, adds the
     * people who joined the group and removes those who left it or the company. Moderators and owners named by
     * hand keep their role while they stay in the group.
     *
     * @param groupDn     the directory group's DN (the channel's key, case-insensitive)
     * @param name        the group's name, as the channel's name
     * @param description the group's description, or null
     * @param memberDns   the DNs of the group's members (nested groups already resolved), any case
     * @param activeByDn  the active employees by lower-case DN: whoever is not in it is no member
     * @return whether the channel was created or changed, and how many people were added and removed
     */
    public Outcome syncTeam(String groupDn, String name, String description, Set<String> memberDns,
                            Map<String, Employee> activeByDn) {
        Instant now = Clock.systemUTC().instant();
        String key = groupDn.toLowerCase(Locale.ROOT);
        String channelName = teamName(name);
        String channelDescription = teamDescription(description);
        // The sync holds every employee and membership in its persistence context: a query that flushed first would
        // compare them all, once per group (16 s of a 21 s sync at 519 groups and 10,000 people). Nothing this
        // query could see is pending: each group comes once, and its channel is looked up before it is created.
        Channel channel = em.createNamedQuery(Channel.BY_GROUP, Channel.class).setParameter("group", key)
                .setFlushMode(FlushModeType.COMMIT).getResultStream().findFirst().orElse(null);
        boolean created = false;
        boolean changed = false;
        if (channel == null) {
            channel = Channel.team(freeSlug(channelName), channelName, channelDescription, key, now);
            em.persist(channel);
            created = true;
        } else {
            if (!channel.getName().equals(channelName) || !Objects.equals(channel.getDescription(), channelDescription)) {
                channel.describe(channelName, channelDescription);
                changed = true;
            }
            if (channel.isArchived()) {
                channel.restore();
                changed = true;
            }
        }
        Set<String> wanted = memberDns.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Map<String, Membership> current = new HashMap<>();
        if (!created) {
            em.createNamedQuery(Membership.MEMBERS, Membership.class).setParameter("channel", channel.getId())
                    .setFlushMode(FlushModeType.COMMIT).getResultList().forEach(m -> current.put(m.getEmployee().getDirectoryDn().toLowerCase(Locale.ROOT), m));
        }
        int added = 0;
        int removed = 0;
        for (Map.Entry<String, Membership> e : current.entrySet()) {
            if (!wanted.contains(e.getKey()) || !e.getValue().getEmployee().isActive()) {
                em.remove(e.getValue());
                removed++;
            }
        }
        for (String dn : wanted) {
            Employee employee = activeByDn.get(dn);
            if (employee != null && !current.containsKey(dn)) {
                em.persist(new Membership(channel, employee, Membership.Role.MEMBER, now));
                added++;
            }
        }
        return new Outcome(created, changed, added, removed);
    }

    /**
     * Archives the team channels whose directory group is no longer among the team groups: their posts stay
     * readable, nobody starts a new thread there. A group that comes back brings its channel back.
     *
     * @param groupDns the DNs of the team groups the directory lists now (any case)
     * @return how many channels were archived
     */
    public int archiveGone(Set<String> groupDns) {
        Set<String> present = groupDns.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Instant now = Clock.systemUTC().instant();
        int archived = 0;
        for (Channel channel : em.createNamedQuery(Channel.TEAMS, Channel.class).getResultList()) {
            if (!channel.isArchived() && !present.contains(channel.getDirectoryGroup())) {
                channel.archive(now);
                archived++;
            }
        }
        return archived;
    }

    /** A directory name that breaks the channel rules (too long, control characters) is cut down, not refused. */
    private static String teamName(String raw) {
        String name = ChannelNames.name(raw, null);
        if (name != null) {
            return name;
        }
        String cut = cut(raw == null ? "" : PostText.normalize(raw).replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip(),
                ChannelNames.NAME_LIMIT);
        return ChannelNames.name(cut, "team");
    }

    private static String teamDescription(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return ChannelNames.description(cut(PostText.normalize(raw), ChannelNames.DESCRIPTION_LIMIT));
        } catch (Refused e) {
            return null;
        }
    }

    private static String cut(String text, int codePoints) {
        return text.codePointCount(0, text.length()) <= codePoints ? text
                : text.substring(0, text.offsetByCodePoints(0, codePoints)).strip();
    }

    private String freeSlug(String name) {
        String base = ChannelNames.slug(name);
        if (base.isEmpty()) {
            base = "team";
        }
        // Another channel may hold the name: "name-team", then "name-team-3"... (short enough to stay unique).
        String stem = base.length() > 48 ? base.substring(0, 48) : base;
        String slug = base;
        for (int i = 2; bySlug(slug).isPresent(); i++) {
            slug = ChannelNames.slug(stem + "-team" + (i == 2 ? "" : "-" + i));
        }
        return slug;
    }

    private Optional<Channel> bySlug(String slug) {
        return em.createNamedQuery(Channel.BY_SLUG, Channel.class).setParameter("slug", slug).getResultStream().findFirst();
    }
}
