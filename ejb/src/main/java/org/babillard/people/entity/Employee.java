package org.babillard.people.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person of the company as Babillard knows them: created at their first login from the directory entry, and
 * refreshed from it at each login.
 */
@Entity
@Table(name = "employee")
@NamedQuery(name = Employee.FIND_BY_USERNAME, query = "select e from Employee e where e.username = :username")
@NamedQuery(name = Employee.ALL, query = "select e from Employee e")
@NamedQuery(name = Employee.BOTS, query = "select e from Employee e where e.botSince is not null and e.leftAt is null order by e.displayName, e.username")
@NamedQuery(name = Employee.FIND_BY_DN, query = "select e from Employee e where lower(e.directoryDn) = :dn")
@NamedQuery(name = Employee.FORMER,
        query = "select e from Employee e where e.leftAt is not null and e.botSince is null and e.erasedAt is null order by e.leftAt desc, e.id desc")
@NamedQuery(name = Employee.REPORTS,
        query = "select e from Employee e where lower(e.managerDn) = :dn and e.leftAt is null order by e.searchText")
public class Employee {

    public static final String FIND_BY_DN = "Employee.findByDn";
    public static final String REPORTS = "Employee.reports";
    /** People who left, whose personal data is not erased yet, latest departure first. */
    public static final String FORMER = "Employee.former";

    public static final String FIND_BY_USERNAME = "Employee.findByUsername";
    public static final String ALL = "Employee.all";
    /** The bots not deleted, by name. */
    public static final String BOTS = "Employee.bots";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "employee_seq")
    @SequenceGenerator(name = "employee_seq", sequenceName = "employee_seq", allocationSize = 1)
    private Long id;

    /** The directory's login; replaced by {@link FormerEmployee#username} when the personal data is erased. */
    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "directory_dn", nullable = false, length = 1024)
    private String directoryDn;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String mail;
    private String title;
    private String department;
    private String site;

    /** The language the person chose in Babillard ("fr", "en"), or null to follow the browser. */
    private String language;

    /** The colour theme the person chose ("light", "dark"), or null to follow the device's setting. */
    private String theme;

    private String phone;

    @Column(name = "manager_dn", length = 1024)
    private String managerDn;

    /** The language the directory gives for the person (preferredLanguage), used until they choose one here. */
    @Column(name = "directory_language")
    private String directoryLanguage;

    /** False once the directory no longer lists the person: a former employee, whose posts stay. */
    private boolean active = true;

    @Column(name = "left_at")
    private OffsetDateTime leftAt;

    @Column(name = "synced_at")
    private OffsetDateTime syncedAt;

    /** The hash of the person's photo (see Photos), or null when the directory has none. */
    @Column(name = "photo_hash", length = 64)
    private String photoHash;

    /** Posts on the person's profile (company-wide, shown, not shares): kept by Posts with SQL increments. */
    @Column(name = "public_posts", insertable = false, updatable = false)
    private long publicPosts;

    /** When the latest of those was written (null: none yet). */
    @Column(name = "last_public_post_at", insertable = false, updatable = false)
    private OffsetDateTime lastPublicPostAt;

    /** How many people follow this person, and how many they follow: kept by Following with SQL increments (V22_2). */
    @Column(name = "followers_count", insertable = false, updatable = false)
    private long followersCount;

    @Column(name = "following_count", insertable = false, updatable = false)
    private long followingCount;

    /** The roles as of the last login or sync, sorted and comma-separated; null before either. */
    private String roles;

    @Column(name = "search_text", length = 1200)
    private String searchText;

    @Column(name = "first_login")
    private OffsetDateTime firstLogin;

    @Column(name = "last_login")
    private OffsetDateTime lastLogin;

    /** When the sync gave the person their start as a newcomer, or found them there at Babillard's first sync. */
    @Column(name = "onboarded_at")
    private OffsetDateTime onboardedAt;

    /** When the person finished or skipped the welcome page of their first login; null until then. */
    @Column(name = "tour_done_at")
    private OffsetDateTime tourDoneAt;

    /** When the person's welcome was settled (posted by their manager, or none without one): it happens once. */
    @Column(name = "welcomed_at")
    private OffsetDateTime welcomedAt;

    /** The person's current status as they wrote it, or null; see {@link #statusAt(Instant)}. */
    @Column(name = "status_text", length = 400)
    private String statusText;

    /** When the status stops showing, or null for "until cleared". */
    @Column(name = "status_until")
    private OffsetDateTime statusUntil;

    /** When an administrator created this account as a bot (see {@link #bot}); null for a person. */
    @Column(name = "bot_since")
    private OffsetDateTime botSince;

    @Column(name = "bot_description", length = 500)
    private String botDescription;

    /** The API application that holds the bot's tokens. */
    @Column(name = "bot_app_id")
    private Long botAppId;

    /** When an administrator erased the person's personal data; null while it is kept. */
    @Column(name = "erased_at")
    private OffsetDateTime erasedAt;

    @Version
    private long version;

    protected Employee() {
        // for JPA
    }

    /** A person logging in for the first time, as the directory describes them. */
    public Employee(String username, DirectoryProfile profile, Instant now) {
        this(username, profile);
        loggedIn(profile, now);
    }

    /** A person the directory sync found before they ever logged in. */
    public static Employee joined(String username, DirectoryProfile profile, Instant now) {
        Employee e = new Employee(username, profile);
        e.syncedAt = now.atOffset(ZoneOffset.UTC);
        return e;
    }

    /**
     * A bot: an account an administrator creates for a program (an ERP, a CI server), which posts only in the
     * channels it was let into. It is no one in the directory: its "directory DN" names no entry, the sync and the
     * people directory leave it aside, and nobody logs in as it.
     */
    public static Employee bot(String username, String displayName, String description, Instant now) {
        Employee e = new Employee(username, new DirectoryProfile("bot:" + username, displayName, null, null, null, null));
        e.botSince = now.atOffset(ZoneOffset.UTC);
        e.botDescription = description;
        e.roles = "";
        return e;
    }

    private Employee(String username, DirectoryProfile profile) {
        this.username = Objects.requireNonNull(username);
        refresh(profile);
    }

    /** A login: the directory's current view of the person, who is (again) an employee. */
    public final void loggedIn(DirectoryProfile profile, Instant now) {
        refresh(profile);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        if (firstLogin == null) {
            firstLogin = at;
        }
        lastLogin = at;
        cameBack();
    }

    /**
     * Takes the directory's current view of the person.
     *
     * @return whether anything changed
     */
    public final boolean refresh(DirectoryProfile profile) {
        if (erasedAt != null) {
            // Nothing of a new directory entry ever fills an erased profile again.
            throw new IllegalStateException("The personal data of " + username + " was erased");
        }
        boolean changed = !Objects.equals(directoryDn, profile.dn()) || !Objects.equals(displayName, profile.displayName())
                || !Objects.equals(mail, profile.mail()) || !Objects.equals(title, profile.title())
                || !Objects.equals(department, profile.department()) || !Objects.equals(site, profile.site())
                || !Objects.equals(phone, profile.phone()) || !Objects.equals(managerDn, profile.managerDn())
                || !Objects.equals(directoryLanguage, profile.language());
        if (changed) {
            this.directoryDn = profile.dn();
            this.displayName = profile.displayName();
            this.mail = profile.mail();
            this.title = profile.title();
            this.department = profile.department();
            this.site = profile.site();
            this.phone = profile.phone();
            this.managerDn = profile.managerDn();
            this.directoryLanguage = profile.language();
        }
        String search = SearchText.of(displayName, username, title, department, site);
        if (!search.equals(searchText)) {
            searchText = search;
            changed = true;
        }
        return changed;
    }

    /**
     * The roles the directory gives the person now.
     *
     * @return whether they differ from the roles known before (false the first time they are known)
     */
    public boolean assignRoles(Set<String> now) {
        String joined = String.join(",", new TreeSet<>(now));
        boolean changed = roles != null && !roles.equals(joined);
        roles = joined;
        return changed;
    }

    /** @return whether the photo changed */
    public boolean photo(String hash) {
        boolean changed = !Objects.equals(photoHash, hash);
        photoHash = hash;
        return changed;
    }

    public String getPhotoHash() {
        return photoHash;
    }

    public Set<String> getRoles() {
        return roles == null || roles.isEmpty() ? Set.of() : Set.of(roles.split(","));
    }

    /** The sync saw the person in the directory. */
    public void synced(Instant now) {
        syncedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** The directory no longer lists the person. Their posts stay, marked as a former employee's. */
    public void left(Instant now) {
        if (active) {
            active = false;
            leftAt = now.atOffset(ZoneOffset.UTC);
        }
    }

    /**
     * The directory lists the person again.
     *
     * @return whether they had left
     */
    public boolean cameBack() {
        if (erasedAt != null) {
            throw new IllegalStateException("The personal data of " + username + " was erased");
        }
        boolean wasGone = !active;
        active = true;
        leftAt = null;
        return wasGone;
    }

    /**
     * Erases the personal data of a person who left: a neutral name and login ({@link FormerEmployee}), a directory
     * name that no entry has, and nothing else of them (contact details, photo, status, preferences, manager, roles).
     * The row stays so that their posts keep an author. Irreversible.
     */
    public void erase(Instant now) {
        if (active || leftAt == null || isBot()) {
            throw new IllegalStateException(username + " has not left the company");
        }
        if (erasedAt != null) {
            return;
        }
        username = FormerEmployee.username(id);
        directoryDn = FormerEmployee.directoryName(id);
        displayName = FormerEmployee.displayName(id);
        mail = null;
        title = null;
        department = null;
        site = null;
        phone = null;
        managerDn = null;
        directoryLanguage = null;
        language = null;
        theme = null;
        photoHash = null;
        roles = "";
        searchText = null;
        statusText = null;
        statusUntil = null;
        firstLogin = null;
        lastLogin = null;
        syncedAt = null;
        erasedAt = now.atOffset(ZoneOffset.UTC);
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    /** Whether the sync has given the person their start (or found them there before Babillard's first sync). */
    public boolean isOnboarded() {
        return onboardedAt != null;
    }

    public void onboarded(Instant now) {
        if (onboardedAt == null) {
            onboardedAt = now.atOffset(ZoneOffset.UTC);
        }
    }

    /** Whether the person's welcome is settled: it is posted once, or never when nobody can post it. */
    public boolean isWelcomed() {
        return welcomedAt != null;
    }

    public void welcomed(Instant now) {
        if (welcomedAt == null) {
            welcomedAt = now.atOffset(ZoneOffset.UTC);
        }
    }

    /** Whether the person finished or skipped the welcome page: it is offered until then, never after. */
    public boolean isTourDone() {
        return tourDoneAt != null;
    }

    public void tourDone(Instant now) {
        if (tourDoneAt == null) {
            tourDoneAt = now.atOffset(ZoneOffset.UTC);
        }
    }

    /** The language to write to the person in: their choice, else the directory's, else null. */
    public String preferredLanguage() {
        return language != null ? language : directoryLanguage;
    }

    public void chooseLanguage(String language) {
        this.language = language;
    }

    /** "light", "dark", or null to follow the device again (already checked by the boundary). */
    public void chooseTheme(String theme) {
        this.theme = theme;
    }

    /** The person sets their status (already checked by the boundary); {@code until} null keeps it until cleared. */
    public void status(String text, Instant until) {
        this.statusText = Objects.requireNonNull(text);
        this.statusUntil = until == null ? null : until.atOffset(ZoneOffset.UTC);
    }

    public void clearStatus() {
        statusText = null;
        statusUntil = null;
    }

    /** The status as it shows at this instant: null when none was set or it has expired. */
    public String statusAt(Instant now) {
        return statusText == null || (statusUntil != null && !statusUntil.toInstant().isAfter(now)) ? null : statusText;
    }

    /** When the status shown at this instant expires, or null (no status, or no expiry). */
    public Instant statusUntilAt(Instant now) {
        return statusAt(now) == null || statusUntil == null ? null : statusUntil.toInstant();
    }

    public boolean isBot() {
        return botSince != null;
    }

    public String getBotDescription() {
        return botDescription;
    }

    public Long getBotAppId() {
        return botAppId;
    }

    public void botApp(long appId) {
        this.botAppId = appId;
    }

    /** An administrator renames or describes the bot. */
    public void describeBot(String displayName, String description) {
        if (!isBot()) {
            throw new IllegalStateException(username + " is not a bot");
        }
        this.displayName = displayName;
        this.botDescription = description;
        this.searchText = SearchText.of(displayName, username, null, null, null);
    }

    /** A bot switched off (its tokens and webhooks stop working) or on again; a deleted one stays off. */
    public void botEnabled(boolean enabled) {
        if (!isBot()) {
            throw new IllegalStateException(username + " is not a bot");
        }
        if (leftAt == null) {
            active = enabled;
        }
    }

    /** Whether a bot was deleted (its posts stay). */
    public boolean isBotDeleted() {
        return isBot() && leftAt != null;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDirectoryDn() {
        return directoryDn;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getMail() {
        return mail;
    }

    public String getTitle() {
        return title;
    }

    public String getDepartment() {
        return department;
    }

    public String getSite() {
        return site;
    }

    public String getLanguage() {
        return language;
    }

    public String getTheme() {
        return theme;
    }

    public String getPhone() {
        return phone;
    }

    public String getManagerDn() {
        return managerDn;
    }

    public String getDirectoryLanguage() {
        return directoryLanguage;
    }

    public boolean isActive() {
        return active;
    }

    /** When the directory stopped listing the person, or null. */
    public Instant getLeftAt() {
        return leftAt == null ? null : leftAt.toInstant();
    }

    /** The first login, or null for someone the sync found who never logged in. */
    public Instant getFirstLogin() {
        return firstLogin == null ? null : firstLogin.toInstant();
    }

    public Instant getLastLogin() {
        return lastLogin == null ? null : lastLogin.toInstant();
    }
}
