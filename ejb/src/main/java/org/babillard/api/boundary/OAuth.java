package org.babillard.api.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.api.control.Scopes;
import org.babillard.api.entity.AccessToken;
import org.babillard.api.entity.ApiApp;
import org.babillard.api.entity.AuthorizationCode;
import org.babillard.audit.boundary.AuditLog;
import org.babillard.audit.entity.AuditAction;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.Employee;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * OAuth 2 for the API, as Mastodon does it: applications register ({@code POST /api/v1/apps}), an employee
 * logged in with the directory consents and the application gets a one-time code (with PKCE when the application
 * sent a challenge), which it exchanges for a token. Secrets, codes and tokens are random (256 bits) and stored
 * only as SHA-256 hashes.
 */
@Stateless
public class OAuth {

    /** The redirect URI that shows the code on Babillard's page instead of sending it somewhere. */
    public static final String OUT_OF_BAND = "urn:ietf:wg:oauth:2.0:oob";
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Inject
    AuditLog audit;

    /** Registers an application. */
    public RegisteredApp register(String name, String redirectUris, String scopes, String website) throws OAuthRefused {
        String clientName = name == null ? "" : name.strip();
        if (clientName.isEmpty() || clientName.length() > 200) {
            throw new OAuthRefused("invalid_request", "client_name is required (at most 200 characters)");
        }
        List<String> uris = new ArrayList<>();
        for (String uri : (redirectUris == null ? "" : redirectUris).split("[\\s]+")) {
            if (!uri.isBlank()) {
                uris.add(checkedRedirect(uri));
            }
        }
        if (uris.isEmpty()) {
            throw new OAuthRefused("invalid_request", "redirect_uris is required");
        }
        Set<String> asked = checkedScopes(scopes);
        String site = website == null || website.isBlank() ? null : website.strip();
        if (site != null && (site.length() > 500 || !site.matches("(?i)https?://\\S+"))) {
            throw new OAuthRefused("invalid_request", "website must be an http(s) URL");
        }
        String clientId = random();
        String secret = random();
        ApiApp app = new ApiApp(clientId, hash(secret), clientName, site, uris, Scopes.join(asked), now());
        em.persist(app);
        em.flush();
        return new RegisteredApp(app.getId(), clientName, site, uris, Scopes.join(asked), clientId, secret);
    }

    /** The application as the consent page presents it, if the client id, redirect URI and scopes hold. */
    public AppInfo consent(String clientId, String redirectUri, String scopes) throws OAuthRefused {
        ApiApp app = app(clientId).orElseThrow(() -> new OAuthRefused("invalid_client", "Unknown client_id"));
        checkRedirectOf(app, redirectUri);
        Set<String> asked = checkedScopes(scopes);
        if (!Scopes.within(asked, Scopes.parse(app.getScopes()))) {
            throw new OAuthRefused("invalid_scope", "The requested scope is not among the application's");
        }
        return new AppInfo(app.getClientId(), app.getName(), app.getWebsite(), app.getRedirectUris(), Scopes.join(asked));
    }

    /**
     * The employee consents: a one-time code for the application, valid ten minutes.
     *
     * @param challenge the PKCE code challenge (null without PKCE)
     * @param method    "S256" or "plain" (null means plain when there is a challenge)
     */
    public String authorize(String username, String clientId, String redirectUri, String scopes, String challenge,
                            String method) throws OAuthRefused {
        AppInfo info = consent(clientId, redirectUri, scopes);
        Employee employee = people.find(username).filter(Employee::isActive)
                .orElseThrow(() -> new OAuthRefused("access_denied", "Not an employee"));
        String pkceMethod = null;
        if (challenge != null && !challenge.isBlank()) {
            pkceMethod = method == null || method.isBlank() ? "plain" : method;
            if (!pkceMethod.equals("S256") && !pkceMethod.equals("plain")) {
                throw new OAuthRefused("invalid_request", "code_challenge_method must be S256 or plain");
            }
            if (!challenge.matches("[A-Za-z0-9._~-]{43,128}")) {
                throw new OAuthRefused("invalid_request", "code_challenge must be 43 to 128 unreserved characters");
            }
        }
        String code = random();
        em.persist(new AuthorizationCode(hash(code), app(clientId).orElseThrow(), employee, redirectUri, info.scopes(),
                pkceMethod == null ? null : challenge, pkceMethod, now().plus(CODE_LIFETIME)));
        audit.record(AuditAction.APP_AUTHORIZED, employee.getUsername(), appLabel(info.name()), "scopes: " + info.scopes());
        return code;
    }

    /** Exchanges a code for a token (grant_type=authorization_code). A code works once. */
    public IssuedToken exchange(String clientId, String clientSecret, String code, String redirectUri, String verifier)
            throws OAuthRefused {
        ApiApp app = client(clientId, clientSecret);
        if (code == null || code.isBlank()) {
            throw new OAuthRefused("invalid_request", "code is required");
        }
        AuthorizationCode grant = em.createNamedQuery(AuthorizationCode.BY_HASH, AuthorizationCode.class)
                .setParameter("hash", hash(code)).getResultStream().findFirst()
                .orElseThrow(() -> new OAuthRefused("invalid_grant", "The code is invalid, expired or used"));
        if (!grant.getApp().getId().equals(app.getId()) || !grant.use(now())) {
            throw new OAuthRefused("invalid_grant", "The code is invalid, expired or used");
        }
        if (redirectUri != null && !redirectUri.isBlank() && !redirectUri.equals(grant.getRedirectUri())) {
            throw new OAuthRefused("invalid_grant", "redirect_uri differs from the authorization request's");
        }
        if (grant.getChallenge() != null) {
            if (verifier == null || verifier.isBlank()) {
                throw new OAuthRefused("invalid_grant", "code_verifier is required");
            }
            String expected = grant.getChallengeMethod().equals("S256")
                    ? Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier.getBytes(StandardCharsets.US_ASCII)))
                    : verifier;
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), grant.getChallenge().getBytes(StandardCharsets.US_ASCII))) {
                throw new OAuthRefused("invalid_grant", "code_verifier does not match the code_challenge");
            }
        }
        if (!grant.getEmployee().isActive()) {
            throw new OAuthRefused("invalid_grant", "The employee no longer works here");
        }
        return issue(app, grant.getEmployee(), grant.getScopes());
    }

    /** A token for the application itself (grant_type=client_credentials): it reads nothing personal. */
    public IssuedToken clientCredentials(String clientId, String clientSecret, String scopes) throws OAuthRefused {
        ApiApp app = client(clientId, clientSecret);
        Set<String> asked = checkedScopes(scopes);
        if (!Scopes.within(asked, Scopes.parse(app.getScopes()))) {
            throw new OAuthRefused("invalid_scope", "The requested scope is not among the application's");
        }
        return issue(app, null, Scopes.join(asked));
    }

    /** Revokes a token of this application (RFC 7009: an unknown token is not an error). */
    public void revoke(String clientId, String clientSecret, String token) throws OAuthRefused {
        ApiApp app = client(clientId, clientSecret);
        if (token == null) {
            return;
        }
        em.createNamedQuery(AccessToken.BY_HASH, AccessToken.class).setParameter("hash", hash(token))
                .getResultStream().filter(t -> t.getApp().getId().equals(app.getId()) && !t.isRevoked())
                .forEach(t -> {
                    t.revoke(now());
                    if (t.getEmployee() != null) {
                        audit.record(AuditAction.APP_ACCESS_REVOKED, null, t.getEmployee().getUsername(),
                                "given up by " + appLabel(app.getName()));
                    }
                });
    }

    /** The caller a bearer token stands for, if it is valid, not revoked, and its employee still works here. */
    public Optional<Caller> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        Optional<AccessToken> found = em.createNamedQuery(AccessToken.BY_HASH, AccessToken.class)
                .setParameter("hash", hash(token.strip())).getResultStream().findFirst();
        if (found.isEmpty() || found.get().isRevoked()) {
            return Optional.empty();
        }
        AccessToken t = found.get();
        if (t.getEmployee() != null && !t.getEmployee().isActive()) {
            return Optional.empty();
        }
        t.used(now());
        return Optional.of(new Caller(t.getEmployee() == null ? null : t.getEmployee().getUsername(),
                Scopes.parse(t.getScopes()), t.getId(), t.getApp().getName(), t.getApp().getWebsite()));
    }

    /** The applications this employee gave access to (their tokens not revoked). */
    public List<ConnectedApp> connected(String username) {
        Employee employee = people.find(username).orElseThrow();
        return em.createNamedQuery(AccessToken.OF_EMPLOYEE, AccessToken.class).setParameter("employee", employee.getId())
                .getResultList().stream()
                .map(t -> new ConnectedApp(t.getId(), t.getApp().getName(), t.getApp().getWebsite(), t.getScopes(),
                        t.getCreatedAt(), t.getLastUsedAt()))
                .toList();
    }

    /** The employee withdraws an application's access (one of their own tokens; anyone else's is ignored). */
    public void disconnect(String username, long tokenId) {
        Employee employee = people.find(username).orElseThrow();
        AccessToken token = em.find(AccessToken.class, tokenId);
        if (token != null && token.getEmployee() != null && token.getEmployee().getId().equals(employee.getId())
                && !token.isRevoked()) {
            token.revoke(now());
            audit.record(AuditAction.APP_ACCESS_REVOKED, employee.getUsername(), appLabel(token.getApp().getName()),
                    "withdrawn by the employee");
        }
    }

    /** Registers the application that holds a bot's tokens; @return its id. Nobody knows its client secret. */
    public long botApp(String botUsername) {
        ApiApp app = new ApiApp(random(), hash(random()), "Bot @" + botUsername, null, List.of(OUT_OF_BAND), "read write",
                now());
        em.persist(app);
        em.flush();
        return app.getId();
    }

    /**
     * A token for a bot, which an administrator hands to the program that acts as it (shown once).
     *
     * @throws OAuthRefused invalid_scope for a scope Mastodon does not know
     */
    public IssuedToken botToken(Employee bot, String scopes) throws OAuthRefused {
        if (!bot.isBot() || bot.getBotAppId() == null) {
            throw new IllegalArgumentException(bot.getUsername() + " is not a bot");
        }
        return issue(em.find(ApiApp.class, bot.getBotAppId()), bot, Scopes.join(checkedScopes(scopes)));
    }

    /** How the audit log names an application (its name is the application's own choice, shown as text). */
    private static String appLabel(String name) {
        return "app \"" + name + "\"";
    }

    private IssuedToken issue(ApiApp app, Employee employee, String scopes) {
        String token = random();
        Instant now = now();
        em.persist(new AccessToken(hash(token), app, employee, scopes, now));
        return new IssuedToken(token, scopes, now.getEpochSecond());
    }

    private ApiApp client(String clientId, String clientSecret) throws OAuthRefused {
        Optional<ApiApp> app = app(clientId);
        // The same answer whether the id is unknown or the secret wrong; the comparison takes the same time.
        byte[] given = hash(clientSecret == null ? "" : clientSecret).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = app.map(ApiApp::getSecretHash).orElse("0".repeat(64)).getBytes(StandardCharsets.US_ASCII);
        if (app.isEmpty() || !MessageDigest.isEqual(given, expected)) {
            throw new OAuthRefused("invalid_client", "Client authentication failed");
        }
        return app.get();
    }

    private Optional<ApiApp> app(String clientId) {
        if (clientId == null || clientId.isBlank() || clientId.length() > 64) {
            return Optional.empty();
        }
        return em.createNamedQuery(ApiApp.BY_CLIENT_ID, ApiApp.class).setParameter("clientId", clientId)
                .getResultStream().findFirst();
    }

    private static void checkRedirectOf(ApiApp app, String redirectUri) throws OAuthRefused {
        if (redirectUri == null || !app.getRedirectUris().contains(redirectUri)) {
            throw new OAuthRefused("invalid_request", "redirect_uri is not one the application registered");
        }
    }

    private static String checkedRedirect(String uri) throws OAuthRefused {
        if (uri.equals(OUT_OF_BAND)) {
            return uri;
        }
        try {
            URI parsed = new URI(uri);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            // Native apps use their own scheme (myapp://callback); a script would run in the page's origin.
            if (!parsed.isAbsolute() || parsed.getFragment() != null || uri.length() > 500
                    || Set.of("javascript", "data", "vbscript", "file").contains(scheme)) {
                throw new OAuthRefused("invalid_request", "Invalid redirect URI: " + uri);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new OAuthRefused("invalid_request", "Invalid redirect URI: " + uri);
        }
    }

    private static Set<String> checkedScopes(String scopes) throws OAuthRefused {
        Set<String> asked = Scopes.parse(scopes);
        for (String scope : asked) {
            if (!Scopes.known(scope)) {
                throw new OAuthRefused("invalid_scope", "Unknown scope: " + scope);
            }
        }
        return asked;
    }

    private static Instant now() {
        return Clock.systemUTC().instant();
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String value) {
        return HexFormat.of().formatHex(sha256(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
