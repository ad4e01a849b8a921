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

/** An employee's place in a channel: member, moderator or owner, and how far they have read. */
@Entity
@Table(name = "channel_member")
@NamedQuery(name = Membership.OF, query = "select m from Membership m where m.channel.id = :channel and m.employee.id = :employee")
@NamedQuery(name = Membership.MEMBERS, query = """
        select m from Membership m join fetch m.employee e where m.channel.id = :channel
        order by m.role desc, e.displayName""")
@NamedQuery(name = Membership.COUNT, query = "select count(m) from Membership m where m.channel.id = :channel")
@NamedQuery(name = Membership.MINE, query = """
        select m from Membership m join fetch m.channel c where m.employee.id = :employee order by c.name""")
@NamedQuery(name = Membership.TEAMS_OF, query = """
        select c from Membership m join m.channel c where m.employee.id = :employee and c.directoryGroup is not null
          and c.archivedAt is null order by c.name""")
@NamedQuery(name = Membership.OWNERS, query = """
        select m from Membership m join fetch m.employee where m.channel.id = :channel
        and m.role = org.babillard.channels.entity.Membership.Role.OWNER""")
public class Membership {

    public static final String OF = "Membership.of";
    public static final String MEMBERS = "Membership.members";
    public static final String COUNT = "Membership.count";
    public static final String MINE = "Membership.mine";
    public static final String TEAMS_OF = "Membership.teamsOf";
    public static final String OWNERS = "Membership.owners";

    /** In increasing order of rights. */
    public enum Role {
        MEMBER, MODERATOR, OWNER;

        public boolean moderates() {
            return this != MEMBER;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "channel_member_seq")
    @SequenceGenerator(name = "channel_member_seq", sequenceName = "channel_member_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "channel_id", nullable = false, updatable = false)
    private Channel channel;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "employee_id", nullable = false, updatable = false)
    private Employee employee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "joined_at", nullable = false, updatable = false)
    private OffsetDateTime joinedAt;

    @Column(name = "last_read_post", nullable = false)
    private long lastReadPost;

    @Version
    private long version;

    protected Membership() {
        // for JPA
    }

    public Membership(Channel channel, Employee employee, Role role, Instant now) {
        this.channel = Objects.requireNonNull(channel);
        this.employee = Objects.requireNonNull(employee);
        this.role = Objects.requireNonNull(role);
        this.joinedAt = now.atOffset(ZoneOffset.UTC);
    }

    public void role(Role role) {
        this.role = Objects.requireNonNull(role);
    }

    /** Marks the channel read up to this post; reading never moves backwards. */
    public void readUpTo(long postId) {
        lastReadPost = Math.max(lastReadPost, postId);
    }

    public Long getId() {
        return id;
    }

    public Channel getChannel() {
        return channel;
    }

    public Employee getEmployee() {
        return employee;
    }

    public Role getRole() {
        return role;
    }

    public Instant getJoinedAt() {
        return joinedAt.toInstant();
    }

    public long getLastReadPost() {
        return lastReadPost;
    }
}
