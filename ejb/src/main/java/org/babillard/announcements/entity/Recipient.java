package org.babillard.announcements.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.babillard.people.entity.Employee;

import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A person an announcement went to, written once at publication (mostly by one INSERT ... SELECT over the audience):
 * the base of the statistics, of the must-read banner and of the reminders. Reading the News page does not use it.
 */
@Entity
@Table(name = "announcement_recipient")
@IdClass(Recipient.Key.class)
public class Recipient {

    @Id
    @Column(name = "announcement_id")
    private Long announcementId;

    @Id
    @Column(name = "employee_id")
    private Long employeeId;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "employee_id", insertable = false, updatable = false)
    private Employee employee;

    @Column(updatable = false)
    private String department;

    @Column(updatable = false)
    private String site;

    @Column(name = "opened_at")
    private OffsetDateTime openedAt;

    @Column(name = "acknowledged_at")
    private OffsetDateTime acknowledgedAt;

    @Column(name = "reminded_at")
    private OffsetDateTime remindedAt;

    protected Recipient() {
        // for JPA
    }

    /** A recipient added one by one (a manager's reports); the others are written by one INSERT ... SELECT. */
    public Recipient(long announcementId, Employee employee) {
        this.announcementId = announcementId;
        this.employeeId = employee.getId();
        this.employee = employee;
        this.department = employee.getDepartment();
        this.site = employee.getSite();
    }

    /** The reader opened the announcement (the first time counts). */
    public void opened(Instant now) {
        if (openedAt == null) {
            openedAt = now.atOffset(ZoneOffset.UTC);
        }
    }

    /** "I have read this": also counts as opened. */
    public void acknowledged(Instant now) {
        opened(now);
        if (acknowledgedAt == null) {
            acknowledgedAt = now.atOffset(ZoneOffset.UTC);
        }
    }

    public Long getAnnouncementId() {
        return announcementId;
    }

    public Employee getEmployee() {
        return employee;
    }

    public String getDepartment() {
        return department;
    }

    public String getSite() {
        return site;
    }

    public Instant getOpenedAt() {
        return openedAt == null ? null : openedAt.toInstant();
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt == null ? null : acknowledgedAt.toInstant();
    }

    public Instant getRemindedAt() {
        return remindedAt == null ? null : remindedAt.toInstant();
    }

    /** The composite key: one row per announcement and person. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private Long announcementId;
        private Long employeeId;

        public Key() {
        }

        public Key(Long announcementId, Long employeeId) {
            this.announcementId = announcementId;
            this.employeeId = employeeId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(announcementId, k.announcementId) && Objects.equals(employeeId, k.employeeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(announcementId, employeeId);
        }
    }
}
