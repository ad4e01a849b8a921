package org.babillard.mail.boundary;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.announcements.boundary.MustReadMessage;
import org.babillard.mail.control.MailConfig;
import org.babillard.mail.control.MailText;
import org.babillard.mail.control.OutboxQueued;
import org.babillard.mail.control.QuietHours;
import org.babillard.mail.entity.DigestItem;
import org.babillard.mail.entity.MailPreference;
import org.babillard.mail.entity.MailToken;
import org.babillard.mail.entity.OutboxMessage;
import org.babillard.mail.control.Tokens;
import org.babillard.notifications.entity.Notification;
import org.babillard.people.entity.Employee;
import org.babillard.posts.control.Visibility;
import org.babillard.posts.entity.Post;
import org.babillard.sms.control.SmsGateway;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides, after the commit and on another thread, who hears about a mention, a reply or a must-read announcement
 * by mail or text message, and queues it in the outbox in each reader's language: at once (after their quiet
 * hours), in their next daily digest, or not at all, as they chose.
 */
@Stateless
public class MailNotices {

    private static final Logger LOG = Logger.getLogger(MailNotices.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    MailConfig config;

    @Inject
    Visibility visibility;

    @Inject
    SmsGateway sms;

    @Inject
    Event<OutboxQueued> queued;

    /**
     * A mention or a reply: a mail to its recipient, or an item of their digest. A post one of their saved searches
     * found: an item of their digest (the "veille" is read there; the bell tells at once). Other notifications: nothing.
     */
    @Asynchronous
    public void notified(long notificationId) {
        try {
            Notification n = em.find(Notification.class, notificationId);
            if (n == null || (n.getKind() != Notification.Kind.MENTION && n.getKind() != Notification.Kind.REPLY
                    && n.getKind() != Notification.Kind.SAVED_SEARCH)) {
                return;
            }
            Employee to = n.getRecipient();
            Post post = n.getPost();
            if (post == null || post.isDeleted() || !to.isActive() || !visibility.canRead(to, post)) {
                return;
            }
            MailPreference preference = preferenceOf(to);
            Instant now = Clock.systemUTC().instant();
            if (n.getKind() == Notification.Kind.SAVED_SEARCH) {
                if (preference.getDelivery() != MailPreference.Delivery.NEVER) {
                    em.persist(DigestItem.post(to, DigestItem.Kind.WATCHED, post, now));
                }
                return;
            }
            switch (preference.getDelivery()) {
                case NEVER -> {
                    return;
                }
                case DIGEST -> {
                    em.persist(DigestItem.post(to, n.getKind() == Notification.Kind.MENTION
                            ? DigestItem.Kind.MENTION : DigestItem.Kind.REPLY, post, now));
                    return;
                }
                default -> {
                    // mailed below
                }
            }
            if (!hasMail(to)) {
                return;
            }
            MailText words = new MailText(MailText.language(to.preferredLanguage()), config.settingsUrl());
            String actor = n.getActor().getDisplayName();
            String kind = n.getKind() == Notification.Kind.MENTION ? "mention" : "reply";
            MailText.Rendered mail = words.single(words.get(kind + ".subject", actor), words.get(kind + ".lead", actor),
                    new MailText.Piece(actor, null, post.getText(), postUrl(post)), true);
            String replyTo = config.tokenAddress(replyToken(to, post, now));
            em.persist(OutboxMessage.mail(to, to.getMail(), mail.subject(), mail.text(), mail.html(), replyTo, now,
                    QuietHours.release(now, preference.getQuietFrom(), preference.getQuietUntil(), config.zone())));
            queued.fire(new OutboxQueued(1));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mail for notification " + notificationId + " not queued", e);
        }
    }

    /** A must-read announcement: a mail (or a digest item) and, for those who opted in, a text message. */
    @Asynchronous
    public void mustRead(MustReadMessage message) {
        try {
            Instant now = Clock.systemUTC().instant();
            int count = 0;
            int seen = 0;
            for (String username : message.recipients()) {
                // Ten thousand recipients in one transaction: the persistence context is written out and emptied
                // every 200, and the look-ups do not flush it first (each flush compared every object it held:
                // minutes of CPU for a company-wide must-read, found by the benchmark).
                if (++seen % 200 == 0) {
                    em.flush();
                    em.clear();
                }
                Employee to = em.createNamedQuery(Employee.FIND_BY_USERNAME, Employee.class)
                        .setParameter("username", username).setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                        .getResultStream().findFirst().orElse(null);
                if (to == null || !to.isActive()) {
                    continue;
                }
                MailPreference preference = preferenceOf(to);
                String language = MailText.language(to.preferredLanguage());
                String title = message.title(language);
                String body = message.body(language);
                String url = config.baseUrl() + message.path();
                Instant due = QuietHours.release(now, preference.getQuietFrom(), preference.getQuietUntil(), config.zone());
                if (preference.getDelivery() == MailPreference.Delivery.DIGEST) {
                    em.persist(DigestItem.mustRead(to, title, body, message.path(), now));
                } else if (preference.getDelivery() == MailPreference.Delivery.IMMEDIATE && hasMail(to)) {
                    MailText words = new MailText(language, config.settingsUrl());
                    boolean reminder = message.kind() == MustReadMessage.Kind.REMINDER;
                    MailText.Rendered mail = words.single(
                            words.get(reminder ? "mustRead.reminder.subject" : "mustRead.subject", title),
                            words.get(reminder ? "mustRead.reminder.lead" : "mustRead.lead"),
                            new MailText.Piece(null, title, body, url), false);
                    em.persist(OutboxMessage.mail(to, to.getMail(), mail.subject(), mail.text(), mail.html(), null, now, due));
                    count++;
                }
                if (preference.isSms() && to.getPhone() != null && !to.getPhone().isBlank() && sms.isConfigured()
                        && message.kind() == MustReadMessage.Kind.PUBLISHED) {
                    String text = new MailText(language, config.settingsUrl()).get("sms.mustRead", title, url);
                    em.persist(OutboxMessage.sms(to, to.getPhone().trim(), text, due));
                    count++;
                }
            }
            if (count > 0) {
                queued.fire(new OutboxQueued(count));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mails for must-read announcement " + message.announcementId() + " not queued", e);
        }
    }

    String postUrl(Post post) {
        return config.baseUrl() + "post.xhtml?id=" + post.getId();
    }

    private MailPreference preferenceOf(Employee employee) {
        MailPreference p = em.find(MailPreference.class, employee.getId());
        return p != null ? p : MailPreference.defaults(employee.getId());
    }

    private static boolean hasMail(Employee employee) {
        return employee.getMail() != null && employee.getMail().contains("@");
    }

    /** The recipient's reply address for this post: the same one for every mail about it. */
    private String replyToken(Employee owner, Post post, Instant now) {
        return em.createNamedQuery(MailToken.REPLY_OF, MailToken.class)
                .setParameter("owner", owner.getId()).setParameter("post", post.getId())
                .getResultStream().findFirst().map(MailToken::getToken)
                .orElseGet(() -> {
                    MailToken token = new MailToken(Tokens.fresh(), owner, MailToken.Kind.REPLY, post, now);
                    em.persist(token);
                    return token.getToken();
                });
    }
}
