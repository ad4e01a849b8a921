package org.babillard.people;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.apache.directory.api.ldap.model.entry.DefaultEntry;
import org.apache.directory.api.ldap.model.entry.DefaultModification;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.entry.ModificationOperation;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.message.DeleteRequestImpl;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.ResultResponse;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.ldap.client.api.LdapNetworkConnection;
import org.apache.directory.ldap.client.api.future.ResponseFuture;
import org.babillard.channels.entity.Channel;
import org.babillard.directory.settings.DirectorySettings;
import org.babillard.following.boundary.Following;
import org.babillard.it.Deployments;
import org.babillard.people.boundary.DirectorySync;
import org.babillard.people.boundary.People;
import org.babillard.people.control.DirectoryAccount;
import org.babillard.people.control.DirectoryClient;
import org.babillard.people.entity.DirectorySyncRun;
import org.babillard.people.entity.Employee;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.Posts;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelineEntry;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Team channels and joiners against the real directory (embedded, or OpenLDAP in CI), which the test changes as a
 * directory administrator would: members come and go, groups nest, a group of 2,000, a group that disappears, a
 * directory that fails in the middle of a sync, and newcomers who are welcomed once.
 */
@ExtendWith(ArquillianExtension.class)
class TeamChannelsIT {

    private static final Logger LOG = Logger.getLogger(TeamChannelsIT.class.getName());
    private static final String ADMIN_DN = "cn=admin,dc=babillard,dc=example";
    private static final String ADMIN_PASSWORD = "admin-only-for-this-test-server";
    private static final String PEOPLE = "ou=people,dc=babillard,dc=example";
    private static final String GROUPS = "ou=groups,dc=babillard,dc=example";
    private static final String PLATFORM = "cn=team-ing-plateforme," + GROUPS;
    private static final String DATA = "cn=team-ing-donnees," + GROUPS;
    private static final int BIG = 2000;

    /** This run's names: the test database outlives a run, the directory does not. */
    private final String run = Long.toString(System.nanoTime(), 36);
    /** Entries this test added, removed afterwards (groups before people). */
    private final Deque<String> added = new ArrayDeque<>();
    /** Memberships this test added to the demo groups: group, member. */
    private final List<String[]> joinedDemoGroups = new ArrayList<>();

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.babillardWithTests(TeamChannelsIT.class, CuttingProxy.class);
    }

    @Inject
    DirectorySync sync;

    @Inject
    org.babillard.channels.boundary.Channels channelsBoundary;

    @Inject
    People people;

    @Inject
    Posts posts;

    @Inject
    Following following;

    @Inject
    Timeline timeline;

    @PersistenceContext(unitName = "babillard-ejb.jar#babillard")
    EntityManager em;

    @Inject
    UserTransaction transaction;

    private boolean bigGroup;

    @AfterEach
    void putTheDirectoryBack() throws Exception {
        try (LdapNetworkConnection admin = admin()) {
            for (String[] membership : joinedDemoGroups) {
                if (admin.lookup(membership[0], "member").contains("member", membership[1])) {
                    admin.modify(membership[0], new DefaultModification(ModificationOperation.REMOVE_ATTRIBUTE, "member", membership[1]));
                }
            }
            List<ResponseFuture<?>> pending = new ArrayList<>();
            for (String dn : added) {
                pending.add(admin.deleteAsync(new DeleteRequestImpl().setName(new Dn(dn))));
                if (pending.size() == 200) {
                    awaitAll(pending);
                }
            }
            awaitAll(pending);
        }
        // The next test, here or elsewhere, starts from a database in step with the directory.
        assertTrue(sync.synchronize().isSucceeded());
        if (bigGroup) {
            // The test database outlives the run: 2,000 former employees per run would slow every later sync.
            transaction.begin();
            em.createQuery("delete from Membership m where m.employee.id in (select e.id from Employee e where e.username like :p)")
                    .setParameter("p", "it.big%." + run).executeUpdate();
            em.createQuery("delete from Employee e where e.username like :p").setParameter("p", "it.big%." + run).executeUpdate();
            transaction.commit();
        }
    }

    @Test
    void theSyncMakesTheDemoTeamsAndDepartmentsChannelsWithTheirMembers() throws Exception {
        DirectorySyncRun first = sync.synchronize();
        assertTrue(first.isSucceeded(), first.getFailure());
        assertTrue(first.getTeamsSeen() >= 19, "the demo's team-* and dept-* groups: " + first.getTeamsSeen());
        for (String group : List.of(PLATFORM, DATA, "cn=dept-ing," + GROUPS, "cn=dept-rh," + GROUPS)) {
            Channel channel = channel(group);
            assertTrue(channel.isTeam() && !channel.isArchived(), group);
            assertEquals(directoryMembers(group), members(channel), group);
        }
        assertEquals("team-ing-plateforme", channel(PLATFORM).getName());
        assertTrue(channel(PLATFORM).getDescription().startsWith("Équipe Plateforme"), channel(PLATFORM).getDescription());
        assertTrue(channelOf("cn=hr," + GROUPS).isEmpty(), "a role group is no channel");
        assertTrue(channelOf("cn=babillard-admins," + GROUPS).isEmpty(), "a role group is no channel");
        DirectorySyncRun again = sync.synchronize();
        assertEquals(0, again.getChannelsCreated() + again.getMembersAdded() + again.getMembersRemoved(), "nothing new, nothing done");
        // A member's profile lists their team channels, for any colleague who opens it.
        Channel platform = channel(PLATFORM);
        String member = channelsBoundary.members("camille.durand", platform.getId()).get(0).username();
        assertTrue(channelsBoundary.teamsOf("camille.durand", member).stream().anyMatch(t -> t.id() == platform.getId()),
                member + "'s profile lists " + platform.getName());
    }

    @Test
    void aMemberAddedOrRemovedInTheDirectoryIsAddedOrRemovedAtTheNextSync() throws Exception {
        String ines = "it.ines." + run;
        addPerson(ines, "Inès Nouvel", null, "fr");
        assertTrue(sync.synchronize().isSucceeded());
        assertFalse(members(channel(DATA)).contains(ines));

        addToDemoGroup(DATA, dn(ines));
        DirectorySyncRun joined = sync.synchronize();
        assertTrue(joined.getMembersAdded() >= 1, "counted: " + joined.getMembersAdded());
        assertTrue(members(channel(DATA)).contains(ines));

        try (LdapNetworkConnection admin = admin()) {
            admin.modify(DATA, new DefaultModification(ModificationOperation.REMOVE_ATTRIBUTE, "member", dn(ines)));
        }
        DirectorySyncRun left = sync.synchronize();
        assertTrue(left.getMembersRemoved() >= 1, "counted: " + left.getMembersRemoved());
        assertFalse(members(channel(DATA)).contains(ines));
        assertEquals(directoryMembers(DATA), members(channel(DATA)));
    }

    @Test
    void theMembersOfAGroupInsideATeamGroupAreMembersOfTheChannel() throws Exception {
        String nina = "it.nina." + run;
        String inner = "cn=it-inner-" + run + "," + GROUPS;
        String team = "cn=team-it-nested-" + run + "," + GROUPS;
        addPerson(nina, "Nina Imbriquée", null, "fr");
        try (LdapNetworkConnection admin = admin()) {
            // The inner group matches no team filter: it is no channel of its own, only part of the team.
            addEntry(admin, new DefaultEntry(inner, "objectClass: groupOfNames", "cn: it-inner-" + run, "member: " + dn(nina)));
            addEntry(admin, new DefaultEntry(team, "objectClass: groupOfNames", "cn: team-it-nested-" + run,
                    "member: " + inner, "member: " + dn("camille.durand")));
        }
        DirectorySyncRun run1 = sync.synchronize();
        assertTrue(run1.isSucceeded(), run1.getFailure());
        assertEquals(Set.of(nina, "camille.durand"), members(channel(team)));
        assertTrue(channelOf(inner).isEmpty());
    }

    @Test
    void aGroupThatDisappearsLeavesItsChannelArchivedWithItsPosts() throws Exception {
        String team = "cn=team-it-gone-" + run + "," + GROUPS;
        try (LdapNetworkConnection admin = admin()) {
            addEntry(admin, new DefaultEntry(team, "objectClass: groupOfNames", "cn: team-it-gone-" + run,
                    "description: Projet éphémère / Short-lived project", "member: " + dn("camille.durand")));
        }
        assertTrue(sync.synchronize().isSucceeded());
        Channel channel = channel(team);
        long postId = posts.publish("camille.durand", Draft.inChannel(channel.getId(), "Dernier point du projet " + run)).getId();

        try (LdapNetworkConnection admin = admin()) {
            admin.delete(team);
        }
        added.remove(team);
        DirectorySyncRun gone = sync.synchronize();
        assertTrue(gone.getChannelsArchived() >= 1, "counted: " + gone.getChannelsArchived());
        assertTrue(channel(team).isArchived());
        List<TimelineEntry> kept = timeline.channel("camille.durand", channel.getId(), null, 10).entries();
        assertEquals(List.of(postId), kept.stream().map(TimelineEntry::id).toList(), "the posts stay");
    }

    @Test
    void aGroupOfTwoThousandGivesAChannelOfTwoThousand() throws Exception {
        String team = "cn=team-it-big-" + run + "," + GROUPS;
        bigGroup = true;
        Instant start = Instant.now();
        try (LdapNetworkConnection admin = admin()) {
            List<ResponseFuture<?>> pending = new ArrayList<>();
            Entry group = new DefaultEntry(team, "objectClass: groupOfNames", "cn: team-it-big-" + run);
            for (int i = 0; i < BIG; i++) {
                String uid = "it.big" + i + "." + run;
                // Sent without waiting for each answer, 200 at a time: the directory works while the next ones travel.
                pending.add(admin.addAsync(new DefaultEntry(dn(uid), "objectClass: inetOrgPerson", "uid: " + uid,
                        "cn: Grand " + i, "sn: Grand", "displayName: Grand Groupe " + i)));
                added.push(dn(uid));
                group.add("member", dn(uid));
                if (pending.size() == 200) {
                    awaitAll(pending);
                }
            }
            awaitAll(pending);
            addEntry(admin, group);
        }
        Duration directoryFilled = Duration.between(start, Instant.now());
        Instant syncStart = Instant.now();
        DirectorySyncRun big = sync.synchronize();
        Duration synced = Duration.between(syncStart, Instant.now());
        assertTrue(big.isSucceeded(), big.getFailure());
        Channel channel = channel(team);
        assertEquals(BIG, memberCount(channel));
        assertTrue(big.getMembersAdded() >= BIG);
        Instant againStart = Instant.now();
        DirectorySyncRun again = sync.synchronize();
        Duration resynced = Duration.between(againStart, Instant.now());
        assertEquals(0, again.getMembersAdded() + again.getMembersRemoved());
        assertEquals(BIG, memberCount(channel));
        LOG.info(() -> "TeamChannelsIT: " + BIG + " entries added to the directory in " + directoryFilled.toMillis()
                + " ms; the sync that took them in: " + synced.toMillis() + " ms; the next sync: " + resynced.toMillis() + " ms");
    }

    @Test
    void aDirectoryThatFailsInTheMiddleOfASyncChangesNoMembership() throws Exception {
        String theo = "it.theo." + run;
        String quentin = "it.quentin." + run;
        addPerson(theo, "Théo Partant", null, "fr");
        addPerson(quentin, "Quentin Restant", null, "fr");
        addToDemoGroup(DATA, dn(theo));
        assertTrue(sync.synchronize().isSucceeded());
        assertTrue(members(channel(DATA)).contains(theo));
        Set<String> before = members(channel(DATA));

        // Changes a sync would apply: Théo leaves the team, Quentin the company.
        try (LdapNetworkConnection admin = admin()) {
            admin.modify(DATA, new DefaultModification(ModificationOperation.REMOVE_ATTRIBUTE, "member", dn(theo)));
            admin.delete(dn(quentin));
        }
        added.remove(dn(quentin));
        URI directory = URI.create(DirectorySettings.load().urls().get(0));
        // The directory answers for people and roles, then goes away when it is asked for the team groups.
        try (CuttingProxy proxy = new CuttingProxy(directory.getHost(), directory.getPort(), "team-");
             DirectoryClient client = new DirectoryClient(DirectorySettings.load().with("ldap.url", "ldap://127.0.0.1:" + proxy.port()))) {
            DirectorySyncRun failed = sync.synchronize(client);
            assertFalse(failed.isSucceeded());
            assertTrue(proxy.cut(), "the directory went away during the sync");
            assertTrue(failed.getFailure().contains("did not answer"), failed.getFailure());
        }
        assertEquals(before, members(channel(DATA)), "no membership changed");
        assertTrue(people.find(quentin).orElseThrow().isActive(), "nobody left");

        assertTrue(sync.synchronize().isSucceeded());
        assertFalse(members(channel(DATA)).contains(theo), "the next sync that reads everything applies the change");
        assertFalse(people.find(quentin).orElseThrow().isActive());
    }

    @Test
    void aJoinerFollowsTheirManagerAndTeamIsInTheirTeamChannelsAndIsWelcomedOnce() throws Exception {
        // Babillard has taken in the company before the newcomers come.
        assertTrue(sync.synchronize().isSucceeded());
        String zelie = "it.zelie." + run;
        addPerson(zelie, "Zélie Nouvelle", dn("camille.durand"), "fr");
        addToDemoGroup(PLATFORM, dn(zelie));
        DirectorySyncRun arrival = sync.synchronize();
        assertTrue(arrival.getJoined() >= 1 && arrival.getWelcomed() >= 1, arrival.getJoined() + " joined, " + arrival.getWelcomed() + " welcomed");
        assertTrue(members(channel(PLATFORM)).contains(zelie), "in her team's channel");
        assertTrue(following.follows(zelie, "camille.durand"), "follows her manager");
        assertTrue(following.follows(zelie, "oliver.smith"), "follows a colleague of her team");
        assertFalse(following.follows(zelie, "nadia.benali"), "not someone of another team");

        // Two more syncs and her first login: still one welcome.
        assertTrue(sync.synchronize().isSucceeded());
        assertTrue(sync.synchronize().isSucceeded());
        loginAs(zelie);
        List<TimelineEntry> welcomes = welcomesOnHome(zelie);
        assertEquals(1, welcomes.size(), "one welcome on her home timeline");
        assertEquals("camille.durand", welcomes.get(0).authorUsername(), "posted for her manager");
        assertTrue(welcomes.get(0).text().startsWith("Bienvenue @" + zelie + " !"), "in her language: " + welcomes.get(0).text());
        assertTrue(welcomes.get(0).channel() == null, "company-wide");
    }

    @Test
    void someoneWhoLogsInBeforeTheSyncSeesTheirWelcomeAtOnceAndJoinsTheirTeamAtTheNextSync() throws Exception {
        assertTrue(sync.synchronize().isSucceeded());
        String liam = "it.liam." + run;
        addPerson(liam, "Liam Early", dn("camille.durand"), "en");
        addToDemoGroup(PLATFORM, dn(liam));
        loginAs(liam);
        List<TimelineEntry> welcomes = welcomesOnHome(liam);
        assertEquals(1, welcomes.size());
        assertTrue(welcomes.get(0).text().startsWith("Welcome aboard @" + liam + "!"), welcomes.get(0).text());
        assertTrue(following.follows(liam, "camille.durand"));
        assertFalse(members(channel(PLATFORM)).contains(liam), "the sync decides the team channels");

        assertTrue(sync.synchronize().isSucceeded());
        assertTrue(sync.synchronize().isSucceeded());
        assertTrue(members(channel(PLATFORM)).contains(liam));
        assertTrue(following.follows(liam, "oliver.smith"), "and then follows the team");
        loginAs(liam);
        assertEquals(1, welcomesOnHome(liam).size(), "welcomed once");
    }

    // --- the directory, as its administrator ---

    private void addPerson(String uid, String name, String managerDn, String language) throws LdapException {
        String[] parts = name.split(" ");
        List<String> attributes = new ArrayList<>(List.of("objectClass: inetOrgPerson", "uid: " + uid, "cn: " + name,
                "sn: " + parts[parts.length - 1], "displayName: " + name, "title: Stagiaire", "preferredLanguage: " + language,
                "userPassword: demo"));
        if (managerDn != null) {
            attributes.add("manager: " + managerDn);
        }
        try (LdapNetworkConnection admin = admin()) {
            addEntry(admin, new DefaultEntry(dn(uid), attributes.toArray()));
        }
    }

    private void addEntry(LdapNetworkConnection admin, Entry entry) throws LdapException {
        admin.add(entry);
        added.push(entry.getDn().getName());
    }

    private void addToDemoGroup(String group, String member) throws Exception {
        try (LdapNetworkConnection admin = admin()) {
            admin.modify(group, new DefaultModification(ModificationOperation.ADD_ATTRIBUTE, "member", member));
        }
        joinedDemoGroups.add(new String[]{group, member});
    }

    private static void awaitAll(List<ResponseFuture<?>> pending) throws Exception {
        for (ResponseFuture<?> future : pending) {
            ResultResponse response = (ResultResponse) future.get(30, TimeUnit.SECONDS);
            ResultCodeEnum code = response == null ? null : response.getLdapResult().getResultCode();
            if (code != ResultCodeEnum.SUCCESS && code != ResultCodeEnum.NO_SUCH_OBJECT) {
                throw new IllegalStateException("The directory answered " + code);
            }
        }
        pending.clear();
    }

    /** The logins of a group's people as the directory lists them, nested groups left aside. */
    private static Set<String> directoryMembers(String group) throws Exception {
        try (LdapNetworkConnection admin = admin()) {
            Set<String> logins = new HashSet<>();
            admin.lookup(group, "member").get("member").forEach(v -> {
                String dn = v.getString().toLowerCase(Locale.ROOT);
                if (dn.startsWith("uid=")) {
                    logins.add(dn.substring(4, dn.indexOf(',')));
                }
            });
            return logins;
        }
    }

    private void loginAs(String uid) throws Exception {
        try (DirectoryClient client = new DirectoryClient(DirectorySettings.load())) {
            DirectoryAccount account = client.authenticate(uid, "demo");
            people.loggedIn(account.username(), account.profile(), account.roles());
        }
    }

    private List<TimelineEntry> welcomesOnHome(String uid) {
        Predicate<TimelineEntry> welcome = e -> e.text().contains("@" + uid + " ") || e.text().contains("@" + uid + "!");
        return timeline.home(uid, null, 100).entries().stream().filter(welcome).toList();
    }

    // --- Babillard's side ---

    private java.util.Optional<Channel> channelOf(String group) {
        return em.createNamedQuery(Channel.BY_GROUP, Channel.class).setParameter("group", group.toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
    }

    private Channel channel(String group) {
        return channelOf(group).orElseThrow(() -> new AssertionError("no channel for " + group));
    }

    private Set<String> members(Channel channel) {
        return em.createQuery("select m.employee.username from Membership m where m.channel.id = :c", String.class)
                .setParameter("c", channel.getId()).getResultStream().collect(Collectors.toSet());
    }

    private long memberCount(Channel channel) {
        return em.createQuery("select count(m) from Membership m where m.channel.id = :c", Long.class)
                .setParameter("c", channel.getId()).getSingleResult();
    }

    private static String dn(String uid) {
        return "uid=" + uid + "," + PEOPLE;
    }

    private static LdapNetworkConnection admin() throws LdapException {
        URI url = URI.create(DirectorySettings.load().urls().get(0));
        LdapNetworkConnection c = new LdapNetworkConnection(url.getHost(), url.getPort());
        c.bind(ADMIN_DN, ADMIN_PASSWORD);
        return c;
    }

    /**
     * A TCP proxy in front of the directory that passes everything until a request carries these bytes, then
     * drops every connection and refuses new ones: a directory that goes down in the middle of a conversation.
     */
    static final class CuttingProxy implements AutoCloseable {

        private final ServerSocket listener;
        private final byte[] trigger;
        private final List<Socket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile boolean cut;

        CuttingProxy(String host, int port, String trigger) throws IOException {
            this.trigger = trigger.getBytes(StandardCharsets.UTF_8);
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!cut) {
                    try {
                        Socket client = listener.accept();
                        Socket server = new Socket(host, port);
                        sockets.add(client);
                        sockets.add(server);
                        pump(client, server, true);
                        pump(server, client, false);
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "cutting-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        boolean cut() {
            return cut;
        }

        private void pump(Socket from, Socket to, boolean watch) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[16384];
                byte[] carry = new byte[0];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        if (watch) {
                            byte[] seen = new byte[carry.length + n];
                            System.arraycopy(carry, 0, seen, 0, carry.length);
                            System.arraycopy(buffer, 0, seen, carry.length, n);
                            if (contains(seen, trigger)) {
                                cutAll();
                                return;
                            }
                            carry = java.util.Arrays.copyOfRange(seen, Math.max(0, seen.length - trigger.length), seen.length);
                        }
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    // a closed socket ends the pump
                }
            }, "cutting-proxy-pump");
            t.setDaemon(true);
            t.start();
        }

        private static boolean contains(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }

        private void cutAll() {
            cut = true;
            try {
                listener.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            for (Socket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }

        @Override
        public void close() {
            cutAll();
        }
    }
}
