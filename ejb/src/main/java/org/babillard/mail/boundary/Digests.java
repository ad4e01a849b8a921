package org.babillard.mail.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.mail.control.MailConfig;
import org.babillard.mail.control.MailText;
import org.babillard.mail.control.OutboxQueued;
import org.babillard.mail.entity.DigestItem;
import org.babillard.mail.entity.MailPreference;
import org.babillard.mail.entity.OutboxMessage;
import org.babillard.people.entity.Employee;
import org.babillard.posts.control.Visibility;
import org.babillard.posts.entity.Post;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The daily digest, for those who chose it: the full text of what mattered to them since the last one, in their
 * language: must-read announcements, the posts that mention them, the replies to them, then the most-reacted
 * posts of the last day by the people they follow and in the channels they are in (docs/mail.md says why).
 */
@Stateless
public class Digests {

    private static final Logger LOG = Logger.getLogger(Digests.class.getName());
    /** How many most-reacted posts a digest carries at most. */
    static final int POPULAR = 5;

    @PersistenceContext
    EntityManager em;

    @Inject
    MailConfig config;

    @Inject
    Visibility visibility;

    @Inject
    Event<OutboxQueued> queued;

    @Resource
    SessionContext context;

    /** Sends everyone who chose the digest theirs; @return how many digests were queued. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int sendAll() {
        List<String> usernames = em.createQuery("""
                select e.username from MailPreference p, Employee e where e.id = p.employeeId and p.delivery = :digest
                order by e.id""", String.class)
                .setParameter("digest", MailPreference.Delivery.DIGEST).getResultList();
        Digests self = context.getBusinessObject(Digests.class);
        int sent = 0;
        for (String username : usernames) {
            try {
                if (self.sendTo(username)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Digest not queued for one person", e);
            }
        }
        int queuedCount = sent;
        LOG.info(() -> "Daily digest: " + usernames.size() + " people chose it, " + queuedCount + " digests queued");
        return sent;
    }

    /** Queues this person's digest if there is anything in it; @return whether one was queued. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean sendTo(String username) {
        Employee reader = em.createNamedQuery(Employee.FIND_BY_USERNAME, Employee.class)
                .setParameter("username", username).getResultStream().findFirst().orElse(null);
        if (reader == null || !reader.isActive() || reader.getMail() == null || !reader.getMail().contains("@")) {
            return false;
        }
        Instant now = Clock.systemUTC().instant();
        MailText words = new MailText(MailText.language(reader.preferredLanguage()), config.settingsUrl());
        List<DigestItem> items = em.createNamedQuery(DigestItem.PENDING, DigestItem.class)
                .setParameter("employee", reader.getId()).getResultList();
        List<MailText.Piece> mustReads = new ArrayList<>();
        List<MailText.Piece> mentions = new ArrayList<>();
        List<MailText.Piece> replies = new ArrayList<>();
        List<MailText.Piece> watched = new ArrayList<>();
        Set<Long> shown = new HashSet<>();
        for (DigestItem item : items) {
            item.sent(now);
            if (item.getKind() == DigestItem.Kind.MUST_READ) {
                mustReads.add(new MailText.Piece(null, item.getTitle(), item.getBody() == null ? "" : item.getBody(),
                        config.baseUrl() + (item.getPath() == null ? "" : item.getPath())));
                continue;
            }
            Post post = item.getPost();
            if (post == null || post.isDeleted() || post.isHidden() || !visibility.canRead(reader, post)
                    || !shown.add(post.getId())) {
                continue;
            }
            (item.getKind() == DigestItem.Kind.MENTION ? mentions
                    : item.getKind() == DigestItem.Kind.WATCHED ? watched : replies).add(piece(post));
        }
        List<MailText.Piece> popular = new ArrayList<>();
        for (Post post : popular(reader, now.minus(Duration.ofDays(1)))) {
            if (popular.size() < POPULAR && shown.add(post.getId()) && visibility.canRead(reader, post)) {
                popular.add(piece(post));
            }
        }
        if (mustReads.isEmpty() && mentions.isEmpty() && replies.isEmpty() && watched.isEmpty() && popular.isEmpty()) {
            return false;
        }
        MailText.Rendered mail = words.digest(List.of(
                new MailText.Section("digest.mustReads", mustReads),
                new MailText.Section("digest.mentions", mentions),
                new MailText.Section("digest.replies", replies),
                new MailText.Section("digest.watched", watched),
                new MailText.Section("digest.popular", popular)));
        em.persist(OutboxMessage.mail(reader, reader.getMail(), mail.subject(), mail.text(), mail.html(), null, now, now));
        queued.fire(new OutboxQueued(1));
        return true;
    }

    private MailText.Piece piece(Post post) {
        return new MailText.Piece(post.getAuthor().getDisplayName(), null, post.getText(),
                config.baseUrl() + "post.xhtml?id=" + post.getId());
    }

    /** The posts of the last day by people the reader follows or in their channels, most reactions first. */
    private List<Post> popular(Employee reader, Instant since) {
        List<Long> ids = em.createQuery("""
                select p.id from Reaction r join r.post p
                where p.createdAt >= :since and p.deletedAt is null and p.hiddenAt is null and p.author.id <> :me
                  and (exists (select f from Follow f where f.follower.id = :me and f.followed = p.author)
                       or exists (select m from Membership m where m.employee.id = :me and m.channel = p.channel))
                group by p.id order by count(r) desc, p.id desc""", Long.class)
                .setParameter("since", since.atOffset(ZoneOffset.UTC)).setParameter("me", reader.getId())
                .setMaxResults(POPULAR * 3).getResultList();
        return ids.stream().map(id -> em.find(Post.class, id)).toList();
    }
}
