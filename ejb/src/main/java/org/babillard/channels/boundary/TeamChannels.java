package org.babillard.channels.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.channels.control.ChannelNames;
import org.babillard.channels.entity.Channel;
import org.babillard.channels.entity.Membership;
import org.babillard.people.entity.Employee;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Team channels: one per directory group, whose members the directory decides. Called by the directory sync. */
@Stateless
public class TeamChannels {

    @PersistenceContext
    EntityManager em;

    /**
     * Makes a team channel's members those of its directory group: creates the channel the first time, adds the
     * people who joined the group and removes those who left it. Moderators and owners named by hand keep their
     * role while they stay in the group.
     *
     * @param groupDn      the directory group's DN (the channel's key)
     * @param name         the group's name, as the channel's name
     * @param description  the group's description, or null
     * @param memberDns    the DNs of the group's members (nested groups already resolved)
     * @return how many people were added and removed
     */
    public int[] syncTeam(String groupDn, String name, String description, Set<String> memberDns) {
        Instant now = Clock.systemUTC().instant();
        String key = groupDn.toLowerCase(Locale.ROOT);
        Channel channel = em.createNamedQuery(Channel.BY_GROUP, Channel.class).setParameter("group", key)
                .getResultStream().findFirst().orElse(null);
        if (channel == null) {
            String slug = ChannelNames.slug(name);
            if (bySlug(slug).isPresent()) {
                slug = ChannelNames.slug(name + "-team");
                for (int i = 2; bySlug(slug).isPresent(); i++) {
                    slug = ChannelNames.slug(name + "-team-" + i);
                }
            }
            channel = Channel.team(slug, ChannelNames.name(name, name), description, key, now);
            em.persist(channel);
        } else if (!channel.getName().equals(name) || !java.util.Objects.equals(channel.getDescription(), description)) {
            channel.describe(ChannelNames.name(name, channel.getName()), description);
        }
        Set<String> wanted = memberDns.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Map<String, Membership> current = new HashMap<>();
        if (channel.getId() != null) {
            em.createNamedQuery(Membership.MEMBERS, Membership.class).setParameter("channel", channel.getId())
                    .getResultList().forEach(m -> current.put(m.getEmployee().getDirectoryDn().toLowerCase(Locale.ROOT), m));
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
            if (current.containsKey(dn)) {
                continue;
            }
            Optional<Employee> employee = em.createNamedQuery(Employee.FIND_BY_DN, Employee.class).setParameter("dn", dn)
                    .getResultStream().filter(Employee::isActive).findFirst();
            if (employee.isPresent()) {
                em.persist(new Membership(channel, employee.get(), Membership.Role.MEMBER, now));
                added++;
            }
        }
        return new int[]{added, removed};
    }

    private Optional<Channel> bySlug(String slug) {
        return em.createNamedQuery(Channel.BY_SLUG, Channel.class).setParameter("slug", slug).getResultStream().findFirst();
    }
}
