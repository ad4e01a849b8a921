package org.babillard.bench;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldif.LDIFReader;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The benchmark's directory and its limit. {@code Directory serve --ldif FILE --port N}: the in-memory directory
 * (UnboundID, as the tests and the start command use) with the generated company, until killed.
 * {@code Directory binds --url URL --users N --clients C --seconds S --results FILE}: plain binds per second against
 * it, each on a fresh connection as Babillard binds its users.
 */
public final class Directory {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Measure.options(java.util.Arrays.copyOfRange(args, 1, args.length));
        if (args[0].equals("serve")) {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(Generate.BASE);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(),
                    Integer.parseInt(o.get("port")), null));
            // Indexed as a company's directory is (OpenLDAP's "index uid,mail,member eq", Active Directory's indexed
            // sAMAccountName and member): without them each login's searches read all 10,000 people and 500 groups, and
            // the directory, not Babillard, was the limit of the login figure. (Indexes need the standard schema, which
            // the in-memory server then also checks the generated entries against.)
            config.setEqualityIndexAttributes("uid", "mail", "cn", "member");
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            try (LDIFReader reader = new LDIFReader(o.get("ldif"))) {
                server.importFromLDIF(true, reader);
            }
            server.startListening();
            System.out.println("Directory ready: " + server.countEntries() + " entries on port " + o.get("port"));
            Thread.currentThread().join();
        } else if (args[0].equals("binds")) {
            java.net.URI url = java.net.URI.create(o.get("url"));
            int users = Integer.parseInt(o.get("users"));
            for (int n : Measure.ints(o.getOrDefault("clients", "4"))) {
                Measure.append(Path.of(o.get("results")), Measure.closedLoop("ldap-bind", n,
                        Double.parseDouble(o.getOrDefault("warmup", "2")), Double.parseDouble(o.getOrDefault("seconds", "10")), client -> {
                            int i = ThreadLocalRandom.current().nextInt(users);
                            try (LDAPConnection c = new LDAPConnection(url.getHost(), url.getPort())) {
                                c.bind(Generate.dn(i), "demo");
                            }
                        }));
            }
        } else {
            throw new IllegalArgumentException("Directory serve|binds ...");
        }
    }

    private Directory() {
    }
}
