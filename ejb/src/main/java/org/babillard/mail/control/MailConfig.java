package org.babillard.mail.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneId;

/**
 * Babillard's mail settings, from system properties (README, "Configuration"). The SMTP and IMAP servers are the
 * mail session's ({@code java:jboss/mail/Babillard}, set up by configure.cli); what is here is Babillard's own.
 */
@ApplicationScoped
public class MailConfig {

    public static final String SESSION = "java:jboss/mail/Babillard";

    /** The address links in mails lead to, ending with "/". */
    public String baseUrl() {
        String url = System.getProperty("babillard.base-url", "http://localhost:8080/");
        return url.endsWith("/") ? url : url + "/";
    }

    /** The reader's mail settings page, linked from the foot of every mail. */
    public String settingsUrl() {
        return baseUrl() + "mail-settings.xhtml";
    }

    /**
     * The mailbox Babillard reads; reply and posting addresses add "+token" to its local part, which the mail
     * server must deliver to the same mailbox (sub-addressing, on by default in Postfix, Exchange and Gmail).
     */
    public String inboundAddress() {
        return System.getProperty("babillard.mail.inbound", "babillard@babillard.example");
    }

    public String tokenAddress(String token) {
        String inbound = inboundAddress();
        int at = inbound.indexOf('@');
        return inbound.substring(0, at) + "+" + token + inbound.substring(at);
    }

    /** The token in an address of the inbound mailbox (local+token@domain), or null. */
    public String tokenIn(String address) {
        if (address == null) {
            return null;
        }
        String inbound = inboundAddress().toLowerCase(java.util.Locale.ROOT);
        int at = inbound.indexOf('@');
        String prefix = inbound.substring(0, at) + "+";
        String domain = inbound.substring(at);
        String a = address.trim();
        String lower = a.toLowerCase(java.util.Locale.ROOT);
        if (!lower.startsWith(prefix) || !lower.endsWith(domain) || lower.length() <= prefix.length() + domain.length()) {
            return null;
        }
        // Tokens are lower case (see Tokens); a mail program may change the case of an address.
        return lower.substring(prefix.length(), lower.length() - domain.length());
    }

    public ZoneId zone() {
        String zone = System.getProperty("babillard.timezone");
        try {
            return zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone.trim());
        } catch (RuntimeException e) {
            return ZoneId.systemDefault();
        }
    }

    /** The hour (0-23, in {@link #zone()}) the daily digest goes out. */
    public int digestHour() {
        return Math.floorMod(intProperty("babillard.mail.digest-hour", 7), 24);
    }

    /** How often the outbox timer sends what is due, in seconds (0: never, mails go only right after queuing). */
    public int outboxSeconds() {
        return intProperty("babillard.mail.outbox-seconds", 30);
    }

    /** How often the inbound mailbox is read, in seconds; 0 turns reading off. */
    public int inboxSeconds() {
        return intProperty("babillard.mail.inbox-seconds", 60);
    }

    private static int intProperty(String name, int fallback) {
        try {
            return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
