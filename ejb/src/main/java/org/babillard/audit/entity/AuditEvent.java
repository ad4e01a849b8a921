package org.babillard.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.regex.Pattern;

/** One line of the audit log. Every column is written once: nothing in Babillard updates or deletes a line. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, updatable = false)
    private OffsetDateTime at;

    @Column(length = 100, updatable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40, updatable = false)
    private AuditAction action;

    @Column(length = 300, updatable = false)
    private String target;

    @Column(length = 1000, updatable = false)
    private String detail;

    @Column(length = 64, updatable = false)
    private String address;

    protected AuditEvent() {
    }

    public AuditEvent(OffsetDateTime at, String actor, AuditAction action, String target, String detail, String address) {
        this.at = at;
        this.actor = cut(actor, 100);
        this.action = action;
        this.target = cut(target, 300);
        this.detail = cut(detail, 1000);
        this.address = cut(address, 64);
    }

    /** Control characters (but line feeds and tabs) that a typed name may carry: PostgreSQL refuses NUL in text. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

    /** The value as stored: control characters shown as U+FFFD, cut to the column (never inside a character). */
    private static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = CONTROL.matcher(value).replaceAll("\uFFFD");
        if (clean.length() <= max) {
            return clean;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--;
        }
        return clean.substring(0, end) + "…";
    }

    public Long getId() {
        return id;
    }

    public OffsetDateTime getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getDetail() {
        return detail;
    }

    public String getAddress() {
        return address;
    }
}
