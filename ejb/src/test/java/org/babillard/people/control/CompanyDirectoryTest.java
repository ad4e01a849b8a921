package org.babillard.people.control;

import org.babillard.directory.demo.DemoDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The company's directory follows its settings while the server runs: a changed address needs no restart. */
class CompanyDirectoryTest {

    private static final String URL = "babillard.ldap.url";

    @AfterEach
    void clear() {
        System.clearProperty(URL);
    }

    @Test
    void aChangedDirectoryAddressIsUsedAtTheNextLoginWithoutARestart() throws Exception {
        try (DemoDirectory directory = DemoDirectory.start(0)) {
            System.setProperty(URL, "ldap://127.0.0.1:" + closedPort());
            CompanyDirectory company = new CompanyDirectory();
            company.open();
            try {
                assertThrows(DirectoryUnavailable.class, () -> company.authenticate("camille.durand", "demo"));

                System.setProperty(URL, directory.url());
                assertEquals("camille.durand", company.authenticate("camille.durand", "demo").username());
                DirectoryClient client = company.client();
                assertEquals(directory.url(), client.settings().url());
                assertSame(client, company.client(), "unchanged settings keep the client and its pool");

                // An address that cannot be used is refused: the one in force goes on serving.
                System.setProperty(URL, "http://not-a-directory.example");
                assertSame(client, company.client());
                assertEquals("camille.durand", company.authenticate("camille.durand", "demo").username());
            } finally {
                company.close();
            }
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
