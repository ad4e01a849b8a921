package org.babillard.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The tests' side of the demo mail server (GreenMail, started by the build): reads a person's mailbox over IMAP
 * and sends mails over SMTP, with Jakarta Mail, as a person's mail program would; inside the server (the server's
 * ports) or from a client-side test (the tests' ports).
 */
public final class MailBox {

    private static final Session SESSION = Session.getInstance(new Properties());

    private MailBox() {
    }

    /** In the server (in-container tests) the server's settings; in a client test, the build's. */
    static int imapPort() {
        return Integer.getInteger("babillard.mail.imap.port", Integer.getInteger("babillard.it.mail.imap.port", 0));
    }

    static int smtpPort() {
        return Integer.getInteger("babillard.mail.smtp.port", Integer.getInteger("babillard.it.mail.smtp.port", 0));
    }

    /** The mails in this address's mailbox now. */
    public static List<MimeMessage> read(String address) throws MessagingException {
        List<MimeMessage> mails = new ArrayList<>();
        try (Store store = SESSION.getStore("imap")) {
            store.connect("127.0.0.1", imapPort(), address, "any");
            Folder inbox = store.getFolder("INBOX");
            if (!inbox.exists()) {
                return mails;
            }
            inbox.open(Folder.READ_ONLY);
            for (Message m : inbox.getMessages()) {
                mails.add(new MimeMessage((MimeMessage) m));
            }
            inbox.close(false);
        }
        return mails;
    }

    /** Waits until the mailbox holds at least {@code count} mails (20 s at most). */
    public static List<MimeMessage> await(String address, int count) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
        List<MimeMessage> mails = read(address);
        while (mails.size() < count && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
            mails = read(address);
        }
        if (mails.size() < count) {
            throw new AssertionError("Expected " + count + " mails for " + address + ", found " + mails.size());
        }
        return mails;
    }

    public static void send(String from, String to, String subject, String text) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(smtpPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(props));
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        Transport.send(m);
    }

    /** The part of this type ("text/plain", "text/html") of a mail. */
    public static String part(MimeMessage mail, String type) throws MessagingException, IOException {
        if (mail.isMimeType(type)) {
            return (String) mail.getContent();
        }
        Multipart multi = (Multipart) mail.getContent();
        for (int i = 0; i < multi.getCount(); i++) {
            BodyPart p = multi.getBodyPart(i);
            if (p.isMimeType(type)) {
                return (String) p.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    public static String replyTo(MimeMessage mail) throws MessagingException {
        Address[] replyTo = mail.getReplyTo();
        return ((InternetAddress) replyTo[0]).getAddress();
    }
}
