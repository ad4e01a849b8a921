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

    /**
     * The directory killed (its process, as a crash or an operator would) while a dozen people log in, away a few
     * seconds while they keep trying, then started again: logins work again at once, without a restart of Babillard.
     */
    @Test
    void aDirectoryKilledUnderConcurrentLoginsAndStartedAgainNeedsNoRestart() throws Exception {
        int port = closedPort();
        Process directory = directoryProcess(port);
        try (DirectoryClient client = new DirectoryClient(pointingAt("ldap://127.0.0.1:" + port));
             ConcurrentLogins logins = new ConcurrentLogins(client)) {
            Thread.sleep(1000);
            directory.destroyForcibly().waitFor();
            Thread.sleep(4000);
            directory = directoryProcess(port);
            Thread.sleep(2000);
            logins.stop();
            assertAnsweredAtOnce(client);
        } finally {
            directory.destroyForcibly().waitFor();
        }
    }

    /**
     * The directory slower than the operation timeout for a few seconds while a dozen people log in (searches time
     * out), then quick again: logins work again at once, without a restart of Babillard.
     */
    @Test
    void aDirectoryThatTimedOutUnderConcurrentLoginsNeedsNoRestart() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean slow = new java.util.concurrent.atomic.AtomicBoolean(false);
        com.unboundid.ldap.listener.InMemoryDirectoryServerConfig config =
                new com.unboundid.ldap.listener.InMemoryDirectoryServerConfig(DemoDirectory.BASE_DN);
        config.setListenerConfigs(com.unboundid.ldap.listener.InMemoryListenerConfig.createLDAPConfig("ldap",
                InetAddress.getLoopbackAddress(), 0, null));
        config.addInMemoryOperationInterceptor(new com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor() {
            @Override
            public void processSearchRequest(com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest request) {
                if (slow.get()) {
                    try {
                        Thread.sleep(3000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        com.unboundid.ldap.listener.InMemoryDirectoryServer server = new com.unboundid.ldap.listener.InMemoryDirectoryServer(config);
        try (java.io.InputStream in = DemoDirectory.class.getResourceAsStream(DemoDirectory.LDIF);
             com.unboundid.ldif.LDIFReader reader = new com.unboundid.ldif.LDIFReader(in)) {
            server.importFromLDIF(true, reader);
        }
        server.startListening();
        try (DirectoryClient client = new DirectoryClient(pointingAt("ldap://127.0.0.1:" + server.getListenPort())
                .with("ldap.operation.timeout.ms", "1000"));
             ConcurrentLogins logins = new ConcurrentLogins(client)) {
            Thread.sleep(500);
            slow.set(true);
            Thread.sleep(5000);
            slow.set(false);
            Thread.sleep(4000);
            logins.stop();
            assertAnsweredAtOnce(client);
        } finally {
            server.shutDown(true);
        }
    }

    /** A dozen people logging in again and again until stopped; a directory away or slow only fails their attempts. */
    private static final class ConcurrentLogins implements AutoCloseable {
        private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(12);
        private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);

        ConcurrentLogins(DirectoryClient client) {
            for (int i = 0; i < 12; i++) {
                threads.submit(() -> {
                    while (running.get()) {
                        try {
                            client.authenticate("camille.durand", "demo");
                        } catch (DirectoryUnavailable | InvalidCredentials e) {
                            // while the directory is away or slow
                        }
                    }
                    return null;
                });
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            threads.shutdown();
            assertTrue(threads.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS));
        }

        @Override
        public void close() {
            running.set(false);
            threads.shutdownNow();
        }
    }

    /** Every pooled connection came back or was dropped: a login now is answered at once. */
    private static void assertAnsweredAtOnce(DirectoryClient client) throws Exception {
        Instant start = Instant.now();
        assertEquals("camille.durand", client.authenticate("camille.durand", "demo").username());
        assertTrue(Duration.between(start, Instant.now()).toMillis() < 2000, "answered at once");
    }

    /** The demo directory in a process of its own, once it answers. */
    private static Process directoryProcess(int port) throws Exception {
        Process process = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DemoDirectory.class.getName(), "--port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Instant giveUp = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(giveUp)) {
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                return process;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the demo directory did not start on port " + port);
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
