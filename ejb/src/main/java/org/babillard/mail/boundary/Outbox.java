package org.babillard.mail.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.babillard.mail.control.MailConfig;
import org.babillard.mail.entity.OutboxMessage;
import org.babillard.sms.control.SmsGateway;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what waits in the outbox: mails through the mail session, text messages through the SMS gateway. Each
 * message is sent in its own transaction, holding its row's lock, so that the timer and a send right after a
 * commit never send one twice; a failure is retried later (see {@link OutboxMessage#failed}), then given up.
 */
@Stateless
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = MailConfig.SESSION)
    Session mail;

    @Resource
    SessionContext context;

    @Inject
    SmsGateway sms;

    /** Sends what is due, on another thread. */
    @Asynchronous
    public void sendSoon() {
        sendDue();
    }

    /** Sends what is due now; @return how many were sent. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int sendDue() {
        List<Long> due = em.createNamedQuery(OutboxMessage.DUE, Long.class)
                .setParameter("now", Clock.systemUTC().instant().atOffset(java.time.ZoneOffset.UTC))
                .setMaxResults(500).getResultList();
        Outbox self = context.getBusinessObject(Outbox.class);
        int sent = 0;
        for (Long id : due) {
            try {
                if (self.send(id)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                // Another thread holds the row (it is sending it) or the database hiccuped: the timer comes back.
                LOG.log(Level.FINE, "Outbox message " + id + " skipped", e);
            }
        }
        return sent;
    }

    /** Sends one message if it is still due; @return whether it went out now. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean send(long id) {
        OutboxMessage message = em.find(OutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Clock.systemUTC().instant();
        if (message == null || !message.isPending() || message.getDueAt().isAfter(now)) {
            return false;
        }
        try {
            if (message.getChannel() == OutboxMessage.Channel.MAIL) {
                Transport.send(mime(message));
            } else {
                sms.send(message.getAddress(), message.getTextBody());
            }
            message.sent(now);
            return true;
        } catch (MessagingException | IOException | RuntimeException e) {
            message.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), now);
            if (message.isGivenUp()) {
                LOG.log(Level.WARNING, "Outbox: gave up {0} message {1} after {2} attempts: {3}",
                        new Object[] {message.getChannel(), id, message.getAttempts(), message.getLastError()});
            } else {
                LOG.log(Level.INFO, "Outbox: {0} message {1} failed (attempt {2}), retried at {3}: {4}",
                        new Object[] {message.getChannel(), id, message.getAttempts(), message.getDueAt(), message.getLastError()});
            }
            return false;
        }
    }

    private MimeMessage mime(OutboxMessage m) throws MessagingException {
        MimeMessage mime = new MimeMessage(mail);
        mime.setFrom();
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(m.getAddress(), true));
        if (m.getReplyTo() != null) {
            mime.setReplyTo(new InternetAddress[] {new InternetAddress(m.getReplyTo(), true)});
        }
        mime.setSubject(m.getSubject(), "UTF-8");
        mime.setSentDate(new Date());
        // Out-of-office replies and other robots do not answer (RFC 3834); Babillard ignores those that do.
        mime.setHeader("Auto-Submitted", "auto-generated");
        if (m.getHtmlBody() == null) {
            mime.setText(m.getTextBody(), "UTF-8");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(m.getTextBody(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(m.getHtmlBody(), "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            mime.setContent(alternative);
        }
        return mime;
    }
}
