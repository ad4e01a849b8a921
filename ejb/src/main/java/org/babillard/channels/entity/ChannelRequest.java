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
import org.babillard.people.entity.Employee;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** A pending way into a private channel: an employee's request, or an owner's invitation. */
@Entity
@Table(name = "channel_request")
@NamedQuery(name = ChannelRequest.OF, query = "select r from ChannelRequest r where r.channel.id = :channel and r.employee.id = :employee")
@NamedQuery(name = ChannelRequest.OF_CHANNEL, query = """
        select r from ChannelRequest r join fetch r.employee e where r.channel.id = :channel order by r.id""")
@NamedQuery(name = ChannelRequest.INVITATIONS_OF, query = """
        select r from ChannelRequest r join fetch r.channel where r.employee.id = :employee
        and r.kind = org.babillard.channels.entity.ChannelRequest.Kind.INVITATION order by r.id""")
public class ChannelRequest {

    public static final String OF = "ChannelRequest.of";
    public static final String OF_CHANNEL = "ChannelRequest.ofChannel";
    public static final String INVITATIONS_OF = "ChannelRequest.invitationsOf";

    public enum Kind {
        REQUEST, INVITATION
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "channel_request_seq")
    @SequenceGenerator(name = "channel_request_seq", sequenceName = "channel_request_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "channel_id", nullable = false, updatable = false)
    private Channel channel;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "employee_id", nullable = false, updatable = false)
    private Employee employee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private Kind kind;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "asked_by", nullable = false, updatable = false)
    private Employee askedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected ChannelRequest() {
        // for JPA
    }

    public ChannelRequest(Channel channel, Employee employee, Kind kind, Employee askedBy, Instant now) {
        this.channel = Objects.requireNonNull(channel);
        this.employee = Objects.requireNonNull(employee);
        this.kind = Objects.requireNonNull(kind);
        this.askedBy = Objects.requireNonNull(askedBy);
        this.createdAt = now.atOffset(ZoneOffset.UTC);
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

    public Kind getKind() {
        return kind;
    }

    public Employee getAskedBy() {
        return askedBy;
    }

    public Instant getCreatedAt() {
        return createdAt.toInstant();
    }
}
