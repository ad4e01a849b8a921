package org.babillard.channels.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.babillard.people.entity.Employee;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A place where a group of employees talks: open to all, private to its members, or an announcement channel
 * where only owners start threads. A team channel's membership belongs to a directory group.
 */
@Entity
@Table(name = "channel")
@NamedQuery(name = Channel.BY_SLUG, query = "select c from Channel c where c.slug = :slug")
@NamedQuery(name = Channel.BY_GROUP, query = "select c from Channel c where c.directoryGroup = :group")
@NamedQuery(name = Channel.TEAMS, query = "select c from Channel c where c.directoryGroup is not null")
@NamedQuery(name = Channel.OPEN_OR_MINE, query = """
        select c from Channel c where c.access = org.babillard.channels.entity.Channel.Access.OPEN
           or c.id in (select m.channel.id from Membership m where m.employee.id = :me)
        order by c.name""")
@NamedQuery(name = Channel.SEARCH_VISIBLE, query = """
        select c from Channel c where (lower(c.name) like :q or lower(c.slug) like :q)
          and (c.access = org.babillard.channels.entity.Channel.Access.OPEN
               or c.id in (select m.channel.id from Membership m where m.employee.id = :me))
        order by c.name""")
public class Channel {

    public static final String BY_SLUG = "Channel.bySlug";
    public static final String BY_GROUP = "Channel.byGroup";
    public static final String TEAMS = "Channel.teams";
    public static final String OPEN_OR_MINE = "Channel.openOrMine";
    public static final String SEARCH_VISIBLE = "Channel.searchVisible";

    /** Who may read the channel and join it. */
    public enum Access {
        /** Anyone reads it and joins it. */
        OPEN,
        /** Only members read it; others join by a request an owner approves, or by invitation. */
        PRIVATE
    }

    /** Who may start a thread in it; everyone who can read may reply. */
    public enum Posting {
        MEMBERS,
        /** An announcement channel. */
        OWNERS
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "channel_seq")
    @SequenceGenerator(name = "channel_seq", sequenceName = "channel_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, length = 80, updatable = false)
    private String slug;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(length = 1000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Access access;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Posting posting;

    @Column(name = "directory_group", length = 1024, updatable = false)
    private String directoryGroup;

    @Column(name = "archived_at")
    private OffsetDateTime archivedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by", updatable = false)
    private Employee createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    /** How many days posts stay before retention deletes them; null: the company's default applies. */
    @Column(name = "retention_days")
    private Integer retentionDays;

    @Version
    private long version;

    protected Channel() {
        // for JPA
    }

    /** A channel an employee creates; they become its first owner. */
    public Channel(String slug, String name, String description, Access access, Posting posting, Employee createdBy,
                   Instant now) {
        this.slug = Objects.requireNonNull(slug);
        this.name = Objects.requireNonNull(name);
        this.description = description;
        this.access = Objects.requireNonNull(access);
        this.posting = Objects.requireNonNull(posting);
        this.createdBy = createdBy;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    /** A team channel whose members are the directory group's members. */
    public static Channel team(String slug, String name, String description, String directoryGroup, Instant now) {
        Channel team = new Channel(slug, name, description, Access.OPEN, Posting.MEMBERS, null, now);
        team.directoryGroup = Objects.requireNonNull(directoryGroup);
        return team;
    }

    public void describe(String name, String description) {
        this.name = Objects.requireNonNull(name);
        this.description = description;
    }

    public void settings(Access access, Posting posting) {
        this.access = Objects.requireNonNull(access);
        this.posting = Objects.requireNonNull(posting);
    }

    public void archive(Instant now) {
        this.archivedAt = now.atOffset(ZoneOffset.UTC);
    }

    public void restore() {
        this.archivedAt = null;
    }

    /** Sets the channel's own retention in days (null: the company's default). */
    public void retention(Integer days) {
        this.retentionDays = days;
    }

    public Integer getRetentionDays() {
        return retentionDays;
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Access getAccess() {
        return access;
    }

    public Posting getPosting() {
        return posting;
    }

    public boolean isPrivate() {
        return access == Access.PRIVATE;
    }

    public boolean isAnnouncements() {
        return posting == Posting.OWNERS;
    }

    /** A team channel: the directory decides who is a member. */
    public boolean isTeam() {
        return directoryGroup != null;
    }

    public String getDirectoryGroup() {
        return directoryGroup;
    }

    public boolean isArchived() {
        return archivedAt != null;
    }

    public Instant getArchivedAt() {
        return archivedAt == null ? null : archivedAt.toInstant();
    }

    public Instant getCreatedAt() {
        return createdAt.toInstant();
    }

    public long getVersion() {
        return version;
    }
}
