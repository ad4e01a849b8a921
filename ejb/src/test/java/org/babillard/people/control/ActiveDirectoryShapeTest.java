package org.babillard.people.control;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import org.babillard.directory.settings.DirectorySettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped Active Directory settings (ldap-config/examples/active-directory.properties), unchanged but for the
 * address and the service password, against an embedded directory loaded with the shipped Active Directory
 * shaped LDIF (ldap-config/examples/active-directory-sample.ldif): AD attribute names, disabled accounts by
 * userAccountControl, computer accounts, nested groups.
 */
class ActiveDirectoryShapeTest {

    private static final Path EXAMPLES = Path.of("..", "ldap-config", "examples");

    private static InMemoryDirectoryServer directory;
    private static DirectorySettings settings;

    @BeforeAll
    static void start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("DC=corp,DC=example,DC=com");
        // Active Directory's schema is not the standard one: the embedded server takes the entries as they come.
        config.setSchema(null);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ad", 0));
        directory = new InMemoryDirectoryServer(config);
        directory.importFromLDIF(true, EXAMPLES.resolve("active-directory-sample.ldif").toFile());
        directory.startListening();
        Properties properties = new Properties();
        try (InputStream in = new FileInputStream(EXAMPLES.resolve("active-directory.properties").toFile())) {
            properties.load(in);
        }
        settings = DirectorySettings.of(properties)
                .with("ldap.url", "ldap://127.0.0.1:" + directory.getListenPort())
                .with("ldap.tls.truststore", "")
                .with("ldap.service.password.env", "")
                .with("ldap.service.password", "service-demo");
    }

    @AfterAll
    static void stop() {
        directory.shutDown(true);
    }

    @Test
    void anEmployeeLogsInWithTheAccountNameOrThePrincipalNameAndIsKnownByTheAccountName() throws Exception {
        try (DirectoryClient client = new DirectoryClient(settings)) {
            DirectoryAccount byAccount = client.authenticate("bmarley", "demo");
            DirectoryAccount byPrincipal = client.authenticate("bob.marley@corp.example.com", "demo");
            assertEquals("bmarley", byAccount.username());
            assertEquals("bmarley", byPrincipal.username(), "one person, one Babillard name, whichever way they log in");
            assertEquals("Bob Marley", byAccount.profile().displayName());
            assertEquals("Engineering", byAccount.profile().department());
            assertEquals("Lyon", byAccount.profile().site());
            assertEquals(Set.of("employee", "hr"), byAccount.roles(), "HR through a group nested in HR Staff");
            assertThrows(InvalidCredentials.class, () -> client.authenticate("bmarley", "wrong"));
        }
    }

    @Test
    void aDisabledAccountCannotLogInEvenWithItsPasswordAndIsNotAnEmployee() throws Exception {
        try (DirectoryClient client = new DirectoryClient(settings)) {
            assertThrows(InvalidCredentials.class, () -> client.authenticate("ddisabled", "demo"));
            List<String> people = client.allPeople().stream().map(DirectoryPerson::username).sorted().toList();
            assertEquals(List.of("apoulain", "bmarley"), people, "neither the disabled account nor the computer");
        }
    }

    @Test
    void theSyncReadsProfilesPhotosAndRolesFromActiveDirectoryAttributes() throws Exception {
        try (DirectoryClient client = new DirectoryClient(settings)) {
            Map<String, DirectoryPerson> people = client.allPeople().stream()
                    .collect(Collectors.toMap(DirectoryPerson::username, p -> p));
            DirectoryPerson amelie = people.get("apoulain");
            assertEquals("Amélie Poulain", amelie.profile().displayName());
            assertEquals("amelie.poulain@corp.example.com", amelie.profile().mail());
            assertEquals("Responsable RH", amelie.profile().title());
            assertNotNull(amelie.photo(), "thumbnailPhoto is the photo");
            assertArrayEquals(new byte[]{(byte) 0xFF, (byte) 0xD8}, java.util.Arrays.copyOf(amelie.photo(), 2), "a JPEG");
            assertEquals("CN=Amélie Poulain,OU=Staff,DC=corp,DC=example,DC=com".toLowerCase(),
                    people.get("bmarley").profile().managerDn().toLowerCase());
            Map<String, Set<String>> holders = client.roleHolders();
            assertTrue(holders.get("admin").stream().anyMatch(dn -> dn.toLowerCase().startsWith("cn=amélie poulain")));
            assertTrue(holders.get("hr").stream().anyMatch(dn -> dn.toLowerCase().startsWith("cn=bob marley")),
                    "members of a nested group hold the role");
        }
    }
}
