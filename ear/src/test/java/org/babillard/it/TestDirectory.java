package org.babillard.it;

import org.apache.directory.ldap.client.api.LdapNetworkConnection;

import java.net.URI;

/** The tests' directory (embedded, or slapd in CI), written to as its administrator: people join and leave. */
public final class TestDirectory {

    private static final String ADMIN_DN = "cn=admin,dc=babillard,dc=example";
    private static final String ADMIN_PASSWORD = "admin-only-for-this-test-server";

    private TestDirectory() {
    }

    /** A connection bound as the directory's administrator; the caller closes it. */
    public static LdapNetworkConnection admin() throws Exception {
        URI url = URI.create(System.getProperty("babillard.it.ldap.url").split("[\\s,]+")[0]);
        LdapNetworkConnection c = new LdapNetworkConnection(url.getHost(), url.getPort());
        c.bind(ADMIN_DN, ADMIN_PASSWORD);
        return c;
    }
}
