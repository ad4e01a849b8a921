package org.babillard.api.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

/** Where an employee stopped reading a timeline ("home" or "notifications"), kept for their API clients. */
@Entity
@Table(name = "api_marker")
@NamedQuery(name = Marker.OF, query = "select m from Marker m where m.employee.id = :employee and m.timeline in :timelines")
public class Marker {

    public static final String OF = "Marker.of";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_marker_seq")
    @SequenceGenerator(name = "api_marker_seq", sequenceName = "api_marker_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "employee_id", nullable = false, updatable = false)
    private Employee employee;

    @Column(nullable = false, updatable = false, length = 16)
    private String timeline;

    @Column(name = "last_read_id", nullable = false)
    private long lastReadId;

    @Column(nullable = false)
    private long version;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Marker() {
        // for JPA
    }

    public Marker(Employee employee, String timeline, long lastReadId, Instant now) {
        this.employee = employee;
        this.timeline = timeline;
        this.lastReadId = lastReadId;
        this.updatedAt = now.atOffset(ZoneOffset.UTC);
    }

    public void move(long lastReadId, Instant now) {
        this.lastReadId = lastReadId;
        this.version++;
        this.updatedAt = now.atOffset(ZoneOffset.UTC);
    }

    public String getTimeline() {
        return timeline;
    }

    public long getLastReadId() {
        return lastReadId;
    }

    public long getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt.toInstant();
    }
}
