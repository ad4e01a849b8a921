package org.babillard.people.control;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.apache.directory.api.ldap.model.cursor.CursorException;
import org.apache.directory.api.ldap.model.cursor.EntryCursor;
import org.apache.directory.api.ldap.model.entry.Attribute;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.exception.LdapAuthenticationException;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.apache.directory.ldap.client.api.DefaultLdapConnectionFactory;
import org.apache.directory.ldap.client.api.LdapConnection;
import org.apache.directory.ldap.client.api.LdapConnectionConfig;
import org.apache.directory.ldap.client.api.LdapConnectionPool;
import org.apache.directory.ldap.client.api.LdapNetworkConnection;
import org.apache.directory.ldap.client.api.ValidatingPoolableLdapConnectionFactory;
import org.apache.directory.ldap.client.api.search.FilterBuilder;
import org.babillard.directory.settings.DirectorySettings;
import org.babillard.people.entity.DirectoryProfile;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Talks to the corporate directory with the Apache Directory LDAP API. People are looked up with the service
 * account over a pool of connections, with filters built by {@link FilterBuilder} so that a name can never
 * change the filter; the password is then checked by binding as the person on a fresh connection of its own,
 * which never enters the pool.
 */
public class DirectoryClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DirectoryClient.class.getName());

    private final DirectorySettings settings;
    private final LdapConnectionConfig userBindConfig;
    private final LdapConnectionPool pool;

    public DirectoryClient(DirectorySettings settings) {
        this.settings = settings;
        LdapConnectionConfig serviceConfig = connectionConfig(settings);
        serviceConfig.setName(settings.serviceDn());
        serviceConfig.setCredentials(settings.servicePassword());
        DefaultLdapConnectionFactory factory = new DefaultLdapConnectionFactory(serviceConfig);
        factory.setTimeOut(settings.operationTimeout().toMillis());
        GenericObjectPoolConfig<LdapConnection> poolConfig = new GenericObjectPoolConfig<>();
        poolConfig.setMaxTotal(settings.poolSize());
        poolConfig.setMaxIdle(settings.poolSize());
        poolConfig.setTestOnBorrow(true);
        poolConfig.setMaxWait(settings.connectTimeout().plus(settings.operationTimeout()));
        poolConfig.setJmxEnabled(false);
        this.pool = new LdapConnectionPool(new ValidatingPoolableLdapConnectionFactory(factory), poolConfig);
        this.userBindConfig = connectionConfig(settings);
    }

    public DirectorySettings settings() {
        return settings;
    }

    /**
     * Checks a person's name and password against the directory.
     *
     * @return the person's account, with profile and roles
     * @throws InvalidCredentials   for a blank password, an unknown name, a wrong password, or a person the
     *                              role mapping leaves out
     * @throws DirectoryUnavailable when the directory cannot be reached or does not answer in time
     */
    public DirectoryAccount authenticate(String login, String password) throws InvalidCredentials, DirectoryUnavailable {
        // A blank password would make an "unauthenticated" bind that many servers accept: never send one.
        if (login == null || login.isBlank() || password == null || password.isBlank()) {
            throw new InvalidCredentials("blank name or password");
        }
        Entry entry = findPerson(login.strip());
        bindAs(entry.getDn().getName(), password);
        List<String> groups = groupsOf(entry.getDn().getName());
        Set<String> roles = roles(groups);
        if (!roles.contains("employee")) {
            throw new InvalidCredentials("not in the groups that give the employee role");
        }
        return new DirectoryAccount(canonicalName(entry, login.strip()), profile(entry), groups, roles);
    }

    private Entry findPerson(String login) throws InvalidCredentials, DirectoryUnavailable {
        String filter = "(&" + settings.userFilter() + FilterBuilder.equal(settings.loginAttribute(), login) + ")";
        List<Entry> found = search(settings.userBase(), filter, personAttributes());
        if (found.isEmpty()) {
            throw new InvalidCredentials("no entry under " + settings.userBase() + " matches " + filter);
        }
        if (found.size() > 1) {
            LOG.warning(() -> found.size() + " entries under " + settings.userBase() + " match " + filter
                    + ": the login is refused until the directory is fixed");
            throw new InvalidCredentials("ambiguous name");
        }
        return found.get(0);
    }

    private void bindAs(String dn, String password) throws InvalidCredentials, DirectoryUnavailable {
        try (LdapNetworkConnection connection = new LdapNetworkConnection(userBindConfig)) {
            connection.setTimeOut(settings.operationTimeout().toMillis());
            connection.bind(dn, password);
        } catch (LdapAuthenticationException e) {
            throw new InvalidCredentials("wrong password for " + dn);
        } catch (LdapException e) {
            throw unavailable("binding as " + dn, e);
        } catch (RuntimeException e) {
            throw unavailable("binding as " + dn, e);
        }
    }

    private List<String> groupsOf(String dn) throws DirectoryUnavailable {
        String filter = "(&" + settings.groupFilter() + FilterBuilder.equal(settings.groupMemberAttribute(), dn) + ")";
        List<String> names = new ArrayList<>();
        for (Entry group : search(settings.groupBase(), filter, new String[]{settings.groupNameAttribute()})) {
            String name = value(group, settings.groupNameAttribute());
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    private Set<String> roles(List<String> groups) {
        Set<String> lowerCaseGroups = new LinkedHashSet<>();
        groups.forEach(g -> lowerCaseGroups.add(g.toLowerCase(Locale.ROOT)));
        Set<String> roles = new LinkedHashSet<>();
        for (String role : DirectorySettings.ROLES) {
            List<String> giving = settings.groupsForRole(role);
            boolean everybody = role.equals("employee") && giving.isEmpty();
            if (everybody || giving.stream().anyMatch(lowerCaseGroups::contains)) {
                roles.add(role);
            }
        }
        return roles;
    }

    private List<Entry> search(String base, String filter, String[] attributes) throws DirectoryUnavailable {
        LdapConnection connection;
        try {
            connection = pool.getConnection();
        } catch (LdapException | RuntimeException e) {
            throw unavailable("connecting to " + settings.url(), e);
        }
        List<Entry> entries = new ArrayList<>();
        try (EntryCursor cursor = connection.search(base, filter, SearchScope.SUBTREE, attributes)) {
            while (cursor.next()) {
                entries.add(cursor.get());
            }
            return entries;
        } catch (LdapException | CursorException | IOException | RuntimeException e) {
            invalidate(connection);
            connection = null;
            throw unavailable("searching " + base + " for " + filter, e);
        } finally {
            if (connection != null) {
                release(connection);
            }
        }
    }

    private String[] personAttributes() {
        List<String> names = new ArrayList<>(List.of(settings.loginAttribute(), "cn"));
        for (String field : List.of("displayName", "mail", "title", "department", "site", "manager", "language")) {
            String attribute = settings.attribute(field);
            if (!attribute.isEmpty()) {
                names.add(attribute);
            }
        }
        return names.toArray(String[]::new);
    }

    private DirectoryProfile profile(Entry entry) {
        String displayName = field(entry, "displayName");
        if (displayName == null || displayName.isBlank()) {
            displayName = value(entry, "cn");
        }
        if (displayName == null || displayName.isBlank()) {
            displayName = value(entry, settings.loginAttribute());
        }
        return new DirectoryProfile(entry.getDn().getName(), displayName, field(entry, "mail"), field(entry, "title"),
                field(entry, "department"), field(entry, "site"));
    }

    /** The name as the directory spells it (people may type it in another case). */
    private String canonicalName(Entry entry, String typed) {
        String stored = value(entry, settings.loginAttribute());
        return (stored == null ? typed : stored).toLowerCase(Locale.ROOT);
    }

    private String field(Entry entry, String field) {
        String attribute = settings.attribute(field);
        return attribute.isEmpty() ? null : value(entry, attribute);
    }

    private static String value(Entry entry, String attribute) {
        Attribute a = entry.get(attribute);
        if (a == null || a.get() == null) {
            return null;
        }
        try {
            return a.getString();
        } catch (LdapException e) {
            return null;
        }
    }

    private DirectoryUnavailable unavailable(String what, Exception cause) {
        String message = "The directory at " + settings.url() + " did not answer while " + what + ": " + cause.getMessage();
        LOG.warning(message);
        return new DirectoryUnavailable(message, cause);
    }

    private void release(LdapConnection connection) {
        try {
            pool.releaseConnection(connection);
        } catch (LdapException | RuntimeException e) {
            LOG.log(Level.FINE, "Releasing a pooled directory connection failed", e);
        }
    }

    private void invalidate(LdapConnection connection) {
        try {
            pool.invalidateObject(connection);
        } catch (Exception e) {
            LOG.log(Level.FINE, "Dropping a broken directory connection failed", e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static LdapConnectionConfig connectionConfig(DirectorySettings settings) {
        URI uri = URI.create(settings.url());
        boolean ssl = "ldaps".equalsIgnoreCase(uri.getScheme());
        if (!ssl && !"ldap".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("The directory URL must start with ldap:// or ldaps://: " + settings.url());
        }
        LdapConnectionConfig config = new LdapConnectionConfig();
        config.setLdapHost(uri.getHost());
        config.setLdapPort(uri.getPort() > 0 ? uri.getPort() : ssl ? 636 : 389);
        config.setUseSsl(ssl);
        config.setUseTls(!ssl && settings.startTls());
        Duration operation = settings.operationTimeout();
        config.setConnectTimeout(settings.connectTimeout().toMillis());
        config.setTimeout(operation.toMillis());
        config.setReadOperationTimeout(operation.toMillis());
        config.setWriteOperationTimeout(operation.toMillis());
        config.setSendTimeout(operation.toMillis());
        config.setCloseTimeout(1000L);
        if (ssl || settings.startTls()) {
            config.setTrustManagers(HostnameVerifyingTrustManager.forHost(uri.getHost(), settings.verifyHostname()));
        }
        return config;
    }
}
