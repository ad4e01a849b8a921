package org.babillard.people.control;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import org.babillard.directory.demo.DemoDirectory;
import org.babillard.directory.settings.DirectorySettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * TLS to the directory, with certificates made for the test by the JDK's keytool: a certificate the trust store
 * holds and that names the host is accepted; a certificate the trust store holds too, but that names another
 * host, is refused.
 */
class DirectoryTlsTest {

    private static final String PASSWORD = "test-only-password";

    @TempDir
    static Path dir;
    static Path trustStore;

    @BeforeAll
    static void certificates() throws Exception {
        keytool("-genkeypair", "-alias", "right", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", dir.resolve("right.p12").toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-genkeypair", "-alias", "wrong", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=ldap.elsewhere.example", "-ext", "SAN=dns:ldap.elsewhere.example",
                "-keystore", dir.resolve("wrong.p12").toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        trustStore = dir.resolve("trust.p12");
        for (String alias : new String[]{"right", "wrong"}) {
            Path cert = dir.resolve(alias + ".crt");
            keytool("-exportcert", "-alias", alias, "-keystore", dir.resolve(alias + ".p12").toString(),
                    "-storepass", PASSWORD, "-file", cert.toString());
            keytool("-importcert", "-noprompt", "-alias", alias, "-file", cert.toString(),
                    "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        }
    }

    /** The certificate in the trust store names the host: the login goes through, over LDAPS and over StartTLS. */
    @ParameterizedTest(name = "ldaps={0}")
    @ValueSource(booleans = {true, false})
    void aTrustedCertificateNamingTheHostWorks(boolean ldaps) throws Exception {
        InMemoryDirectoryServer server = start("right", ldaps);
        try (DirectoryClient client = new DirectoryClient(settings(server, ldaps))) {
            assertEquals("camille.durand", client.authenticate("camille.durand", "demo").username());
        } finally {
            server.shutDown(true);
        }
    }

    /** The trust store holds the certificate too, but it names another host: refused, over LDAPS and over StartTLS. */
    @ParameterizedTest(name = "ldaps={0}")
    @ValueSource(booleans = {true, false})
    void aTrustedCertificateForAnotherHostIsRefused(boolean ldaps) throws Exception {
        InMemoryDirectoryServer server = start("wrong", ldaps);
        try (DirectoryClient client = new DirectoryClient(settings(server, ldaps))) {
            assertThrows(DirectoryUnavailable.class, () -> client.authenticate("camille.durand", "demo"));
        } finally {
            server.shutDown(true);
        }
    }

    private static DirectorySettings settings(InMemoryDirectoryServer server, boolean ldaps) {
        return settings((ldaps ? "ldaps" : "ldap") + "://localhost:" + server.getListenPort(), !ldaps);
    }

    private static DirectorySettings settings(String url, boolean startTls) {
        return DirectorySettings.load()
                .with("ldap.url", url)
                .with("ldap.tls.starttls", String.valueOf(startTls))
                .with("ldap.tls.truststore", trustStore.toString())
                .with("ldap.tls.truststore.password", PASSWORD);
    }

    /** The demo company over LDAPS, or over plain LDAP offering StartTLS, with this certificate. */
    private static InMemoryDirectoryServer start(String certificate, boolean ldaps) throws Exception {
        SSLUtil tls = new SSLUtil(new KeyStoreKeyManager(dir.resolve(certificate + ".p12").toFile(), PASSWORD.toCharArray(),
                "PKCS12", certificate), null);
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(DemoDirectory.BASE_DN);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        config.setListenerConfigs(ldaps
                ? InMemoryListenerConfig.createLDAPSConfig("ldaps", loopback, 0, tls.createSSLServerSocketFactory(), null)
                : InMemoryListenerConfig.createLDAPConfig("ldap", loopback, 0, tls.createSSLSocketFactory()));
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        try (InputStream in = DemoDirectory.class.getResourceAsStream(DemoDirectory.LDIF); LDIFReader reader = new LDIFReader(in)) {
            server.importFromLDIF(true, reader);
        }
        server.startListening();
        return server;
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
