package org.babillard.people.control;

import org.babillard.directory.demo.DemoDirectory;
import org.babillard.directory.settings.DirectorySettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The directory client against the embedded demo directory, outside the server: fail-over and recovery. */
class DirectoryClientTest {

    private static DirectorySettings pointingAt(String urls) {
        return DirectorySettings.load().with("ldap.url", urls);
    }

    @Test
    void aSecondServerTakesOverWhenTheFirstIsDownAndStaysPreferred() throws Exception {
        try (DemoDirectory second = DemoDirectory.start(0);
             DirectoryClient client = new DirectoryClient(pointingAt("ldap://127.0.0.1:" + closedPort() + " " + second.url()))) {
            DirectoryAccount camille = client.authenticate("camille.durand", "demo");
            assertEquals("camille.durand", camille.username());
            assertEquals(Set.of("employee"), camille.roles());
            Instant start = Instant.now();
            client.authenticate("helene.lefevre", "demo");
            assertTrue(Duration.between(start, Instant.now()).toMillis() < 1000, "the server that answered is asked first");
        }
    }

    @Test
    void whenEveryServerIsDownTheDirectoryIsUnavailable() {
        try (DirectoryClient client = new DirectoryClient(pointingAt("ldap://127.0.0.1:" + closedPort() + ",ldap://127.0.0.1:" + closedPort()))) {
            assertThrows(DirectoryUnavailable.class, () -> client.authenticate("camille.durand", "demo"));
        }
    }

    @Test
    void aDirectoryThatComesBackNeedsNoRestart() throws Exception {
        int port;
        DemoDirectory directory = DemoDirectory.start(0);
        port = directory.port();
        try (DirectoryClient client = new DirectoryClient(pointingAt(directory.url()))) {
            client.authenticate("camille.durand", "demo");
            directory.close();
            assertThrows(DirectoryUnavailable.class, () -> client.authenticate("camille.durand", "demo"));
            try (DemoDirectory back = DemoDirectory.start(port)) {
                assertEquals("camille.durand", client.authenticate("camille.durand", "demo").username());
            }
        }
    }

    @Test
    void wrongPasswordsAreInvalidOnEveryServer() throws Exception {
        try (DemoDirectory directory = DemoDirectory.start(0);
             DirectoryClient client = new DirectoryClient(pointingAt(directory.url()))) {
            assertThrows(InvalidCredentials.class, () -> client.authenticate("camille.durand", "nope"));
            assertThrows(InvalidCredentials.class, () -> client.authenticate("*", "demo"));
        }
    }

    @Test
    void aServicePasswordFromAMissingEnvironmentVariableIsNamedInTheError() {
        DirectorySettings settings = DirectorySettings.load().with("ldap.service.password.env", "BABILLARD_TEST_NO_SUCH_VARIABLE");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new DirectoryClient(settings));
        assertTrue(e.getMessage().contains("BABILLARD_TEST_NO_SUCH_VARIABLE"), e.getMessage());
    }

    @Test
    void aUrlThatIsNotLdapIsRefusedWithItsValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DirectoryClient(pointingAt("http://ldap.example.com")));
        assertTrue(e.getMessage().contains("http://ldap.example.com"));
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
