package org.babillard.people;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.apache.directory.api.ldap.model.entry.DefaultEntry;
import org.apache.directory.api.ldap.model.entry.DefaultModification;
import org.apache.directory.api.ldap.model.entry.ModificationOperation;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.ldap.client.api.LdapNetworkConnection;
import org.babillard.directory.settings.DirectorySettings;
import org.babillard.it.Deployments;
import org.babillard.people.boundary.DirectoryAdministration;
import org.babillard.people.boundary.DirectorySync;
import org.babillard.people.boundary.People;
import org.babillard.people.control.DirectoryClient;
import org.babillard.people.control.OpenSessions;
import org.babillard.people.control.Photos;
import org.babillard.people.entity.DirectorySyncRun;
import org.babillard.people.entity.Employee;
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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The directory sync against the real directory (embedded, or OpenLDAP in CI), which the test changes as a
 * directory administrator would: a joiner, a change, a leaver, a return, and a directory that is down.
 */
@ExtendWith(ArquillianExtension.class)
class DirectorySyncIT {

    private static final String ADMIN_DN = "cn=admin,dc=babillard,dc=example";
    private static final String ADMIN_PASSWORD = "admin-only-for-this-test-server";
    private static final String PEOPLE = "ou=people,dc=babillard,dc=example";
    /** A person of this run only: the database of the tests outlives a run. */
    private static final String ZOE = "it.zoe." + Long.toString(System.nanoTime(), 36);
    private static final String MAX = ZOE.replace("zoe", "max");
    private static final String NESTED = "cn=it-nested-" + MAX.substring(7) + ",ou=groups,dc=babillard,dc=example";
    private static final String HR = "cn=hr,ou=groups,dc=babillard,dc=example";
    private static final String ANA = ZOE.replace("zoe", "ana");
    /** A 24 x 24 JPEG (a white dot on Babillard's blue), made with ImageIO. */
    private static final byte[] PHOTO = java.util.Base64.getDecoder().decode(
            "/9j/4AAQSkZJRgABAgAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAYABgDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDn60YvD+tTRJLFpF/JG6hkdLZyGB6EHHIp/huGCfxPpcN0N0L3UasuwOG+YYUgkDBPB9ieD0r6Lr6rH494aSjGN7nn0aPtE22fMFFdL8QIo4vHOprGiopZGIUYGTGpJ+pJJPuaK9ClP2lOM+6TMZKzaOarpYviB4oiiSNdVYqihQXhjY4HqSuSfc80UUTpU6nxxT9UCk1sznJZZJpXlldpJHYs7ucliepJ7miiirEf/9k=");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.babillardWithTests(DirectorySyncIT.class);
    }

    @Inject
    DirectorySync sync;

    @Inject
    People people;

    @Inject
    Posts posts;

    @Inject
    Timeline timeline;

    @Inject
    OpenSessions openSessions;

    @Inject
    DirectoryAdministration administration;

    @Inject
    Photos photos;

    @Inject
    HttpServletRequest request;

    @PersistenceContext(unitName = "babillard-ejb.jar#babillard")
    EntityManager em;

    @AfterEach
    void removeTestPeopleAndGroups() throws Exception {
        try (LdapNetworkConnection admin = admin()) {
            if (admin.lookup(HR, "member").contains("member", NESTED)) {
                admin.modify(HR, new DefaultModification(ModificationOperation.REMOVE_ATTRIBUTE, "member", NESTED));
            }
            for (String entry : new String[]{NESTED, dn(ZOE), dn(MAX), dn(ANA)}) {
                if (admin.exists(entry)) {
                    admin.delete(entry);
                }
            }
        }
    }

    @Test
    void rolesFollowDirectoryGroupsEvenNestedAndAChangeEndsTheSessions() throws Exception {
        try (LdapNetworkConnection admin = admin()) {
            admin.add(new DefaultEntry(dn(MAX), "objectClass: inetOrgPerson", "uid: " + MAX, "cn: Max Weber", "sn: Weber",
                    "displayName: Max Weber", "userPassword: demo"));
            // Max is in a group that is itself a member of the HR group.
            admin.add(new DefaultEntry(NESTED, "objectClass: groupOfNames", "cn: " + NESTED.substring(3, NESTED.indexOf(',')),
                    "member: " + dn(MAX)));
            admin.modify(HR, new DefaultModification(ModificationOperation.ADD_ATTRIBUTE, "member", NESTED));
        }
        try (DirectoryClient client = new DirectoryClient(DirectorySettings.load())) {
            assertEquals(java.util.Set.of("employee", "hr"), client.authenticate(MAX, "demo").roles(), "nested at login");
        }
        assertTrue(sync.synchronize().isSucceeded());
        assertEquals(java.util.Set.of("employee", "hr"), people.find(MAX).orElseThrow().getRoles(), "nested at the sync");

        HttpSession his = request.getSession();
        openSessions.loggedIn(MAX, his);
        try (LdapNetworkConnection admin = admin()) {
            admin.modify(HR, new DefaultModification(ModificationOperation.REMOVE_ATTRIBUTE, "member", NESTED));
        }
        assertTrue(sync.synchronize().isSucceeded());
        assertEquals(java.util.Set.of("employee"), people.find(MAX).orElseThrow().getRoles());
        assertThrows(IllegalStateException.class, his::getCreationTime, "his session, with the HR role, was ended");
    }

    @Test
    void joinersChangesLeaversAndReturnsFollowTheDirectory() throws Exception {
        DirectorySyncRun first = sync.synchronize();
        assertTrue(first.isSucceeded(), first.getFailure());
        assertTrue(first.getPeopleSeen() >= 140, "the whole demo company: " + first.getPeopleSeen());
        Employee neverLoggedIn = people.find("oliver.thompson").orElseThrow();
        assertTrue(neverLoggedIn.isActive());
        Employee camille = people.find("camille.durand").orElseThrow();
        assertTrue(camille.getPhone().startsWith("+33 1 70 00 "), camille.getPhone());
        assertEquals("uid=emilie.cote,ou=people,dc=babillard,dc=example",
                people.find("helene.lefevre").orElseThrow().getManagerDn().toLowerCase());

        // A joiner: in Babillard before their first login.
        try (LdapNetworkConnection admin = admin()) {
            admin.add(new DefaultEntry(dn(ZOE),
                    "objectClass: inetOrgPerson", "objectClass: organizationalPerson", "objectClass: person", "objectClass: top",
                    "uid: " + ZOE, "cn: Zoé Martin", "sn: Martin", "givenName: Zoé", "displayName: Zoé Martin",
                    "title: Stagiaire", "departmentNumber: Ingénierie", "l: Lyon", "preferredLanguage: fr",
                    "mail: " + ZOE + "@babillard.example", "userPassword: demo"));
        }
        DirectorySyncRun joined = sync.synchronize();
        assertEquals(1, joined.getJoined());
        Employee zoe = people.find(ZOE).orElseThrow();
        assertEquals("Zoé Martin", zoe.getDisplayName());
        assertEquals("fr", zoe.getDirectoryLanguage());
        assertNull(zoe.getFirstLogin(), "never logged in");

        // A change of title.
        try (LdapNetworkConnection admin = admin()) {
            admin.modify(dn(ZOE), new DefaultModification(ModificationOperation.REPLACE_ATTRIBUTE, "title", "Développeuse"));
        }
        DirectorySyncRun changed = sync.synchronize();
        assertTrue(changed.getUpdated() >= 1);
        assertEquals("Développeuse", people.find(ZOE).orElseThrow().getTitle());

        // A leaver: her posts stay, marked; her sessions end.
        long postId = posts.publish(ZOE, "Mon dernier jour, merci à tous !").getId();
        HttpSession hers = request.getSession();
        openSessions.loggedIn(ZOE, hers);
        try (LdapNetworkConnection admin = admin()) {
            admin.delete(dn(ZOE));
        }
        DirectorySyncRun left = sync.synchronize();
        assertEquals(1, left.getLeft());
        Employee gone = people.find(ZOE).orElseThrow();
        assertFalse(gone.isActive());
        assertTrue(gone.getLeftAt() != null);
        TimelineEntry post = timeline.company("camille.durand", postId + 1, 1).entries().get(0);
        assertEquals(postId, post.id());
        assertFalse(post.authorActive(), "the post stays, marked as a former employee's");
        assertThrows(IllegalStateException.class, hers::getCreationTime, "her session was ended");
        assertEquals(0, openSessions.count(ZOE));

        // Back again.
        try (LdapNetworkConnection admin = admin()) {
            admin.add(new DefaultEntry(dn(ZOE),
                    "objectClass: inetOrgPerson", "uid: " + ZOE, "cn: Zoé Martin", "sn: Martin", "displayName: Zoé Martin"));
        }
        DirectorySyncRun back = sync.synchronize();
        assertEquals(1, back.getCameBack());
        assertTrue(people.find(ZOE).orElseThrow().isActive());
    }

    @Test
    void photosFollowTheDirectoryAndOnlyImagesAreKept() throws Exception {
        try (LdapNetworkConnection admin = admin()) {
            DefaultEntry ana = new DefaultEntry(dn(ANA), "objectClass: inetOrgPerson", "uid: " + ANA, "cn: Ana Lima", "sn: Lima",
                    "displayName: Ana Lima");
            ana.add("jpegPhoto", PHOTO);
            admin.add(ana);
        }
        assertTrue(sync.synchronize().isSucceeded());
        String hash = people.find(ANA).orElseThrow().getPhotoHash();
        assertEquals(Photos.sha256(PHOTO), hash);
        Photos.Photo kept = photos.read(ANA).orElseThrow();
        assertEquals("image/jpeg", kept.contentType());
        assertTrue(java.util.Arrays.equals(PHOTO, kept.bytes()));
        // A timeline reads its authors' photos at once: those who have one, by name.
        assertEquals(java.util.Map.of(ANA, hash), people.photoHashes(java.util.List.of(ANA, "nobody.by.that.name")));
        assertEquals(hash, people.photoHash(ANA));

        // Something that is not an image is not kept, and the photo goes.
        try (LdapNetworkConnection admin = admin()) {
            admin.modify(dn(ANA), new DefaultModification(ModificationOperation.REPLACE_ATTRIBUTE, "jpegPhoto",
                    "<html><script>alert(1)</script></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        assertTrue(sync.synchronize().isSucceeded());
        assertNull(people.find(ANA).orElseThrow().getPhotoHash());
        assertTrue(photos.read(ANA).isEmpty());
        assertTrue(people.photoHashes(java.util.List.of(ANA)).isEmpty(), "no photo, no version");
    }

    @Test
    void onlyAdministratorsMayRunTheSyncOrSeeItsRecord() {
        // This test runs as nobody in particular: the boundary itself refuses, whatever the pages show.
        assertThrows(EJBAccessException.class, administration::syncNow);
        assertThrows(EJBAccessException.class, administration::lastFailure);
    }

    @Test
    void aSyncThatCannotReadTheDirectoryChangesNothingAndIsRecorded() {
        assertTrue(sync.synchronize().isSucceeded());
        long activeBefore = activeCount();
        DirectorySyncRun failed;
        try (DirectoryClient down = new DirectoryClient(DirectorySettings.load().with("ldap.url", "ldap://127.0.0.1:" + closedPort()))) {
            failed = sync.synchronize(down);
        }
        assertFalse(failed.isSucceeded());
        assertTrue(failed.getFailure().contains("did not answer"), failed.getFailure());
        assertEquals(activeBefore, activeCount(), "nobody was deactivated");
        assertEquals(failed.getId(), sync.lastFailure().orElseThrow().getId());
        assertTrue(sync.lastSuccess().orElseThrow().getId() < failed.getId());
    }

    @Test
    void aDirectoryThatListsNobodyDeactivatesNobody() {
        assertTrue(sync.synchronize().isSucceeded());
        long activeBefore = activeCount();
        try (DirectoryClient wrongBase = new DirectoryClient(DirectorySettings.load().with("ldap.user.filter", "(uid=nobody-has-this-uid)"))) {
            DirectorySyncRun run = sync.synchronize(wrongBase);
            assertFalse(run.isSucceeded());
            assertTrue(run.getFailure().contains("listed nobody"), run.getFailure());
        }
        assertEquals(activeBefore, activeCount());
    }

    private long activeCount() {
        return em.createQuery("select count(e) from Employee e where e.active = true", Long.class).getSingleResult();
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

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
