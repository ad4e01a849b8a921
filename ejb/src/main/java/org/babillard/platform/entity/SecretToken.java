package org.babillard.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * A person's secret token in an address that programs read without logging in (a calendar feed, the Atom feeds):
 * one per person, 256 random bits; revoking deletes the row, and a new one differs.
 */
@MappedSuperclass
public abstract class SecretToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @Column(name = "employee_id")
    private Long employeeId;

    @Column(nullable = false, unique = true, length = 64)
    private String token;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected SecretToken() {
        // for JPA
    }

    protected SecretToken(long employeeId, String token, Instant now) {
        this.employeeId = employeeId;
        this.token = token;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    /** A new random token, URL-safe. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a text could be a token at all (checked before any query). */
    public static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{20,64}");
    }

    public Long getEmployeeId() {
        return employeeId;
    }

    public String getToken() {
        return token;
    }
}
