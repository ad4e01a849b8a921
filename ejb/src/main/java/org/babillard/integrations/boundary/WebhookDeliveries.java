package org.babillard.integrations.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.babillard.channels.entity.Channel;
import org.babillard.integrations.control.Signature;
import org.babillard.integrations.control.WebhookSettings;
import org.babillard.integrations.entity.OutgoingWebhook;
import org.babillard.integrations.entity.WebhookAttempt;
import org.babillard.integrations.entity.WebhookDelivery;
import org.babillard.mail.control.MailConfig;
import org.babillard.posts.entity.Post;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends new posts to their channel's outgoing webhooks, through an outbox: after the post's commit and on another
 * thread, a delivery is stored per webhook with its body, then sent, each in its own transaction holding its row's
 * lock (the retry timer and a first attempt never send one twice). A failure (no answer, a timeout, anything but
 * 2xx) is tried again with a growing delay, then given up; every attempt goes to the webhook's log.
 */
@Stateless
public class WebhookDeliveries {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(WebhookSettings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    MailConfig config;

    @Inject
    WebhookSchedule schedule;

    /** A post was published: queues it for its channel's webhooks and sends it, on another thread. */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void postPublished(long postId) {
        try {
            WebhookDeliveries self = context.getBusinessObject(WebhookDeliveries.class);
            for (Long id : self.queue(postId)) {
                self.attempt(id);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhooks: post " + postId + " not queued", e);
        }
    }

    /**
     * Stores a delivery of the post for each switched-on webhook of its channel. Only what every member of the
     * channel reads goes out: a share whose original some members may not read does not, and notebook entries and
     * posts for the people mentioned have no channel.
     *
     * @return the deliveries' ids
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> queue(long postId) {
        Post post = em.find(Post.class, postId);
        if (post == null || post.isDeleted() || post.isHidden() || post.getChannel() == null
                || post.getAudience().isRestricted()) {
            return List.of();
        }
        Channel channel = post.getChannel();
        List<OutgoingWebhook> hooks = em.createNamedQuery(OutgoingWebhook.OF_CHANNEL, OutgoingWebhook.class)
                .setParameter("channel", channel.getId()).getResultStream()
                .filter(OutgoingWebhook::isEnabled).filter(h -> h.isReplies() || post.getThread() == null).toList();
        if (hooks.isEmpty() || !readByWholeChannel(post, channel)) {
            return List.of();
        }
        byte[] body = body(post, channel);
        Instant now = Clock.systemUTC().instant();
        List<Long> ids = new ArrayList<>();
        for (OutgoingWebhook hook : hooks) {
            WebhookDelivery delivery = new WebhookDelivery(hook, postId, new String(body, StandardCharsets.UTF_8), now);
            em.persist(delivery);
            em.flush();
            ids.add(delivery.getId());
        }
        return ids;
    }

    /** Sends what is due now (the timer's sweep). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int sendDue() {
        List<Long> due = em.createNamedQuery(WebhookDelivery.DUE, Long.class)
                .setParameter("now", Clock.systemUTC().instant().atOffset(ZoneOffset.UTC))
                .setMaxResults(200).getResultList();
        WebhookDeliveries self = context.getBusinessObject(WebhookDeliveries.class);
        int sent = 0;
        for (Long id : due) {
            try {
                if (self.attempt(id)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                // Another thread holds the row (it is sending it): the timer comes back.
                LOG.log(Level.FINE, "Webhook delivery " + id + " skipped", e);
            }
        }
        return sent;
    }

    /** One attempt of one delivery if it is due; @return whether the receiver took it (2xx). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean attempt(long deliveryId) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        Instant start = Clock.systemUTC().instant();
        if (delivery == null || !delivery.isPending() || delivery.getDueAt().isAfter(start)) {
            return false;
        }
        OutgoingWebhook hook = delivery.getWebhook();
        if (!hook.isEnabled()) {
            delivery.giveUp(start);
            return false;
        }
        byte[] body = delivery.getBody().getBytes(StandardCharsets.UTF_8);
        Integer status = null;
        String error = null;
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(hook.getUrl()))
                    .timeout(WebhookSettings.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Babillard-Webhooks/1.0")
                    .header("X-Babillard-Event", "post.created")
                    .header("X-Babillard-Delivery", delivery.getDeliveryKey())
                    .header("X-Babillard-Timestamp", String.valueOf(start.getEpochSecond()))
                    .header("X-Babillard-Signature", Signature.of(hook.getSecret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status >= 300) {
                error = "HTTP " + status;
            }
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "Interrupted";
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        Instant now = Clock.systemUTC().instant();
        em.persist(new WebhookAttempt(hook.getId(), deliveryId, delivery.getPostId(), delivery.getAttempts() + 1, start,
                status, error, millis));
        trimLog(hook.getId());
        if (error == null) {
            delivery.delivered(now);
            return true;
        }
        delivery.failed(now, WebhookSettings.maxAttempts(), WebhookSettings.firstRetry());
        if (delivery.isGivenUp()) {
            LOG.log(Level.WARNING, "Webhook {0}: gave up delivery {1} of post {2} after {3} attempts: {4}",
                    new Object[] {hook.getId(), deliveryId, delivery.getPostId(), delivery.getAttempts(), error});
        } else {
            LOG.log(Level.INFO, "Webhook {0}: delivery {1} failed (attempt {2}), tried again at {3}: {4}",
                    new Object[] {hook.getId(), deliveryId, delivery.getAttempts(), delivery.getDueAt(), error});
            schedule.retryAt(delivery.getDueAt());
        }
        return false;
    }

    /** Keeps the latest {@link WebhookAttempt#KEPT} attempts of the webhook's log. */
    private void trimLog(long hookId) {
        em.flush();
        List<Long> newest = em.createQuery("select a.id from WebhookAttempt a where a.webhookId = :h order by a.id desc", Long.class)
                .setParameter("h", hookId).setFirstResult(WebhookAttempt.KEPT).setMaxResults(1).getResultList();
        if (!newest.isEmpty()) {
            em.createQuery("delete from WebhookAttempt a where a.webhookId = :h and a.id <= :last")
                    .setParameter("h", hookId).setParameter("last", newest.get(0)).executeUpdate();
        }
    }

    /** Whether every member of the channel may read the post (a share's original may be out of some members' reach). */
    private static boolean readByWholeChannel(Post post, Channel channel) {
        Post original = post.getReadableWith();
        if (original == null) {
            return true;
        }
        Channel where = original.getChannel();
        return !original.getAudience().isRestricted()
                && (where == null || where.getAccess() == Channel.Access.OPEN || where.getId().equals(channel.getId()));
    }

    private byte[] body(Post post, Channel channel) {
        String url = config.baseUrl() + "post.xhtml?id=" + post.getId();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("event", "post.created")
                .add("id", String.valueOf(post.getId()))
                .add("url", url)
                .add("created_at", TIME.format(post.getCreatedAt().truncatedTo(ChronoUnit.MILLIS)))
                .add("text", post.getText())
                .add("channel", Json.createObjectBuilder().add("id", String.valueOf(channel.getId()))
                        .add("slug", channel.getSlug()).add("name", channel.getName())
                        .add("url", config.baseUrl() + "channel.xhtml?c=" + channel.getSlug())
                        .add("private", channel.isPrivate()))
                .add("author", Json.createObjectBuilder().add("username", post.getAuthor().getUsername())
                        .add("display_name", post.getAuthor().getDisplayName())
                        .add("bot", post.getAuthor().isBot()));
        if (post.getThread() != null) {
            json.add("thread_id", String.valueOf(post.getThread().getId()));
            json.add("in_reply_to_id", String.valueOf(post.getReplyTo() == null ? post.getThread().getId() : post.getReplyTo().getId()));
        } else {
            json.addNull("thread_id").addNull("in_reply_to_id");
        }
        if (post.getSharedPost() != null) {
            json.add("shared_post_url", config.baseUrl() + "post.xhtml?id=" + post.getSharedPost().getId());
        }
        return json.build().toString().getBytes(StandardCharsets.UTF_8);
    }
}
