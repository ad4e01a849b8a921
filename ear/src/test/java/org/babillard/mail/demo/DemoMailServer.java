package org.babillard.mail.demo;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A mail server for trying Babillard and for its tests (GreenMail): SMTP that Babillard sends to, IMAP where
 * everyone reads what it sent. Any address gets a mailbox on its first mail; log in to IMAP with the address as
 * user name and any password. Like a real company server with sub-addressing, mail to {@code babillard+anything@...}
 * lands in the {@code babillard} mailbox, which Babillard reads (user "babillard", password "babillard").
 *
 * <p>Run as a program: {@code DemoMailServer [--smtp 3025] [--imap 3143]}, on 127.0.0.1, until the process stops.
 */
public final class DemoMailServer {

    public static final String INBOUND_LOGIN = "babillard";
    public static final String INBOUND_PASSWORD = "babillard";
    public static final String DOMAIN = "babillard.example";

    private DemoMailServer() {
    }

    public static GreenMail start(int smtp, int imap) throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        UserManager users = mail.getUserManager();
        users.createUser(INBOUND_LOGIN + "@" + DOMAIN, INBOUND_LOGIN, INBOUND_PASSWORD);
        users.setMessageDeliveryHandler((message, address) -> {
            String email = address.getEmail().toLowerCase(java.util.Locale.ROOT);
            int at = email.indexOf('@');
            int plus = email.indexOf('+');
            String mailbox = plus > 0 && plus < at ? email.substring(0, plus) + email.substring(at) : email;
            GreenMailUser user = users.getUserByEmail(mailbox);
            return user != null ? user : users.createUser(mailbox, mailbox, mailbox);
        });
        mail.start();
        return mail;
    }

    public static void main(String[] args) throws Exception {
        int smtp = 3025;
        int imap = 3143;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smtp" -> smtp = Integer.parseInt(args[++i]);
                case "--imap" -> imap = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("Usage: DemoMailServer [--smtp N] [--imap N]");
                    System.exit(2);
                }
            }
        }
        GreenMail mail = start(smtp, imap);
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "demo-mail-stop"));
        System.out.printf("Demo mail server: SMTP on 127.0.0.1:%d, IMAP on 127.0.0.1:%d%n", smtp, imap);
        Thread.currentThread().join();
    }
}
