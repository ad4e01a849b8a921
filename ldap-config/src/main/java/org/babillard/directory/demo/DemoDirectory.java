package org.babillard.directory.demo;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The demo company's directory: an in-memory LDAP server on the loopback interface that serves
 * {@code demo-company.ldif}. The start command and the tests run it; production points at the company's own
 * directory instead (see {@code DirectorySettings}).
 *
 * <p>Run as a program: {@code DemoDirectory [--port 10389] [--announce http://localhost:8080/]}. With
 * {@code --announce} it waits until Babillard answers at that address, then prints where to open it and the
 * demo logins. It stops with its process (Ctrl-C).
 */
public final class DemoDirectory implements AutoCloseable {

    public static final String BASE_DN = "dc=babillard,dc=example";
    public static final String LDIF = "/org/babillard/directory/demo-company.ldif";
    public static final int DEFAULT_PORT = 10389;

    /** A directory administrator, for tests that add, change and remove people (never used by Babillard). */
    public static final String ADMIN_DN = "cn=admin,dc=babillard,dc=example";
    public static final String ADMIN_PASSWORD = "admin-only-for-this-test-server";

    /** The password of every demo employee. */
    public static final String DEMO_PASSWORD = "demo";
    public static final String DEMO_EMPLOYEE = "camille.durand";
    public static final String DEMO_HR = "helene.lefevre";
    public static final String DEMO_ADMIN = "nadia.benali";

    private final InMemoryDirectoryServer server;

    private DemoDirectory(InMemoryDirectoryServer server) {
        this.server = server;
    }

    /** Starts the demo directory on 127.0.0.1 at this port (0 picks a free one). */
    public static DemoDirectory start(int port) {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig(
                    "ldap", InetAddress.getLoopbackAddress(), port, null));
            config.setEnforceAttributeSyntaxCompliance(true);
            // The same administrator as the CI's OpenLDAP (.ci/slapd-start), for tests that change the directory.
            config.addAdditionalBindCredentials(ADMIN_DN, ADMIN_PASSWORD);
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            try (InputStream in = Objects.requireNonNull(DemoDirectory.class.getResourceAsStream(LDIF), LDIF);
                 LDIFReader reader = new LDIFReader(in)) {
                server.importFromLDIF(true, reader);
            }
            server.startListening();
            return new DemoDirectory(server);
        } catch (LDAPException | IOException e) {
            throw new IllegalStateException("The demo directory could not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getListenPort();
    }

    public String url() {
        return "ldap://127.0.0.1:" + port();
    }

    /** How many entries the directory holds. */
    public int entryCount() {
        return server.countEntries();
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    public static void main(String[] args) throws InterruptedException {
        int port = DEFAULT_PORT;
        String announce = null;
        java.util.List<String> more = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--announce" -> announce = args[++i];
                case "--banner-line" -> more.add(args[++i]);
                default -> {
                    System.err.println("Usage: DemoDirectory [--port N] [--announce URL] [--banner-line TEXT]...");
                    System.exit(2);
                }
            }
        }
        DemoDirectory directory = start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(directory::close, "demo-directory-stop"));
        System.out.printf("Demo directory: %d entries of %s at %s%n", directory.entryCount(), BASE_DN, directory.url());
        if (announce != null) {
            announceWhenReady(announce, more);
        }
        Thread.currentThread().join();
    }

    private static void announceWhenReady(String address, java.util.List<String> more) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(giveUp)) {
            if (answers(address)) {
                String line = "=".repeat(78);
                System.out.println();
                System.out.println(line);
                System.out.println("  Babillard is running: open " + address);
                System.out.println("  Log in with the demo company's accounts (password \"" + DEMO_PASSWORD + "\" for all):");
                System.out.println("    " + DEMO_EMPLOYEE + "   an employee (engineering, Paris)");
                System.out.println("    " + DEMO_HR + "   an HR manager");
                System.out.println("    " + DEMO_ADMIN + "     an administrator");
                more.forEach(extra -> System.out.println("  " + extra));
                System.out.println("  Press Ctrl-C to stop Babillard and the demo directory.");
                System.out.println(line);
                System.out.println();
                return;
            }
            Thread.sleep(1000);
        }
        System.out.println("Babillard did not answer at " + address + " within 10 minutes; see the server log above.");
    }

    private static boolean answers(String address) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(address).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            c.setInstanceFollowRedirects(false);
            int status = c.getResponseCode();
            c.disconnect();
            return status < 400;
        } catch (IOException e) {
            return false;
        }
    }
}
