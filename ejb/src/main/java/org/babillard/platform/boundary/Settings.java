package org.babillard.platform.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.annotation.Resource;
import org.babillard.attachments.control.AttachmentStore;
import org.babillard.audit.boundary.AuditLog;
import org.babillard.audit.entity.AuditAction;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.Employee;
import org.babillard.platform.control.SettingsCache;
import org.babillard.platform.entity.CompanyLogo;
import org.babillard.platform.entity.Setting;
import org.babillard.posts.control.Visibility;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Babillard's settings that administrators change while it runs (docs/administration.md): each is read from the
 * {@code setting} table, else from its system property, else its built-in default, and a change applies to the next
 * request on this node and within {@link SettingsCache#REREAD} on the others. Every change goes to the audit log.
 */
@Stateless
public class Settings {

    private static final Logger LOG = Logger.getLogger(Settings.class.getName());

    /** A setting: its key in the table, the system property read when the table has no row, and its bounds. */
    public enum Key {
        POST_MAX_LENGTH("post.max-length", "babillard.post.max-length", 500, 1, 5000),
        ATTACHMENT_MAX_BYTES("attachments.max-bytes", "babillard.attachments.max-bytes", 10L * 1024 * 1024, 1,
                1024L * 1024 * 1024),
        ATTACHMENTS_PER_POST("attachments.max-files", "babillard.attachments.max-files", 4, 1, 10),
        /** Days after which posts are deleted; no value: kept forever. */
        RETENTION_DAYS("retention.days", "babillard.retention.days", null, 1, 36500),
        COMPANY_NAME("company.name", "babillard.company.name", null, 1, 80);

        private final String key;
        private final String property;
        private final Long fallback;
        private final long min;
        private final long max;

        Key(String key, String property, Number fallback, long min, long max) {
            this.key = key;
            this.property = property;
            this.fallback = fallback == null ? null : fallback.longValue();
            this.min = min;
            this.max = max;
        }

        public String key() {
            return key;
        }

        public String property() {
            return property;
        }

        /** The smallest value (for a text: its shortest length). */
        public long min() {
            return min;
        }

        /** The largest value (for a text: its longest length). */
        public long max() {
            return max;
        }

        boolean isText() {
            return this == COMPANY_NAME;
        }
    }

    private static final java.util.Set<String> LOGO_TYPES = java.util.Set.of("image/png", "image/jpeg", "image/webp");

    /** The most a logo may weigh. */
    public static final int LOGO_MAX_BYTES = 512 * 1024;

    /** The table key under which the logo's version is kept, so that every node's cache knows it. */
    static final String LOGO_VERSION = "company.logo";

    @PersistenceContext
    EntityManager em;

    @Inject
    SettingsCache cache;

    @Inject
    AuditLog audit;

    @Inject
    People people;

    @Inject
    Visibility visibility;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public int postMaxLength() {
        return (int) number(Key.POST_MAX_LENGTH);
    }

    public long attachmentMaxBytes() {
        return number(Key.ATTACHMENT_MAX_BYTES);
    }

    public int attachmentsPerPost() {
        return (int) number(Key.ATTACHMENTS_PER_POST);
    }

    /** Days after which posts are deleted by default; empty: kept forever. */
    public Optional<Integer> retentionDays() {
        return Optional.ofNullable(raw(Key.RETENTION_DAYS)).flatMap(v -> parse(Key.RETENTION_DAYS, v)).map(Long::intValue);
    }

    /** The company's name as administrators set it; empty: the product's name shows. */
    public Optional<String> companyName() {
        return Optional.ofNullable(raw(Key.COMPANY_NAME)).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The current logo's version, empty when there is none (then the product's mark shows). */
    public Optional<String> logoVersion() {
        return Optional.ofNullable(values().get(LOGO_VERSION));
    }

    /** The logo's bytes and type, if one was uploaded. */
    public Optional<CompanyLogo> logo() {
        return Optional.ofNullable(em.find(CompanyLogo.class, CompanyLogo.ONLY));
    }

    /**
     * An administrator sets a value (blank: back to the property or the default).
     *
     * @throws Refused NOT_ALLOWED for anyone but an administrator; INVALID ({@code settings.outOfRange}) for a
     *                 value outside the key's bounds or no whole number
     */
    public void change(String adminUsername, Key key, String value) throws Refused {
        String actor = admin(adminUsername);
        String clean = value == null ? "" : value.strip();
        if (!clean.isEmpty()) {
            if (key.isText()) {
                if (clean.codePointCount(0, clean.length()) > key.max() || clean.chars().anyMatch(Character::isISOControl)) {
                    throw new Refused(Refused.Reason.INVALID, "settings.outOfRange");
                }
            } else {
                Optional<Long> n = parse(key, clean);
                if (n.isEmpty()) {
                    throw new Refused(Refused.Reason.INVALID, "settings.outOfRange");
                }
                clean = Long.toString(n.get());
            }
        }
        store(actor, key.key(), clean);
    }

    /**
     * An administrator uploads the company's logo: PNG, JPEG or WebP (told from its bytes), at most
     * {@link #LOGO_MAX_BYTES}. SVG is refused: it may carry scripts.
     *
     * @throws Refused INVALID {@code settings.logoTooLarge} or {@code settings.logoType}
     */
    public void changeLogo(String adminUsername, byte[] content) throws Refused {
        String actor = admin(adminUsername);
        if (content == null || content.length == 0 || content.length > LOGO_MAX_BYTES) {
            throw new Refused(Refused.Reason.INVALID, content == null || content.length == 0 ? "settings.logoType" : "settings.logoTooLarge");
        }
        String type = imageType(content);
        if (type == null) {
            throw new Refused(Refused.Reason.INVALID, "settings.logoType");
        }
        String sha = sha256(content);
        Instant now = Clock.systemUTC().instant();
        CompanyLogo logo = em.find(CompanyLogo.class, CompanyLogo.ONLY);
        if (logo == null) {
            em.persist(new CompanyLogo(type, content, sha, now));
        } else {
            logo.replace(type, content, sha, now);
        }
        store(actor, LOGO_VERSION, sha.substring(0, 16));
    }

    /** An administrator removes the logo: the product's mark shows again. */
    public void resetLogo(String adminUsername) throws Refused {
        String actor = admin(adminUsername);
        CompanyLogo logo = em.find(CompanyLogo.class, CompanyLogo.ONLY);
        if (logo != null) {
            em.remove(logo);
        }
        store(actor, LOGO_VERSION, "");
    }

    /** PNG, JPEG or WebP, told from the first bytes as attachments are; null for anything else (SVG, GIF, HTML...). */
    static String imageType(byte[] content) {
        String type = AttachmentStore.sniff(java.util.Arrays.copyOf(content, Math.min(content.length, 16)));
        return LOGO_TYPES.contains(type) ? type : null;
    }

    private String admin(String username) throws Refused {
        Employee admin = people.find(username).orElseThrow(() -> Refused.notAllowed("settings"));
        if (!visibility.isAdmin(admin)) {
            throw Refused.notAllowed("settings");
        }
        return admin.getUsername();
    }

    /** Writes (or, for an empty value, removes) a row, audits old → new, and forgets the cache once committed. */
    private void store(String actor, String key, String value) {
        Setting row = em.find(Setting.class, key);
        String before = row == null ? "" : row.getValue();
        if (before.equals(value)) {
            return;
        }
        Instant now = Clock.systemUTC().instant();
        if (value.isEmpty()) {
            em.remove(row);
        } else if (row == null) {
            em.persist(new Setting(key, value, actor, now));
        } else {
            row.change(value, actor, now);
        }
        audit.record(AuditAction.SETTINGS_CHANGED, actor, key, (before.isEmpty() ? "(default)" : before) + " → "
                + (value.isEmpty() ? "(default)" : value));
        cache.forget();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing
            }

            @Override
            public void afterCompletion(int status) {
                // Forget again once committed: a reader between the change and the commit read the old rows.
                cache.forget();
                if (status != Status.STATUS_COMMITTED) {
                    LOG.fine(() -> "setting " + key + " not changed: the transaction rolled back");
                }
            }
        });
    }

    private long number(Key key) {
        String raw = raw(key);
        Optional<Long> value = raw == null ? Optional.empty() : parse(key, raw);
        if (raw != null && value.isEmpty()) {
            LOG.warning(() -> key.key() + " is no whole number between " + key.min() + " and " + key.max()
                    + ": the default applies");
        }
        return value.orElse(key.fallback);
    }

    /** The table's value, else the system property's, else null. */
    private String raw(Key key) {
        String stored = values().get(key.key());
        if (stored != null) {
            return stored;
        }
        String property = System.getProperty(key.property());
        return property == null || property.isBlank() ? null : property.strip();
    }

    private static Optional<Long> parse(Key key, String raw) {
        try {
            long n = Long.parseLong(raw.strip());
            return n < key.min() || n > key.max() ? Optional.empty() : Optional.of(n);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Map<String, String> values() {
        return cache.values(() -> em.createNamedQuery(Setting.ALL, Setting.class).getResultList().stream()
                .collect(Collectors.toMap(Setting::getKey, Setting::getValue)));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
