package org.babillard.directory.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the corporate directory is and how Babillard reads it: connection, service account, user and group
 * searches, attribute names and the mapping of directory groups to Babillard's roles, all in one place.
 *
 * <p>The defaults ({@code directory.properties} beside this class) point at the embedded demo directory. A
 * deployment names its own file with the system property {@value #FILE_PROPERTY} (see {@code ldap-config/examples}
 * for OpenLDAP and Active Directory), and any single key can still be overridden by a system property of the same
 * name prefixed with {@code babillard.}, for example {@code -Dbabillard.ldap.url=ldaps://ldap.example.com}.
 */
public final class DirectorySettings {

    /** System property naming a properties file that replaces the built-in defaults. */
    public static final String FILE_PROPERTY = "babillard.directory.config";

    /** The roles Babillard knows; every person found in the directory is at least an employee. */
    public static final List<String> ROLES = List.of("employee", "hr", "admin");

    private static final String DEFAULTS = "/org/babillard/directory/directory.properties";

    private final Map<String, String> values;

    private DirectorySettings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The settings in force for this JVM: defaults, then the configured file, then system properties. */
    public static DirectorySettings load() {
        Properties merged = new Properties();
        try (InputStream in = DirectorySettings.class.getResourceAsStream(DEFAULTS)) {
            merged.load(new java.io.InputStreamReader(Objects.requireNonNull(in, DEFAULTS), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEFAULTS, e);
        }
        String file = System.getProperty(FILE_PROPERTY);
        if (file != null && !file.isBlank()) {
            Properties own = new Properties();
            try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                own.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the directory settings file " + file, e);
            }
            merged.putAll(own);
        }
        for (String key : merged.stringPropertyNames()) {
            String override = System.getProperty("babillard." + key);
            if (override != null) {
                merged.setProperty(key, override);
            }
        }
        return of(merged);
    }

    /** Settings made of exactly these properties (no defaults): for tests and tools. */
    public static DirectorySettings of(Properties properties) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            map.put(key, properties.getProperty(key).trim());
        }
        return new DirectorySettings(map);
    }

    /** The same settings with one value changed. */
    public DirectorySettings with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new DirectorySettings(copy);
    }

    /** The directory's address as configured: one URL, or several separated by spaces or commas. */
    public String url() {
        return required("ldap.url");
    }

    /** The directory servers in the order they are tried: the first that answers serves, the others stand by. */
    public List<String> urls() {
        return Arrays.stream(url().split("[\\s,]+")).filter(u -> !u.isEmpty()).toList();
    }

    public Duration connectTimeout() {
        return Duration.ofMillis(Long.parseLong(value("ldap.connect.timeout.ms", "3000")));
    }

    public Duration operationTimeout() {
        return Duration.ofMillis(Long.parseLong(value("ldap.operation.timeout.ms", "4000")));
    }

    /** A trust store (PKCS12, or JKS by its .jks name) for the directory's certificate; else the JVM's own. */
    public Optional<Path> trustStore() {
        String path = value("ldap.tls.truststore", "");
        return path.isEmpty() ? Optional.empty() : Optional.of(Path.of(path));
    }

    public char[] trustStorePassword() {
        return value("ldap.tls.truststore.password", "").toCharArray();
    }

    public boolean startTls() {
        return Boolean.parseBoolean(value("ldap.tls.starttls", "false"));
    }

    public String serviceDn() {
        return required("ldap.service.dn");
    }

    /**
     * The service account's password: from the environment variable named by {@code ldap.service.password.env}
     * when that key is set (so that no password sits in a file), else {@code ldap.service.password}.
     */
    public String servicePassword() {
        String variable = value("ldap.service.password.env", "");
        if (!variable.isEmpty()) {
            String fromEnvironment = System.getenv(variable);
            if (fromEnvironment == null || fromEnvironment.isEmpty()) {
                throw new IllegalStateException("The environment variable " + variable
                        + " (ldap.service.password.env) that should hold the directory service password is not set");
            }
            return fromEnvironment;
        }
        return required("ldap.service.password");
    }

    public int poolSize() {
        return Integer.parseInt(value("ldap.pool.size", "8"));
    }

    /** How many entries the directory sends per page of a long search (Active Directory allows 1000 at most). */
    public int pageSize() {
        return Integer.parseInt(value("ldap.page.size", "500"));
    }

    public String userBase() {
        return required("ldap.user.base");
    }

    /** The filter every employee entry matches, such as {@code (objectClass=inetOrgPerson)}. */
    public String userFilter() {
        return required("ldap.user.filter");
    }

    /**
     * The attribute whose value is a person's login name in Babillard: {@code uid} in OpenLDAP,
     * {@code sAMAccountName} in Active Directory. The first of {@link #loginAttributes()}.
     */
    public String loginAttribute() {
        return loginAttributes().get(0);
    }

    /**
     * The attributes people may log in with, separated by spaces or commas (for Active Directory
     * {@code sAMAccountName userPrincipalName}: "jdupont" or "jdupont@corp.example.com"); the first names them.
     */
    public List<String> loginAttributes() {
        return Arrays.stream(required("ldap.user.login.attribute").split("[\\s,]+")).filter(a -> !a.isEmpty()).toList();
    }

    /**
     * The attribute whose flags mark a disabled account ({@code userAccountControl} in Active Directory), or empty:
     * then only {@link #userFilter()} decides who is an employee. Checked by Babillard itself, so that it works on
     * any directory, also one without Active Directory's bitwise matching rule.
     */
    public String disabledAttribute() {
        return value("ldap.user.disabled.attribute", "");
    }

    /** The bits of {@link #disabledAttribute()} that mark a disabled account ({@code 2} in Active Directory). */
    public long disabledBits() {
        String raw = value("ldap.user.disabled.bits", "2").strip();
        try {
            return Long.decode(raw);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("ldap.user.disabled.bits must be a number, not " + raw, e);
        }
    }

    /** The directory attribute that holds a profile field; the field names are those after {@code ldap.user.attr.}. */
    public String attribute(String field) {
        return value("ldap.user.attr." + field, "");
    }

    public String groupBase() {
        return required("ldap.group.base");
    }

    public String groupFilter() {
        return required("ldap.group.filter");
    }

    public String groupMemberAttribute() {
        return value("ldap.group.member.attribute", "member");
    }

    public String groupNameAttribute() {
        return value("ldap.group.name.attribute", "cn");
    }

    /** Where the groups that become team channels are: {@code ldap.team.base}, by default the group base. */
    public String teamBase() {
        return value("ldap.team.base", groupBase());
    }

    /**
     * Which groups become team channels, such as {@code (&(objectClass=groupOfNames)(|(cn=team-*)(cn=dept-*)))};
     * empty: no team channels (the sync leaves any existing ones as they are).
     */
    public Optional<String> teamFilter() {
        String filter = value("ldap.team.filter", "");
        return filter.isEmpty() ? Optional.empty() : Optional.of(filter);
    }

    /**
     * How a team group's members are found. Empty (the default): from the group's member attribute, nested
     * groups resolved by Babillard. Otherwise a filter of the user search in which {@code {0}} stands for the
     * group's DN (escaped), read page by page; on Active Directory
     * {@code (memberOf:1.2.840.113556.1.4.1941:={0})} lets the directory resolve nesting and avoids its
     * 1500-value limit on the member attribute.
     */
    public Optional<String> teamMemberFilter() {
        String filter = value("ldap.team.member.filter", "");
        return filter.isEmpty() ? Optional.empty() : Optional.of(filter);
    }

    /** The attribute holding a group's description, shown as the team channel's description. */
    public String groupDescriptionAttribute() {
        return value("ldap.group.description.attribute", "description");
    }

    /**
     * The directory groups (by name, case-insensitive) whose members get a role. An empty list for
     * {@code employee} means everybody the user search finds.
     */
    public List<String> groupsForRole(String role) {
        String raw = value("ldap.role." + role, "");
        if (raw.isBlank()) {
            return List.of();
        }
        return Arrays.stream(raw.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .toList();
    }

    private String required(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("The directory setting " + key + " is missing");
        }
        return v;
    }

    private String value(String key, String fallback) {
        String v = values.get(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Settings are equal when every key has the same value: what tells that an administrator changed them. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DirectorySettings that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        // Never print the service password.
        return "DirectorySettings[url=" + values.get("ldap.url") + ", serviceDn=" + values.get("ldap.service.dn")
                + ", userBase=" + values.get("ldap.user.base") + "]";
    }
}
