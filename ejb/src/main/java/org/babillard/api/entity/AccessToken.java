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

/**
 * An access token an application holds: for an employee (authorization code) or for the application alone
 * (client credentials, which reads nothing personal). Only its hash is stored; revoking keeps the row.
 */
@Entity
@Table(name = "api_token")
@NamedQuery(name = AccessToken.BY_HASH,
        query = "select t from AccessToken t join fetch t.app left join fetch t.employee where t.tokenHash = :hash")
@NamedQuery(name = AccessToken.OF_EMPLOYEE,
        query = "select t from AccessToken t join fetch t.app where t.employee.id = :employee and t.revokedAt is null order by t.id desc")
public class AccessToken {

    public static final String BY_HASH = "AccessToken.byHash";
    public static final String OF_EMPLOYEE = "AccessToken.ofEmployee";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
    @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 1)
    private Long id;

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "app_id", nullable = false, updatable = false)
    private ApiApp app;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "employee_id", updatable = false)
    private Employee employee;

    @Column(nullable = false, updatable = false, length = 500)
    private String scopes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected AccessToken() {
        // for JPA
    }

    public AccessToken(String tokenHash, ApiApp app, Employee employee, String scopes, Instant now) {
        this.tokenHash = tokenHash;
        this.app = app;
        this.employee = employee;
        this.scopes = scopes;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now.atOffset(ZoneOffset.UTC);
        }
    }

    /** Records a use, at most once a minute (a busy client does not write at every call). */
    public boolean used(Instant now) {
        if (lastUsedAt == null || lastUsedAt.toInstant().plusSeconds(60).isBefore(now)) {
            lastUsedAt = now.atOffset(ZoneOffset.UTC);
            return true;
        }
        return false;
    }

    public Long getId() {
        return id;
    }

    public ApiApp getApp() {
        return app;
    }

    public Employee getEmployee() {
        return employee;
    }

    public String getScopes() {
        return scopes;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public Instant getCreatedAt() {
        return createdAt.toInstant();
    }

    public Instant getLastUsedAt() {
        return lastUsedAt == null ? null : lastUsedAt.toInstant();
    }
}
