package org.babillard.mail.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.mail.control.MailConfig;
import org.babillard.mail.control.ReplyText;
import org.babillard.mail.entity.MailToken;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.PostRejected;
import org.babillard.posts.boundary.Posts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads Babillard's mailbox over IMAP (docs/mail.md says why IMAP rather than an SMTP port) and posts what its
 * owners wrote: an answer to a notification becomes a reply in that conversation, a mail to a personal posting
 * address a company-wide post. A mail whose From is not the directory address of the token's owner, or with an
 * unknown or revoked token, is dropped without posting and without any answer (an answer would tell a guesser
 * which tokens exist). Every mail read is deleted from the mailbox.
 */
@Stateless
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class.getName());

    /** What became of one mail. */
    public enum Outcome { REPLIED, POSTED, REFUSED, IGNORED }

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = MailConfig.SESSION)
    Session mail;

    @Resource
    SessionContext context;

    @Inject
    MailConfig config;

    @Inject
    Posts posts;

    /** Reads every mail in the inbox once; @return what became of each, in order. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Outcome> read() {
        List<Outcome> outcomes = new ArrayList<>();
        Inbox self = context.getBusinessObject(Inbox.class);
        try (Store store = mail.getStore("imap")) {
            store.connect();
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                for (Message message : inbox.getMessages()) {
                    if (message.isSet(Flags.Flag.DELETED)) {
                        continue;
                    }
                    Outcome outcome;
                    try {
                        outcome = self.take(message);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "An inbound mail could not be handled; it is dropped", e);
                        outcome = Outcome.IGNORED;
                    }
                    outcomes.add(outcome);
                    message.setFlag(Flags.Flag.DELETED, true);
                }
            } finally {
                inbox.close(true);
            }
        } catch (MessagingException e) {
            LOG.log(Level.WARNING, "The inbound mailbox could not be read: {0}", e.getMessage());
        }
        return outcomes;
    }

    /** One mail, in its own transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome take(Message message) {
        try {
            String[] auto = message.getHeader("Auto-Submitted");
            if (auto != null && auto.length > 0 && !"no".equalsIgnoreCase(auto[0].trim())) {
                return Outcome.IGNORED; // an out-of-office reply or a bounce: never a post, never an answer
            }
            MailToken token = token(message);
            if (token == null || token.isRevoked()) {
                LOG.info("Inbound mail refused: no valid address token");
                return Outcome.REFUSED;
            }
            Employee owner = token.getOwner();
            if (!owner.isActive()) {
                // Someone who left the company writes nowhere any more, by mail as on the pages.
                LOG.info("Inbound mail refused: the address owner no longer works here");
                return Outcome.REFUSED;
            }
            if (!fromOwner(message, owner)) {
                LOG.info("Inbound mail refused: the sender is not the address owner");
                return Outcome.REFUSED;
            }
            String text = ReplyText.strip(text(message));
            if (token.getKind() == MailToken.Kind.REPLY) {
                if (text.isBlank() || token.getPost() == null) {
                    return Outcome.IGNORED;
                }
                posts.publish(owner.getUsername(), Draft.reply(token.getPost().getId(), text));
                return Outcome.REPLIED;
            }
            String subject = message.getSubject() == null ? "" : message.getSubject().strip();
            String post = subject.isEmpty() ? text : text.isEmpty() ? subject : subject + "\n\n" + text;
            if (post.isBlank()) {
                return Outcome.IGNORED;
            }
            posts.publish(owner.getUsername(), Draft.companyWide(post));
            return Outcome.POSTED;
        } catch (PostRejected | Refused e) {
            LOG.log(Level.INFO, "Inbound mail not posted: {0}", e.getMessage());
            return Outcome.IGNORED;
        } catch (MessagingException | IOException e) {
            LOG.log(Level.INFO, "Inbound mail unreadable: {0}", e.getMessage());
            return Outcome.IGNORED;
        }
    }

    private MailToken token(Message message) throws MessagingException {
        List<String> addresses = new ArrayList<>();
        Address[] recipients = message.getAllRecipients();
        if (recipients != null) {
            for (Address a : recipients) {
                if (a instanceof InternetAddress ia) {
                    addresses.add(ia.getAddress());
                }
            }
        }
        for (String header : new String[] {"Delivered-To", "X-Original-To", "Envelope-To"}) {
            String[] values = message.getHeader(header);
            if (values != null) {
                for (String v : values) {
                    addresses.add(v.replaceAll("[<>]", "").trim());
                }
            }
        }
        for (String address : addresses) {
            String token = config.tokenIn(address);
            if (token != null && token.matches("[a-z2-7]{16,64}")) {
                MailToken found = em.find(MailToken.class, token);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Exactly one From, the owner's directory address, and no Sender that says otherwise. */
    private static boolean fromOwner(Message message, Employee owner) throws MessagingException {
        if (!owner.isActive() || owner.getMail() == null) {
            return false;
        }
        String expected = owner.getMail().trim().toLowerCase(Locale.ROOT);
        Address[] from = message.getFrom();
        if (from == null || from.length != 1 || !(from[0] instanceof InternetAddress f)
                || f.getAddress() == null || !expected.equals(f.getAddress().trim().toLowerCase(Locale.ROOT))) {
            return false;
        }
        String[] sender = message.getHeader("Sender");
        if (sender != null && sender.length > 0) {
            try {
                InternetAddress s = new InternetAddress(sender[0]);
                return expected.equals(s.getAddress().trim().toLowerCase(Locale.ROOT));
            } catch (MessagingException e) {
                return false;
            }
        }
        return true;
    }

    /** The plain text of a mail: its text/plain part, else its HTML part's text. */
    static String text(Part part) throws MessagingException, IOException {
        String plain = find(part, "text/plain");
        if (plain != null) {
            return plain;
        }
        String html = find(part, "text/html");
        return html == null ? "" : ReplyText.fromHtml(html);
    }

    private static String find(Part part, String type) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return null;
        }
        if (part.isMimeType(type)) {
            Object content = part.getContent();
            return content instanceof String s ? s : null;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multi = (Multipart) part.getContent();
            for (int i = 0; i < multi.getCount(); i++) {
                String found = find(multi.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
