package org.babillard.feeds.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The secret token in the addresses of a person's Atom feeds; revoking it deletes the row, and a new one differs. */
@Entity
@Table(name = "feed_token")
public class FeedToken {

    @Id
    @Column(name = "employee_id")
    private Long employeeId;

    @Column(nullable = false, unique = true, length = 64)
    private String token;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected FeedToken() {
        // for JPA
    }

    public FeedToken(long employeeId, String token, Instant now) {
        this.employeeId = employeeId;
        this.token = token;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    public Long getEmployeeId() {
        return employeeId;
    }

    public String getToken() {
        return token;
    }
}
