package org.babillard.api;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.babillard.api.boundary.OAuth;
import org.babillard.api.boundary.OAuthRefused;
import org.babillard.api.boundary.RegisteredApp;
import org.babillard.audit.boundary.AuditLog;
import org.babillard.audit.entity.AuditAction;
import org.babillard.audit.entity.AuditEvent;
import org.babillard.it.Deployments;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.DirectoryProfile;
import org.babillard.people.entity.Employee;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OAuth boundary on the real server: codes, PKCE, scopes, secrets, revocation, and a former employee's tokens. */
@ExtendWith(ArquillianExtension.class)
class OAuthIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.babillardWithTests(OAuthIT.class);
    }

    @Inject
    OAuth oauth;

    @Inject
    People people;

    @Inject
    AuditLog audit;

    @PersistenceContext(unitName = "babillard-ejb.jar#babillard")
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Test
    void aCodeWorksOnceWithItsVerifierAndGivesOnlyTheScopesConsentedTo() throws Exception {
        String me = employee();
        RegisteredApp app = oauth.register("OAuthIT", "https://app.example/callback " + OAuth.OUT_OF_BAND, "read write follow", null);
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));

        assertEquals("invalid_scope", refused(() -> oauth.authorize(me, app.clientId(), OAuth.OUT_OF_BAND, "admin:read", null, null)));
        assertEquals("invalid_scope", refused(() -> oauth.consent(app.clientId(), OAuth.OUT_OF_BAND, "push")), "not registered");
        assertEquals("invalid_request", refused(() -> oauth.consent(app.clientId(), "https://evil.example/", "read")));
        assertEquals("invalid_client", refused(() -> oauth.consent("no-such-client", OAuth.OUT_OF_BAND, "read")));

        String code = oauth.authorize(me, app.clientId(), "https://app.example/callback", "read", challenge, "S256");
        assertEquals("invalid_client", refused(() -> oauth.exchange(app.clientId(), "wrong", code, null, verifier)));
        String token = oauth.exchange(app.clientId(), app.clientSecret(), code, "https://app.example/callback", verifier).accessToken();
        assertEquals("invalid_grant", refused(() -> oauth.exchange(app.clientId(), app.clientSecret(), code, null, verifier)), "once");
        var caller = oauth.authenticate(token).orElseThrow();
        assertEquals(me, caller.username());
        assertEquals(Set.of("read"), caller.scopes());
        assertTrue(caller.allows("read:statuses"));
        assertFalse(caller.allows("write:statuses"));

        String withoutVerifier = oauth.authorize(me, app.clientId(), OAuth.OUT_OF_BAND, "read", challenge, "S256");
        assertEquals("invalid_grant", refused(() -> oauth.exchange(app.clientId(), app.clientSecret(), withoutVerifier, null, null)));

        assertEquals(1, oauth.connected(me).size(), "the employee sees the application they connected");
        oauth.disconnect(me, oauth.connected(me).get(0).tokenId());
        assertTrue(oauth.authenticate(token).isEmpty(), "withdrawn access opens nothing");
    }

    @Test
    void aFormerEmployeesTokenOpensNothing() throws Exception {
        String me = employee();
        RegisteredApp app = oauth.register("OAuthIT", OAuth.OUT_OF_BAND, "read", null);
        String token = oauth.exchange(app.clientId(), app.clientSecret(),
                oauth.authorize(me, app.clientId(), OAuth.OUT_OF_BAND, "read", null, null), null, null).accessToken();
        assertTrue(oauth.authenticate(token).isPresent());
        tx.begin();
        em.createQuery("select e from Employee e where e.username = :u", Employee.class).setParameter("u", me)
                .getSingleResult().left(Instant.now());
        tx.commit();
        assertTrue(oauth.authenticate(token).isEmpty());
        assertTrue(oauth.authenticate("").isEmpty());
        assertTrue(oauth.authenticate("x".repeat(500)).isEmpty());
    }

    private interface Call {
        void run() throws Exception;
    }

    private static String refused(Call call) {
        OAuthRefused e = assertThrows(OAuthRefused.class, call::run);
        return e.error();
    }

    @Test
    void givingAndWithdrawingAnApplicationsAccessAreAudited() throws Exception {
        String me = employee();
        String name = "Audited <app> " + UUID.randomUUID().toString().substring(0, 6);
        RegisteredApp app = oauth.register(name, OAuth.OUT_OF_BAND, "read write", null);
        String token = oauth.exchange(app.clientId(), app.clientSecret(),
                oauth.authorize(me, app.clientId(), OAuth.OUT_OF_BAND, "read", null, null), null, null).accessToken();

        List<AuditEvent> granted = audit.page(AuditAction.APP_AUTHORIZED, me, null, 10);
        assertEquals(1, granted.size(), "the consent is a line of the audit log");
        assertEquals(me, granted.get(0).getActor());
        assertEquals("app \"" + name + "\"", granted.get(0).getTarget());
        assertEquals("scopes: read", granted.get(0).getDetail());

        long tokenId = oauth.connected(me).get(0).tokenId();
        oauth.disconnect(me, tokenId);
        oauth.disconnect(me, tokenId);
        List<AuditEvent> withdrawn = audit.page(AuditAction.APP_ACCESS_REVOKED, me, null, 10);
        assertEquals(1, withdrawn.size(), "withdrawn once, one line: " + withdrawn.size());
        assertEquals(me, withdrawn.get(0).getActor());
        assertEquals("withdrawn by the employee", withdrawn.get(0).getDetail());

        // The application gives up a token itself (RFC 7009): the employee it belonged to is the one concerned.
        String second = oauth.exchange(app.clientId(), app.clientSecret(),
                oauth.authorize(me, app.clientId(), OAuth.OUT_OF_BAND, "read write", null, null), null, null).accessToken();
        oauth.revoke(app.clientId(), app.clientSecret(), second);
        oauth.revoke(app.clientId(), app.clientSecret(), token);
        List<AuditEvent> all = audit.page(AuditAction.APP_ACCESS_REVOKED, me, null, 10);
        assertEquals(2, all.size(), "a token revoked already is not revoked twice");
        assertEquals(null, all.get(0).getActor(), "the application acted, not a person");
        assertEquals(me, all.get(0).getTarget());
        assertEquals("given up by app \"" + name + "\"", all.get(0).getDetail());
        assertEquals(2, audit.page(AuditAction.APP_AUTHORIZED, me, null, 10).size());
    }

    private String employee() {
        String username = "oauth." + UUID.randomUUID().toString().substring(0, 8);
        people.loggedIn(username, new DirectoryProfile("uid=" + username + ",ou=people,dc=babillard,dc=example",
                "Test " + username, username + "@babillard.example", "QA", "Ingénierie", "Lyon"));
        return username;
    }
}
