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

/**
 * A person of the company as Babillard knows them: created at their first login from the directory entry, and
 * refreshed from it at each login.
 */
@Entity
@Table(name = "employee")
@NamedQuery(name = Employee.FIND_BY_USERNAME, query = "select e from Employee e where e.username = :username")
public class Employee {

    public static final String FIND_BY_USERNAME = "Employee.findByUsername";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "employee_seq")
    @SequenceGenerator(name = "employee_seq", sequenceName = "employee_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
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

    @Column(name = "first_login", nullable = false, updatable = false)
    private OffsetDateTime firstLogin;

    @Column(name = "last_login", nullable = false)
    private OffsetDateTime lastLogin;

    @Version
    private long version;

    protected Employee() {
        // for JPA
    }

    /** A person logging in for the first time, as the directory describes them. */
    public Employee(String username, DirectoryProfile profile, Instant now) {
        this.username = Objects.requireNonNull(username);
        this.firstLogin = now.atOffset(ZoneOffset.UTC);
        refresh(profile, now);
    }

    /** Takes the directory's current view of this person, at a login. */
    public final void refresh(DirectoryProfile profile, Instant now) {
        this.directoryDn = profile.dn();
        this.displayName = profile.displayName();
        this.mail = profile.mail();
        this.title = profile.title();
        this.department = profile.department();
        this.site = profile.site();
        this.lastLogin = now.atOffset(ZoneOffset.UTC);
    }

    public void chooseLanguage(String language) {
        this.language = language;
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

    public Instant getFirstLogin() {
        return firstLogin.toInstant();
    }

    public Instant getLastLogin() {
        return lastLogin.toInstant();
    }
}
