package org.babillard.api.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** An application registered for the API (a Mastodon app, a script): its client id, secret hash, redirect URIs, scopes. */
@Entity
@Table(name = "api_app")
@NamedQuery(name = ApiApp.BY_CLIENT_ID, query = "select a from ApiApp a where a.clientId = :clientId")
public class ApiApp {

    public static final String BY_CLIENT_ID = "ApiApp.byClientId";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_app_seq")
    @SequenceGenerator(name = "api_app_seq", sequenceName = "api_app_seq", allocationSize = 1)
    private Long id;

    @Column(name = "client_id", nullable = false, updatable = false, length = 64)
    private String clientId;

    @Column(name = "secret_hash", nullable = false, updatable = false, length = 64)
    private String secretHash;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 500)
    private String website;

    @Column(name = "redirect_uris", nullable = false, length = 2000)
    private String redirectUris;

    @Column(nullable = false, length = 500)
    private String scopes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected ApiApp() {
        // for JPA
    }

    public ApiApp(String clientId, String secretHash, String name, String website, List<String> redirectUris,
                  String scopes, Instant now) {
        this.clientId = clientId;
        this.secretHash = secretHash;
        this.name = name;
        this.website = website;
        this.redirectUris = String.join("\n", redirectUris);
        this.scopes = scopes;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    public Long getId() {
        return id;
    }

    public String getClientId() {
        return clientId;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public String getName() {
        return name;
    }

    public String getWebsite() {
        return website;
    }

    public List<String> getRedirectUris() {
        return Arrays.stream(redirectUris.split("\n")).filter(s -> !s.isBlank()).toList();
    }

    public String getScopes() {
        return scopes;
    }
}
