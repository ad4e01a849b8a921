package org.babillard.people;

import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.babillard.directory.settings.DirectorySettings;
import org.babillard.it.Deployments;
import org.babillard.people.boundary.DirectoryIdentityStore;
import org.babillard.people.boundary.People;
import org.babillard.people.control.DirectoryAccount;
import org.babillard.people.control.DirectoryClient;
import org.babillard.people.control.DirectoryUnavailable;
import org.babillard.people.control.InvalidCredentials;
import org.babillard.people.control.SignInAttempt;
import org.babillard.people.entity.Employee;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logging in against the real directory (the embedded demo directory, or OpenLDAP in CI) through the identity
 * store the login page uses.
 */
@ExtendWith(ArquillianExtension.class)
class DirectoryLoginIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.babillardWithTests(DirectoryLoginIT.class);
    }

    @Inject
    DirectoryIdentityStore store;

    @Inject
    SignInAttempt attempt;

    @Inject
    People people;


    private CredentialValidationResult login(String name, String password) {
        return store.validate(new UsernamePasswordCredential(name, password));
    }

    @Test
    void anEmployeeLogsInAndTheirProfileComesFromTheDirectory() {
        CredentialValidationResult result = login("camille.durand", "demo");
        assertEquals(CredentialValidationResult.Status.VALID, result.getStatus());
        assertEquals("camille.durand", result.getCallerPrincipal().getName());
        assertEquals(Set.of("employee"), result.getCallerGroups());
        assertEquals(SignInAttempt.Outcome.SIGNED_IN, attempt.outcome());
        Employee camille = people.find("camille.durand").orElseThrow();
        assertEquals("Camille Durand", camille.getDisplayName());
        assertEquals("Ingénierie", camille.getDepartment());
        assertEquals("Développeuse", camille.getTitle());
        assertEquals("camille.durand@babillard.example", camille.getMail());
        assertEquals("uid=camille.durand,ou=people,dc=babillard,dc=example", camille.getDirectoryDn().toLowerCase());
    }

    @Test
    void directoryGroupsGiveTheHrAndAdminRoles() {
        assertEquals(Set.of("employee", "hr"), login("helene.lefevre", "demo").getCallerGroups());
        assertEquals(Set.of("employee", "admin"), login("nadia.benali", "demo").getCallerGroups());
        assertEquals("Hélène Lefèvre", people.find("helene.lefevre").orElseThrow().getDisplayName());
    }

    @Test
    void theNameIsMatchedWhateverItsCaseAndStoredAsTheDirectorySpellsIt() {
        CredentialValidationResult result = login("  Camille.DURAND ", "demo");
        assertEquals(CredentialValidationResult.Status.VALID, result.getStatus());
        assertEquals("camille.durand", result.getCallerPrincipal().getName());
    }

    @Test
    void aWrongPasswordIsInvalid() {
        assertEquals(CredentialValidationResult.Status.INVALID, login("camille.durand", "Demo").getStatus());
        assertEquals(SignInAttempt.Outcome.INVALID_CREDENTIALS, attempt.outcome());
    }

    @Test
    void anUnknownUserIsInvalidLikeAWrongPassword() {
        assertEquals(CredentialValidationResult.Status.INVALID, login("nobody.here", "demo").getStatus());
        assertEquals(SignInAttempt.Outcome.INVALID_CREDENTIALS, attempt.outcome());
    }

    @Test
    void filterMetacharactersInTheNameMatchNobody() {
        for (String name : new String[]{"*", "camille.durand)(uid=*", "*)(uid=*))(|(uid=*", "camille*", "(uid=camille.durand)", "\\2a"}) {
            assertEquals(CredentialValidationResult.Status.INVALID, login(name, "demo").getStatus(), name);
        }
    }

    @Test
    void repeatedWrongPasswordsHoldTheAccountWithTheSameMessage() {
        for (int i = 0; i < 5; i++) {
            assertEquals(CredentialValidationResult.Status.INVALID, login("siobhan.evans", "guess-" + i).getStatus());
        }
        // Now even the right password is refused, and the answer is the same as for a wrong one.
        assertEquals(CredentialValidationResult.Status.INVALID, login("siobhan.evans", "demo").getStatus());
        assertEquals(SignInAttempt.Outcome.INVALID_CREDENTIALS, attempt.outcome());
        // Other people on the same address are not held.
        assertEquals(CredentialValidationResult.Status.VALID, login("renee.bronte", "demo").getStatus());
    }

    @Test
    void blankPasswordsAreRefusedWithoutAnyBind() {
        assertEquals(CredentialValidationResult.Status.INVALID, login("camille.durand", "").getStatus());
        assertEquals(CredentialValidationResult.Status.INVALID, login("camille.durand", "   ").getStatus());
        // Against a directory that is not there, a blank password is still "invalid": nothing was sent anywhere.
        try (DirectoryClient nowhere = new DirectoryClient(DirectorySettings.load().with("ldap.url", "ldap://127.0.0.1:" + closedPort()))) {
            assertThrows(InvalidCredentials.class, () -> nowhere.authenticate("camille.durand", ""));
            // Nor is anything sent for a password or name longer than the login page takes, or a name with NUL.
            assertThrows(InvalidCredentials.class, () -> nowhere.authenticate("camille.durand", "d".repeat(DirectoryClient.MAX_PASSWORD_LENGTH + 1)));
            assertThrows(InvalidCredentials.class, () -> nowhere.authenticate("c".repeat(DirectoryClient.MAX_NAME_LENGTH + 1), "demo"));
            assertThrows(InvalidCredentials.class, () -> nowhere.authenticate("camille.durand\u0000)(uid=*", "demo"));
            // The longest password is sent: this directory is not there.
            assertThrows(DirectoryUnavailable.class, () -> nowhere.authenticate("camille.durand", "d".repeat(DirectoryClient.MAX_PASSWORD_LENGTH)));
        }
    }

    @Test
    void aDirectoryThatRefusesConnectionsIsUnavailableNotInvalid() {
        try (DirectoryClient down = new DirectoryClient(DirectorySettings.load().with("ldap.url", "ldap://127.0.0.1:" + closedPort()))) {
            Instant start = Instant.now();
            assertThrows(DirectoryUnavailable.class, () -> down.authenticate("camille.durand", "demo"));
            assertTrue(Duration.between(start, Instant.now()).toMillis() < 5000, "said within 5 s");
        }
    }

    @Test
    void aDirectoryThatNeverAnswersIsUnavailableWithinFiveSeconds() throws IOException {
        // A listening socket that accepts connections but never speaks: the worst kind of outage.
        try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             DirectoryClient silent = new DirectoryClient(DirectorySettings.load().with("ldap.url", "ldap://127.0.0.1:" + blackHole.getLocalPort()))) {
            Instant start = Instant.now();
            assertThrows(DirectoryUnavailable.class, () -> silent.authenticate("camille.durand", "demo"));
            long millis = Duration.between(start, Instant.now()).toMillis();
            assertTrue(millis < 5000, "said within 5 s, took " + millis + " ms");
        }
    }

    @Test
    void theDirectoryClientReturnsTheAccountWithItsGroups() throws Exception {
        try (DirectoryClient client = new DirectoryClient(DirectorySettings.load())) {
            DirectoryAccount account = client.authenticate("helene.lefevre", "demo");
            assertTrue(account.groups().stream().anyMatch(g -> g.equalsIgnoreCase("hr")));
            assertTrue(account.groups().stream().anyMatch(g -> g.equalsIgnoreCase("dept-rh")));
        }
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
