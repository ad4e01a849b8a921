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

/** A one-time code an employee's consent gives an application, exchanged for a token within minutes. */
@Entity
@Table(name = "api_code")
@NamedQuery(name = AuthorizationCode.BY_HASH, query = "select c from AuthorizationCode c join fetch c.app where c.codeHash = :hash")
public class AuthorizationCode {

    public static final String BY_HASH = "AuthorizationCode.byHash";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_code_seq")
    @SequenceGenerator(name = "api_code_seq", sequenceName = "api_code_seq", allocationSize = 1)
    private Long id;

    @Column(name = "code_hash", nullable = false, updatable = false, length = 64)
    private String codeHash;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "app_id", nullable = false, updatable = false)
    private ApiApp app;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "employee_id", nullable = false, updatable = false)
    private Employee employee;

    @Column(name = "redirect_uri", nullable = false, updatable = false, length = 500)
    private String redirectUri;

    @Column(nullable = false, updatable = false, length = 500)
    private String scopes;

    @Column(updatable = false, length = 128)
    private String challenge;

    @Column(name = "challenge_method", updatable = false, length = 8)
    private String challengeMethod;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected AuthorizationCode() {
        // for JPA
    }

    public AuthorizationCode(String codeHash, ApiApp app, Employee employee, String redirectUri, String scopes,
                             String challenge, String challengeMethod, Instant expiresAt) {
        this.codeHash = codeHash;
        this.app = app;
        this.employee = employee;
        this.redirectUri = redirectUri;
        this.scopes = scopes;
        this.challenge = challenge;
        this.challengeMethod = challengeMethod;
        this.expiresAt = expiresAt.atOffset(ZoneOffset.UTC);
    }

    /** Marks the code used; false if it was used before or has expired. */
    public boolean use(Instant now) {
        if (usedAt != null || !now.isBefore(expiresAt.toInstant())) {
            return false;
        }
        usedAt = now.atOffset(ZoneOffset.UTC);
        return true;
    }

    public ApiApp getApp() {
        return app;
    }

    public Employee getEmployee() {
        return employee;
    }

    public String getRedirectUri() {
        return redirectUri;
    }

    public String getScopes() {
        return scopes;
    }

    public String getChallenge() {
        return challenge;
    }

    public String getChallengeMethod() {
        return challengeMethod;
    }
}
