package org.babillard.posts.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.channels.entity.Channel;
import org.babillard.channels.entity.Membership;
import org.babillard.people.entity.Employee;
import org.babillard.posts.entity.Post;

import java.util.Optional;

/**
 * The one place that says who may read, write and moderate what. Every boundary asks here, and every timeline
 * query carries {@link #READABLE}, the same rule in JPQL, so that a page, a count, a notification and a search
 * all agree.
 */
@Dependent
public class Visibility {

    public static final String ADMIN = "admin";

    /**
     * JPQL: post {@code p}, whose channel is left-joined as {@code c}, is readable by {@code :reader} (an
     * employee id): not deleted, not hidden, and company-wide, in an open channel, or in a channel the reader
     * belongs to; and, for its audience, a notebook entry only by its author, a post for the people mentioned only
     * by the thread's author and the people its first post mentions; and a share (or a reply in a share's thread)
     * only by those who may also read the original by the same rule.
     */
    public static final String READABLE = readable("p", "c", "") + """

             and (p.readableWith is null or exists (select rwp from Post rwp left join rwp.channel rwc
                  where rwp = p.readableWith and """ + readable("rwp", "rwc", "rw") + "))";

    /**
     * The rule for one post {@code p} in channel {@code c}, its subqueries' aliases suffixed with {@code x} so that
     * the rule can be nested. Java's {@link #canRead(Employee, Post)} says the same.
     */
    private static String readable(String p, String c, String x) {
        // The leading space: a text block loses its first line's indentation, and the rule follows an "and".
        return " " + """
                 {p}.deletedAt is null and {p}.hiddenAt is null
                 and not exists (select th{x} from Post th{x} where th{x} = {p}.thread and th{x}.hiddenAt is not null)
                 and ({c} is null or {c}.access = org.babillard.channels.entity.Channel.Access.OPEN
                      or exists (select vm{x} from Membership vm{x} where vm{x}.channel = {c} and vm{x}.employee.id = :reader))
                 and ({p}.audience = org.babillard.posts.entity.Post.Audience.COMPANY
                      or ({p}.audience = org.babillard.posts.entity.Post.Audience.NOTEBOOK and {p}.author.id = :reader)
                      or ({p}.audience = org.babillard.posts.entity.Post.Audience.MENTIONED and {p}.thread is null
                          and ({p}.author.id = :reader
                               or exists (select vmn{x} from Mention vmn{x} where vmn{x}.post = {p} and vmn{x}.employee.id = :reader)))
                      or ({p}.audience = org.babillard.posts.entity.Post.Audience.MENTIONED
                          and exists (select vmt{x} from Post vmt{x} where vmt{x} = {p}.thread and (vmt{x}.author.id = :reader
                               or exists (select vmm{x} from Mention vmm{x} where vmm{x}.post = vmt{x} and vmm{x}.employee.id = :reader)))))"""
                .replace("{p}", p).replace("{c}", c).replace("{x}", x);
    }

    /** JPQL: post {@code p} is for everyone who may read its channel (no chosen audience narrows it). */
    public static final String PUBLIC_AUDIENCE = "p.audience = org.babillard.posts.entity.Post.Audience.COMPANY";

    @PersistenceContext
    EntityManager em;

    public Optional<Membership> membership(Channel channel, Employee employee) {
        if (channel == null || employee == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(Membership.OF, Membership.class)
                .setParameter("channel", channel.getId())
                .setParameter("employee", employee.getId())
                .getResultStream().findFirst();
    }

    public boolean isAdmin(Employee employee) {
        return employee.isActive() && employee.getRoles().contains(ADMIN);
    }

    /** Company-wide (null), open, or a private channel the reader belongs to. */
    public boolean canRead(Employee reader, Channel channel) {
        return channel == null || channel.getAccess() == Channel.Access.OPEN || membership(channel, reader).isPresent();
    }

    /**
     * Readable posts: not deleted, within their audience, and not hidden except to those who moderate them.
     * A notebook entry is its author's alone: no administrator or moderator reads it.
     */
    public boolean canRead(Employee reader, Post post) {
        return !post.isDeleted() && couldRead(reader, post);
    }

    /**
     * {@link #canRead(Employee, Post)} as it was before the post was deleted: who may learn that it is gone (a
     * stream's {@code delete} event goes to them alone).
     */
    public boolean couldRead(Employee reader, Post post) {
        if (!canRead(reader, post.getChannel()) || !inAudience(reader, post)) {
            return false;
        }
        // A share, and every reply in its thread, is for no one who may not read the original.
        if (post.getReadableWith() != null && !canRead(reader, post.getReadableWith())) {
            return false;
        }
        // A hidden first post hides its whole thread, replies included, from all but moderators.
        boolean threadHidden = post.getThread() != null && post.getThread().isHidden();
        return (!post.isHidden() && !threadHidden) || canModerate(reader, post);
    }

    /**
     * Whether the reader is among those the post's chosen audience lets in: everyone for the company or a
     * channel; the author alone for a notebook entry; the thread's author and the people its first post mentions
     * for a post to the people mentioned (their mention is what lets them read).
     */
    public boolean inAudience(Employee reader, Post post) {
        Post first = post.getThreadRoot();
        return switch (post.getAudience()) {
            case COMPANY, CHANNEL -> true;
            case NOTEBOOK -> post.getAuthor().getId().equals(reader.getId());
            case MENTIONED -> first.getAuthor().getId().equals(reader.getId()) || isMentioned(reader, first);
        };
    }

    private boolean isMentioned(Employee reader, Post post) {
        return !em.createQuery("select m.id from Mention m where m.post.id = :post and m.employee.id = :reader", Long.class)
                .setParameter("post", post.getId()).setParameter("reader", reader.getId())
                .setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Channel owners and moderators moderate their channel's posts; admins moderate every post open to the company
     * or a channel. Nobody moderates a post whose audience the author chose (notebook, people mentioned): nobody
     * else may read it, and moderating must not be a way in.
     */
    public boolean canModerate(Employee reader, Post post) {
        if (post.getAudience().isRestricted()) {
            return false;
        }
        return canModerate(reader, post.getChannel());
    }

    public boolean canModerate(Employee reader, Channel channel) {
        if (isAdmin(reader)) {
            return true;
        }
        return channel != null && membership(channel, reader).map(m -> m.getRole().moderates()).orElse(false);
    }

    /**
     * Owners change a channel's settings and members. Administrators act as owners of open channels; a private
     * channel's members are chosen by its own owners only, so that an administrator cannot let themselves in.
     */
    public boolean owns(Employee reader, Channel channel) {
        boolean owner = membership(channel, reader).map(m -> m.getRole() == Membership.Role.OWNER).orElse(false);
        return owner || (isAdmin(reader) && !channel.isPrivate());
    }

    /**
     * Who may start a thread: anyone company-wide; members in a channel; only owners (and moderators) in an
     * announcement channel; nobody in an archived one.
     */
    public boolean canStartThread(Employee author, Channel channel) {
        if (channel == null) {
            return true;
        }
        if (channel.isArchived()) {
            return false;
        }
        Optional<Membership> m = membership(channel, author);
        if (m.isEmpty()) {
            return false;
        }
        return !channel.isAnnouncements() || m.get().getRole().moderates();
    }
}
