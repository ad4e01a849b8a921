package org.babillard.people.control;

import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.apache.directory.api.ldap.model.cursor.CursorException;
import org.apache.directory.api.ldap.model.cursor.EntryCursor;
import org.apache.directory.api.ldap.model.entry.Attribute;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.exception.LdapAuthenticationException;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.filter.FilterEncoder;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.apache.directory.api.ldap.model.cursor.SearchCursor;
import org.apache.directory.api.ldap.model.message.Response;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.SearchRequest;
import org.apache.directory.api.ldap.model.message.SearchRequestImpl;
import org.apache.directory.api.ldap.model.message.SearchResultDone;
import org.apache.directory.api.ldap.model.message.SearchResultEntry;
import org.apache.directory.api.ldap.model.message.controls.PagedResults;
import org.apache.directory.api.ldap.model.message.controls.PagedResultsImpl;
import org.apache.directory.api.ldap.model.name.Dn;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Talks to the corporate directory with the Apache Directory LDAP API. People are looked up with the service
 * account over a pool of connections, with filters built by {@link FilterBuilder} so that a name can never
 * change the filter; the password is then checked by binding as the person on a fresh connection of its own,
 * which never enters the pool. Several directory servers may be configured: they are tried in order, and the
 * one that answered last is tried first.
 */
public class DirectoryClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DirectoryClient.class.getName());

    /** The longest login name looked up (the login page says so): no directory has longer ones. */
    public static final int MAX_NAME_LENGTH = 256;
    /**
     * The longest password sent to the directory (the login page says so). Active Directory stops at 256; a longer
     * one guesses nothing, and an unbounded one would make every login attempt as large as the caller likes.
     */
    public static final int MAX_PASSWORD_LENGTH = 512;

    private final DirectorySettings settings;
    private final List<Endpoint> endpoints;
    /** The endpoint that answered last: tried first next time. */
    private final AtomicInteger preferred = new AtomicInteger();

    /**
     * One directory server: its pool of service connections (replaced by a new one if it ever stays exhausted, see
     * {@link #withConnection}), how to make that pool, and the settings for fresh user binds.
     */
    private record Endpoint(String url, java.util.concurrent.atomic.AtomicReference<LdapConnectionPool> pool,
                            java.util.function.Supplier<LdapConnectionPool> newPool, LdapConnectionConfig userBindConfig) {
    }

    public DirectoryClient(DirectorySettings settings) {
        this.settings = settings;
        List<Endpoint> list = new ArrayList<>();
        for (String url : settings.urls()) {
            list.add(endpoint(settings, url));
        }
        if (list.isEmpty()) {
            throw new IllegalStateException("No directory URL in ldap.url");
        }
        this.endpoints = List.copyOf(list);
    }

    private static Endpoint endpoint(DirectorySettings settings, String url) {
        return new Endpoint(url, new java.util.concurrent.atomic.AtomicReference<>(pool(settings, url)), () -> pool(settings, url),
                connectionConfig(settings, url));
    }

    private static LdapConnectionPool pool(DirectorySettings settings, String url) {
        LdapConnectionConfig serviceConfig = connectionConfig(settings, url);
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
        return new LdapConnectionPool(new DistrustingOldConnections(factory), poolConfig);
    }

    /**
     * The pool's factory: a kept connection is checked before it is lent (a read of the root entry, within the
     * operation timeout). When a check fails, every connection made before that moment is dropped without a check:
     * a directory that went silent would otherwise cost the next login one timeout per kept connection, as the pool
     * tries them in turn. Connections made afterwards are checked as usual.
     */
    private static final class DistrustingOldConnections extends ValidatingPoolableLdapConnectionFactory {

        private volatile Instant failedAt = Instant.MIN;

        DistrustingOldConnections(DefaultLdapConnectionFactory factory) {
            super(factory);
        }

        @Override
        public boolean validateObject(PooledObject<LdapConnection> kept) {
            if (kept.getCreateInstant().isBefore(failedAt)) {
                return false;
            }
            if (super.validateObject(kept)) {
                return true;
            }
            failedAt = Instant.now();
            return false;
        }
    }

    public DirectorySettings settings() {
        return settings;
    }

    /**
     * Checks a person's name and password against the directory.
     *
     * @return the person's account, with profile and roles
     * @throws InvalidCredentials   for a blank password, a name or password longer than {@link #MAX_NAME_LENGTH} or
     *                              {@link #MAX_PASSWORD_LENGTH}, a name with control characters, an unknown name, a
     *                              wrong password, or a person the role mapping leaves out
     * @throws DirectoryUnavailable when the directory cannot be reached or does not answer in time
     */
    public DirectoryAccount authenticate(String login, String password) throws InvalidCredentials, DirectoryUnavailable {
        // A blank password would make an "unauthenticated" bind that many servers accept: never send one.
        if (login == null || login.isBlank() || password == null || password.isBlank()) {
            throw new InvalidCredentials("blank name or password");
        }
        // The password is sent as typed, byte for byte (UTF-8): never trimmed or normalised, or a password that
        // differs from the real one by a space or by its Unicode form would open the account.
        if (login.length() > MAX_NAME_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            throw new InvalidCredentials("name or password too long");
        }
        // No directory has a login name with control characters (NUL, line breaks): such a name is nobody's, and a
        // directory may take the escaped NUL for a malformed filter rather than a value that matches nothing.
        String name = login.strip();
        if (hasControlCharacters(name)) {
            throw new InvalidCredentials("control characters in the name");
        }
        return onAnyServer(endpoint -> authenticateAt(endpoint, name, password));
    }

    /** Whether the text holds control characters (NUL, line breaks, tabs...). */
    public static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    /** Something asked of one directory server, which may find the credentials invalid. */
    private interface Request<T> {
        T on(Endpoint endpoint) throws InvalidCredentials, DirectoryUnavailable;
    }

    /** Something asked of one directory server that involves no credentials. */
    private interface Lookup<T> {
        T on(Endpoint endpoint) throws DirectoryUnavailable;
    }

    /**
     * Asks the servers in turn, beginning with the one that answered last, until one answers; a wrong password is
     * an answer. Only when none answers is the directory unavailable.
     */
    private <T> T onAnyServer(Request<T> request) throws InvalidCredentials, DirectoryUnavailable {
        int first = preferred.get();
        DirectoryUnavailable last = null;
        for (int i = 0; i < endpoints.size(); i++) {
            int index = (first + i) % endpoints.size();
            try {
                T answer = request.on(endpoints.get(index));
                preferred.set(index);
                return answer;
            } catch (DirectoryUnavailable e) {
                last = e;
            }
        }
        throw last;
    }

    private <T> T lookUpOnAnyServer(Lookup<T> lookup) throws DirectoryUnavailable {
        try {
            return onAnyServer(lookup::on);
        } catch (InvalidCredentials impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Everyone the user search finds, read page by page (Simple Paged Results), for the directory sync.
     *
     * @throws DirectoryUnavailable if no server could give the complete list; a partial list is never returned
     */
    public List<DirectoryPerson> allPeople() throws DirectoryUnavailable {
        String photoAttribute = settings.attribute("photo");
        List<String> attributes = new ArrayList<>(List.of(personAttributes()));
        if (!photoAttribute.isEmpty()) {
            attributes.add(photoAttribute);
        }
        return lookUpOnAnyServer(endpoint -> {
            List<DirectoryPerson> people = new ArrayList<>();
            for (Entry entry : pagedSearch(endpoint, settings.userBase(), settings.userFilter(), attributes.toArray(String[]::new))) {
                String login = value(entry, settings.loginAttribute());
                if (login != null && !login.isBlank() && !disabled(entry)) {
                    people.add(new DirectoryPerson(login.strip().toLowerCase(Locale.ROOT), profile(entry), bytes(entry, photoAttribute)));
                }
            }
            return people;
        });
    }

    private List<Entry> pagedSearch(Endpoint endpoint, String base, String filter, String[] attributes) throws DirectoryUnavailable {
        return withConnection(endpoint, "reading " + base + " for " + filter + " page by page", connection -> {
            List<Entry> entries = new ArrayList<>();
            byte[] cookie = null;
            do {
                PagedResults paging = new PagedResultsImpl();
                paging.setSize(settings.pageSize());
                if (cookie != null) {
                    paging.setCookie(cookie);
                }
                SearchRequest request = new SearchRequestImpl()
                        .setBase(new Dn(base))
                        .setFilter(filter)
                        .setScope(SearchScope.SUBTREE)
                        .addAttributes(attributes)
                        .addControl(paging);
                try (SearchCursor cursor = connection.search(request)) {
                    while (cursor.next()) {
                        Response response = cursor.get();
                        if (response instanceof SearchResultEntry result) {
                            entries.add(result.getEntry());
                        }
                    }
                    SearchResultDone done = cursor.getSearchResultDone();
                    ResultCodeEnum code = done == null ? null : done.getLdapResult().getResultCode();
                    if (code != ResultCodeEnum.SUCCESS) {
                        throw new LdapException("the search ended with " + code + " after " + entries.size() + " entries");
                    }
                    PagedResults answer = (PagedResults) done.getControl(PagedResults.OID);
                    cookie = answer == null ? null : answer.getCookie();
                }
            } while (cookie != null && cookie.length > 0);
            return entries;
        });
    }

    /** Work on one pooled connection of the service account. */
    private interface OnConnection<T> {
        T run(LdapConnection connection) throws LdapException, CursorException, IOException;
    }

    /**
     * Runs the work on a pooled connection; any failure makes the directory unavailable for this request, and the
     * connection, which may be broken, leaves the pool.
     */
    private <T> T withConnection(Endpoint endpoint, String what, OnConnection<T> work) throws DirectoryUnavailable {
        LdapConnectionPool pool = endpoint.pool().get();
        LdapConnection connection;
        try {
            connection = pool.getConnection();
        } catch (LdapException | RuntimeException e) {
            if (pool.getNumActive() < pool.getMaxTotal()) {
                throw unavailable(endpoint, "connecting", e);
            }
            // Every connection lent for the whole wait (connect and operation timeouts), none back: the directory killed
            // and started again while a dozen people logged in left the pool so, each connection counted as lent for
            // good, and nobody could log in any more until Babillard was restarted (the benchmark's directory, restarted
            // under 8 concurrent logins). A new pool; the old one's connections are dropped as they come back.
            pool = renew(endpoint, pool);
            try {
                connection = pool.getConnection();
            } catch (LdapException | RuntimeException again) {
                throw unavailable(endpoint, "connecting", again);
            }
        }
        try {
            T result = work.run(connection);
            release(pool, connection);
            return result;
        } catch (LdapException | CursorException | IOException | RuntimeException e) {
            invalidate(pool, connection);
            throw unavailable(endpoint, what, e);
        }
    }

    private DirectoryAccount authenticateAt(Endpoint endpoint, String login, String password)
            throws InvalidCredentials, DirectoryUnavailable {
        Entry entry = findPerson(endpoint, login);
        if (disabled(entry)) {
            throw new InvalidCredentials("the account " + entry.getDn().getName() + " is disabled");
        }
        bindAs(endpoint, entry.getDn().getName(), password);
        List<String> groups = groupsOf(endpoint, entry.getDn().getName());
        Set<String> roles = roles(groups);
        if (!roles.contains("employee")) {
            throw new InvalidCredentials("not in the groups that give the employee role");
        }
        return new DirectoryAccount(canonicalName(entry, login), profile(entry), groups, roles);
    }

    private Entry findPerson(Endpoint endpoint, String login) throws InvalidCredentials, DirectoryUnavailable {
        FilterBuilder[] anyLogin = settings.loginAttributes().stream().map(a -> FilterBuilder.equal(a, login))
                .toArray(FilterBuilder[]::new);
        String filter = "(&" + settings.userFilter() + (anyLogin.length == 1 ? anyLogin[0] : FilterBuilder.or(anyLogin)) + ")";
        List<Entry> found = search(endpoint, settings.userBase(), filter, personAttributes());
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

    private void bindAs(Endpoint endpoint, String dn, String password) throws InvalidCredentials, DirectoryUnavailable {
        try (LdapNetworkConnection connection = new LdapNetworkConnection(endpoint.userBindConfig())) {
            connection.setTimeOut(settings.operationTimeout().toMillis());
            connection.bind(dn, password);
        } catch (LdapAuthenticationException e) {
            throw new InvalidCredentials("wrong password for " + dn);
        } catch (LdapException e) {
            throw unavailable(endpoint, "binding as " + dn, e);
        } catch (RuntimeException e) {
            throw unavailable(endpoint, "binding as " + dn, e);
        }
    }

    /** The names of the groups the entry belongs to, directly or through groups inside groups. */
    private List<String> groupsOf(Endpoint endpoint, String dn) throws DirectoryUnavailable {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> members = List.of(dn);
        // One search per level of nesting; a directory deeper than this is surely a loop.
        for (int depth = 0; depth < 10 && !members.isEmpty(); depth++) {
            FilterBuilder[] anyOf = members.stream()
                    .map(m -> FilterBuilder.equal(settings.groupMemberAttribute(), m))
                    .toArray(FilterBuilder[]::new);
            String filter = "(&" + settings.groupFilter() + FilterBuilder.or(anyOf) + ")";
            List<String> next = new ArrayList<>();
            for (Entry group : search(endpoint, settings.groupBase(), filter, new String[]{settings.groupNameAttribute()})) {
                String groupDn = group.getDn().getName();
                if (seen.add(groupDn.toLowerCase(Locale.ROOT))) {
                    next.add(groupDn);
                    String name = value(group, settings.groupNameAttribute());
                    if (name != null) {
                        names.add(name);
                    }
                }
            }
            members = next;
        }
        return names;
    }

    /**
     * Who holds each role that directory groups give (hr, admin), through nested groups too: the lower-case DNs
     * of the people, by role. Read with one paged search of all groups.
     */
    public Map<String, Set<String>> roleHolders() throws DirectoryUnavailable {
        return lookUpOnAnyServer(this::roleHolders);
    }

    private Map<String, Set<String>> roleHolders(Endpoint endpoint) throws DirectoryUnavailable {
        Map<String, Set<String>> membersByGroup = new HashMap<>();
        Map<String, String> dnByName = new HashMap<>();
        for (Entry group : pagedSearch(endpoint, settings.groupBase(), settings.groupFilter(),
                new String[]{settings.groupNameAttribute(), settings.groupMemberAttribute()})) {
            String dn = group.getDn().getName().toLowerCase(Locale.ROOT);
            Set<String> members = new HashSet<>();
            Attribute memberAttribute = group.get(settings.groupMemberAttribute());
            if (memberAttribute != null) {
                memberAttribute.forEach(v -> members.add(v.getString().toLowerCase(Locale.ROOT)));
            }
            membersByGroup.put(dn, members);
            String name = value(group, settings.groupNameAttribute());
            if (name != null) {
                dnByName.put(name.toLowerCase(Locale.ROOT), dn);
            }
        }
        Map<String, Set<String>> holders = new HashMap<>();
        for (String role : DirectorySettings.ROLES) {
            Set<String> people = new HashSet<>();
            Set<String> visited = new HashSet<>();
            Deque<String> pending = new ArrayDeque<>();
            settings.groupsForRole(role).stream().map(dnByName::get).filter(Objects::nonNull).forEach(pending::add);
            while (!pending.isEmpty()) {
                String groupDn = pending.pop();
                if (!visited.add(groupDn)) {
                    continue;
                }
                for (String member : membersByGroup.getOrDefault(groupDn, Set.of())) {
                    if (membersByGroup.containsKey(member)) {
                        pending.push(member);
                    } else {
                        people.add(member);
                    }
                }
            }
            holders.put(role, people);
        }
        return holders;
    }

    /**
     * The groups that become team channels ({@code ldap.team.base} and {@code ldap.team.filter}) with their members,
     * nested groups resolved: either from the member attributes of all groups (one paged search of the groups), or,
     * with {@code ldap.team.member.filter}, by a paged search of the people for each team group, so that the
     * directory resolves nesting itself (Active Directory's in-chain rule). Empty when no team filter is set.
     *
     * @throws DirectoryUnavailable if no server could give the complete answer; a partial one is never returned
     */
    public List<TeamGroup> teams() throws DirectoryUnavailable {
        Optional<String> filter = settings.teamFilter();
        if (filter.isEmpty()) {
            return List.of();
        }
        return lookUpOnAnyServer(endpoint -> teams(endpoint, filter.get()));
    }

    private List<TeamGroup> teams(Endpoint endpoint, String teamFilter) throws DirectoryUnavailable {
        String memberAttribute = settings.groupMemberAttribute();
        Optional<String> memberFilter = settings.teamMemberFilter();
        List<String> attributes = new ArrayList<>(List.of(settings.groupNameAttribute(), settings.groupDescriptionAttribute()));
        if (memberFilter.isEmpty()) {
            attributes.add(memberAttribute);
        }
        List<Entry> teamEntries = pagedSearch(endpoint, settings.teamBase(), teamFilter, attributes.toArray(String[]::new));
        List<TeamGroup> teams = new ArrayList<>();
        if (memberFilter.isPresent()) {
            for (Entry team : teamEntries) {
                String filter = "(&" + settings.userFilter()
                        + memberFilter.get().replace("{0}", FilterEncoder.encodeFilterValue(team.getDn().getName())) + ")";
                Set<String> members = new HashSet<>();
                for (Entry person : pagedSearch(endpoint, settings.userBase(), filter, new String[]{"1.1"})) {
                    members.add(person.getDn().getName().toLowerCase(Locale.ROOT));
                }
                teams.add(teamGroup(team, members));
            }
            return teams;
        }
        // Every group's members, so that a group inside a team group is seen through, at any depth.
        Map<String, Set<String>> membersByGroup = new HashMap<>();
        for (Entry group : pagedSearch(endpoint, settings.groupBase(), settings.groupFilter(), new String[]{memberAttribute})) {
            membersByGroup.put(group.getDn().getName().toLowerCase(Locale.ROOT), members(group, memberAttribute));
        }
        for (Entry team : teamEntries) {
            membersByGroup.put(team.getDn().getName().toLowerCase(Locale.ROOT), members(team, memberAttribute));
        }
        for (Entry team : teamEntries) {
            Set<String> people = new HashSet<>();
            Set<String> visited = new HashSet<>();
            Deque<String> pending = new ArrayDeque<>();
            pending.push(team.getDn().getName().toLowerCase(Locale.ROOT));
            while (!pending.isEmpty()) {
                String groupDn = pending.pop();
                if (!visited.add(groupDn)) {
                    continue;
                }
                for (String member : membersByGroup.getOrDefault(groupDn, Set.of())) {
                    if (membersByGroup.containsKey(member)) {
                        pending.push(member);
                    } else {
                        people.add(member);
                    }
                }
            }
            teams.add(teamGroup(team, people));
        }
        return teams;
    }

    private TeamGroup teamGroup(Entry team, Set<String> members) {
        String name = value(team, settings.groupNameAttribute());
        if (name == null || name.isBlank()) {
            name = team.getDn().getRdn().getValue();
        }
        return new TeamGroup(team.getDn().getName(), name.strip(), value(team, settings.groupDescriptionAttribute()), members);
    }

    private static Set<String> members(Entry group, String memberAttribute) {
        Set<String> members = new HashSet<>();
        Attribute attribute = group.get(memberAttribute);
        if (attribute != null) {
            attribute.forEach(v -> members.add(v.getString().toLowerCase(Locale.ROOT)));
        }
        return members;
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

    private List<Entry> search(Endpoint endpoint, String base, String filter, String[] attributes) throws DirectoryUnavailable {
        return withConnection(endpoint, "searching " + base + " for " + filter, connection -> {
            List<Entry> entries = new ArrayList<>();
            try (EntryCursor cursor = connection.search(base, filter, SearchScope.SUBTREE, attributes)) {
                while (cursor.next()) {
                    entries.add(cursor.get());
                }
            }
            return entries;
        });
    }

    private String[] personAttributes() {
        List<String> names = new ArrayList<>(settings.loginAttributes());
        names.add("cn");
        if (!settings.disabledAttribute().isEmpty()) {
            names.add(settings.disabledAttribute());
        }
        for (String field : List.of("displayName", "mail", "title", "department", "site", "phone", "manager", "language")) {
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
        String language = field(entry, "language");
        return new DirectoryProfile(entry.getDn().getName(), displayName, field(entry, "mail"), field(entry, "title"),
                field(entry, "department"), field(entry, "site"), field(entry, "phone"), field(entry, "manager"),
                language == null ? null : language.strip().toLowerCase(Locale.ROOT).split("[-_;,\\s]")[0]);
    }

    /** The name as the directory spells it (people may type it in another case). */
    /** Whether the entry's account flags (Active Directory's userAccountControl) say the account is disabled. */
    private boolean disabled(Entry entry) {
        String attribute = settings.disabledAttribute();
        if (attribute.isEmpty()) {
            return false;
        }
        String flags = value(entry, attribute);
        if (flags == null || flags.isBlank()) {
            return false;
        }
        try {
            return (Long.parseLong(flags.strip()) & settings.disabledBits()) != 0;
        } catch (NumberFormatException e) {
            LOG.warning(() -> attribute + " of " + entry.getDn().getName() + " is not a number: the account is treated as disabled");
            return true;
        }
    }

    private String canonicalName(Entry entry, String typed) {
        String stored = value(entry, settings.loginAttribute());
        return (stored == null ? typed : stored).toLowerCase(Locale.ROOT);
    }

    private String field(Entry entry, String field) {
        String attribute = settings.attribute(field);
        return attribute.isEmpty() ? null : value(entry, attribute);
    }

    private static byte[] bytes(Entry entry, String attribute) {
        if (attribute.isEmpty()) {
            return null;
        }
        Attribute a = entry.get(attribute);
        return a == null || a.get() == null ? null : a.get().getBytes();
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

    /** Puts a new pool in place of one that stayed exhausted (once, if several requests find it so together). */
    private static LdapConnectionPool renew(Endpoint endpoint, LdapConnectionPool exhausted) {
        LdapConnectionPool fresh = endpoint.newPool().get();
        if (!endpoint.pool().compareAndSet(exhausted, fresh)) {
            fresh.close();
            return endpoint.pool().get();
        }
        LOG.warning(() -> "The " + exhausted.getMaxTotal() + " connections to the directory at " + endpoint.url()
                + " were all lent and none came back within the wait: they are left behind, with new ones from now on");
        exhausted.close();
        return fresh;
    }

    private static DirectoryUnavailable unavailable(Endpoint endpoint, String what, Exception cause) {
        String message = "The directory at " + endpoint.url() + " did not answer while " + what + ": " + cause.getMessage();
        LOG.warning(message);
        return new DirectoryUnavailable(message, cause);
    }

    private static void release(LdapConnectionPool pool, LdapConnection connection) {
        try {
            pool.releaseConnection(connection);
        } catch (LdapException | RuntimeException e) {
            LOG.log(Level.FINE, "Releasing a pooled directory connection failed", e);
        }
    }

    private static void invalidate(LdapConnectionPool pool, LdapConnection connection) {
        try {
            pool.invalidateObject(connection);
        } catch (Exception e) {
            LOG.log(Level.FINE, "Dropping a broken directory connection failed", e);
        }
    }

    @Override
    public void close() {
        endpoints.forEach(e -> e.pool().get().close());
    }

    private static LdapConnectionConfig connectionConfig(DirectorySettings settings, String url) {
        URI uri = URI.create(url);
        boolean ssl = "ldaps".equalsIgnoreCase(uri.getScheme());
        if (!ssl && !"ldap".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("A directory URL must look like ldap://host:port or ldaps://host:port: " + url);
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
            config.setTrustManagers(HostnameVerifyingTrustManager.forHost(uri.getHost(),
                    settings.trustStore().orElse(null), settings.trustStorePassword()));
        }
        return config;
    }
}
