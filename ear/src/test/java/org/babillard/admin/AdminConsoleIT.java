package org.babillard.admin;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.babillard.announcements.boundary.AnnouncementDraft;
import org.babillard.announcements.boundary.Announcements;
import org.babillard.announcements.entity.AudienceTarget;
import org.babillard.announcements.entity.Category;
import org.babillard.attachments.boundary.Attachments;
import org.babillard.audit.boundary.AuditLog;
import org.babillard.audit.entity.AuditAction;
import org.babillard.audit.entity.AuditEvent;
import org.babillard.channels.boundary.Channels;
import org.babillard.channels.entity.Channel;
import org.babillard.it.Deployments;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.DirectoryProfile;
import org.babillard.platform.boundary.Refused;
import org.babillard.platform.boundary.Settings;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.PostRejected;
import org.babillard.posts.boundary.Posts;
import org.babillard.posts.boundary.Retention;
import org.babillard.posts.control.PostText;
import org.babillard.posts.entity.Post;
import org.babillard.statistics.boundary.Statistics;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin console's business side on the real server and database: a setting an administrator changes applies
 * to the next post without a restart and is audited; only administrators change settings; retention deletes a
 * channel's posts older than its retention and keeps the younger ones and notebook entries; the dashboard counts the
 * posts published and hides the names of private channels the administrator is not in.
 */
@ExtendWith(ArquillianExtension.class)
class AdminConsoleIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.babillardWithTests(AdminConsoleIT.class);
    }

    @Inject
    Settings settings;

    @Inject
    Posts posts;

    @Inject
    Attachments attachments;

    @Inject
    Channels channels;

    @Inject
    People people;

    @Inject
    Retention retention;

    @Inject
    Statistics statistics;

    @Inject
    Announcements announcements;

    @Inject
    AuditLog audit;

    @PersistenceContext(unitName = "babillard-ejb.jar#babillard")
    EntityManager em;

    @Resource
    UserTransaction tx;

    private String run;
    private String admin;
    private String author;
    private String reader;

    @BeforeEach
    void company() {
        run = UUID.randomUUID().toString().substring(0, 8);
        admin = "ac.admin." + run;
        people.loggedIn(admin, profile(admin), Set.of("employee", "admin"));
        author = "ac.author." + run;
        people.loggedIn(author, profile(author));
        reader = "ac.reader." + run;
        people.loggedIn(reader, profile(reader));
    }

    /** Every other test of the run expects the defaults. */
    @AfterEach
    void defaults() throws Refused {
        for (Settings.Key key : Settings.Key.values()) {
            settings.change(admin, key, "");
        }
    }

    @Test
    void aChangedPostLengthAppliesToTheNextPostAndIsAudited() throws Exception {
        assertEquals(500, posts.maxLength(), "the system property's value before any change");
        settings.change(admin, Settings.Key.POST_MAX_LENGTH, " 120 ");
        assertEquals(120, posts.maxLength());
        PostRejected tooLong = assertThrows(PostRejected.class, () -> posts.publish(author, "é".repeat(121)));
        assertEquals(PostText.Problem.TOO_LONG, tooLong.problem());
        assertEquals(120, posts.publish(author, "é".repeat(120)).getText().length(), "a post at the limit is published");

        AuditEvent changed = audit.page(AuditAction.SETTINGS_CHANGED, admin, null, 5).get(0);
        assertEquals("post.max-length", changed.getTarget());
        assertEquals("(default) → 120", changed.getDetail());

        settings.change(admin, Settings.Key.ATTACHMENTS_PER_POST, "1");
        settings.change(admin, Settings.Key.ATTACHMENT_MAX_BYTES, Long.toString(2 * 1024 * 1024));
        assertEquals(1, attachments.mostFiles());
        assertEquals(2 * 1024 * 1024, attachments.maxBytes());

        settings.change(admin, Settings.Key.POST_MAX_LENGTH, "");
        assertEquals(500, posts.maxLength(), "back to the system property");
    }

    @Test
    void onlyAdministratorsChangeSettingsAndOnlyWithinBounds() throws Exception {
        Refused notAdmin = assertThrows(Refused.class, () -> settings.change(author, Settings.Key.POST_MAX_LENGTH, "100"));
        assertEquals(Refused.Reason.NOT_ALLOWED, notAdmin.reason());
        assertThrows(Refused.class, () -> retention.applyNow(author));
        assertThrows(Refused.class, () -> statistics.dashboard(author, 30));
        for (String wrong : List.of("0", "5001", "abc", "1.5")) {
            Refused e = assertThrows(Refused.class, () -> settings.change(admin, Settings.Key.POST_MAX_LENGTH, wrong), wrong);
            assertEquals(Refused.Reason.INVALID, e.reason(), wrong);
        }
        assertThrows(Refused.class, () -> settings.change(admin, Settings.Key.COMPANY_NAME, "x".repeat(81)));
        assertEquals(500, posts.maxLength(), "nothing changed");

        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes();
        assertEquals("settings.logoType", assertThrows(Refused.class, () -> settings.changeLogo(admin, svg)).detail());
        byte[] big = new byte[Settings.LOGO_MAX_BYTES + 1];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, big, 0, 8);
        assertEquals("settings.logoTooLarge", assertThrows(Refused.class, () -> settings.changeLogo(admin, big)).detail());
    }

    @Test
    void retentionDeletesOnlyWhatIsOlderThanTheChannelsRetention() throws Exception {
        Channel channel = channels.create(author, "Retained " + run, "", Channel.Access.OPEN, Channel.Posting.MEMBERS);
        channels.join(reader, channel.getId());
        Refused notOwner = assertThrows(Refused.class, () -> channels.retention(reader, channel.getId(), 10));
        assertEquals(Refused.Reason.NOT_ALLOWED, notOwner.reason());
        assertEquals(Refused.Reason.INVALID, assertThrows(Refused.class, () -> channels.retention(author, channel.getId(), 0)).reason());
        channels.retention(author, channel.getId(), 10);
        assertEquals(10, channels.details(author, channel.getSlug()).retentionDays());

        long old = posts.publish(author, Draft.inChannel(channel.getId(), "Old news " + run)).getId();
        long oldReply = posts.publish(reader, Draft.reply(old, "An old answer " + run)).getId();
        long young = posts.publish(author, Draft.inChannel(channel.getId(), "Fresh news " + run)).getId();
        long oldCompanyWide = posts.publish(author, "Old company-wide news " + run).getId();
        long oldNotebook = posts.publish(author, Draft.notebook("My old note " + run)).getId();
        age(Duration.ofDays(20), old, oldReply, oldCompanyWide, oldNotebook);
        age(Duration.ofDays(9), young);

        int deleted = retention.applyNow(admin);
        assertTrue(deleted >= 2, "at least this test's two old posts: " + deleted);
        assertTrue(deleted(old), "the old post is deleted");
        assertTrue(deleted(oldReply), "its old reply too");
        assertFalse(deleted(young), "a post younger than the channel's retention stays");
        assertFalse(deleted(oldCompanyWide), "the company keeps posts for ever by default");
        assertFalse(deleted(oldNotebook), "notebook entries are never deleted");
        assertEquals(Refused.Reason.NOT_FOUND, assertThrows(Refused.class, () -> posts.readable(reader, old)).reason());
        assertEquals("retention deleted " + deleted + " posts",
                audit.page(AuditAction.RETENTION_DELETED, admin, null, 1).get(0).getDetail());

        // The company's default reaches posts outside channels, never notebook entries.
        settings.change(admin, Settings.Key.RETENTION_DAYS, "15");
        retention.applyNow(admin);
        assertTrue(deleted(oldCompanyWide));
        assertFalse(deleted(oldNotebook));
        assertFalse(deleted(young), "the channel's own 10 days still keep its 9-day-old post");
    }

    @Test
    void theDashboardCountsTodaysPostsAndHidesPrivateChannelsNames() throws Exception {
        Channel open = channels.create(author, "Stats open " + run, "", Channel.Access.OPEN, Channel.Posting.MEMBERS);
        Channel secret = channels.create(author, "Stats secret " + run, "", Channel.Access.PRIVATE, Channel.Posting.MEMBERS);
        Statistics.Day before = today(statistics.dashboard(admin, 30));
        for (int i = 0; i < 15; i++) {
            posts.publish(author, Draft.inChannel(open.getId(), "Figure " + i + " #stats" + run));
            posts.publish(author, Draft.inChannel(secret.getId(), "Secret figure " + i));
        }
        posts.publish(reader, "Hello #stats" + run);
        posts.publish(reader, Draft.notebook("Not counted"));

        Statistics.Dashboard after = statistics.dashboard(admin, 30);
        assertEquals(30, after.days().size());
        Statistics.Day today = today(after);
        assertEquals(before.posts() + 31, today.posts(), "31 posts today; notebook entries are not counted");
        assertEquals(before.authors() + 2, today.authors(), "two new people posted today");
        Statistics.Count openCount = after.channels().stream().filter(c -> open.getSlug().equals(c.slug())).findFirst().orElseThrow();
        assertEquals(15, openCount.posts());
        assertEquals("Stats open " + run, openCount.name());
        assertTrue(after.channels().stream().noneMatch(c -> ("Stats secret " + run).equals(c.name())),
                "a private channel the administrator is not in shows no name");
        assertTrue(after.channels().stream().anyMatch(c -> c.name() == null && c.posts() == 15), "but is counted");
        Statistics.Count topic = after.topics().stream().filter(t -> ("stats" + run).equals(t.name())).findFirst().orElseThrow();
        assertEquals(16, topic.posts());
    }

    @Test
    void theDashboardShowsHowManyRecipientsAcknowledgedAMustRead() throws Exception {
        Channel team = channels.create(author, "Stats team " + run, "", Channel.Access.OPEN, Channel.Posting.MEMBERS);
        String third = "ac.third." + run;
        people.loggedIn(third, profile(third));
        assertTrue(channels.join(reader, team.getId()));
        assertTrue(channels.join(third, team.getId()));
        long id = announcements.publish(admin, AnnouncementDraft.english(Category.HR, "Read me " + run, "Please confirm",
                true, List.of(new AnnouncementDraft.Target(AudienceTarget.Kind.CHANNEL, String.valueOf(team.getId())))))
                .getId();
        assertEquals(new Statistics.Acknowledgements(id, null, "Read me " + run, 3, 0), mustRead(id),
                "the channel's three members must read it, nobody has yet");
        announcements.acknowledge(reader, id);
        Statistics.Acknowledgements one = mustRead(id);
        assertEquals(1, one.acknowledged());
        assertEquals(33, one.getPercent(), "one of three");
        announcements.acknowledge(third, id);
        announcements.acknowledge(author, id);
        assertEquals(100, mustRead(id).getPercent());
    }

    private Statistics.Acknowledgements mustRead(long id) throws Refused {
        return statistics.dashboard(admin, 30).announcements().stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow(() -> new AssertionError("announcement " + id + " not among the dashboard's latest must-reads"));
    }

    private static Statistics.Day today(Statistics.Dashboard d) {
        return d.days().get(d.days().size() - 1);
    }

    private void age(Duration by, long... ids) throws Exception {
        tx.begin();
        for (long id : ids) {
            em.createNativeQuery("update post set created_at = ? where id = ?")
                    .setParameter(1, Instant.now().minus(by).atOffset(ZoneOffset.UTC)).setParameter(2, id).executeUpdate();
        }
        tx.commit();
        em.clear();
    }

    private boolean deleted(long id) {
        em.clear();
        return em.find(Post.class, id).isDeleted();
    }

    private static DirectoryProfile profile(String username) {
        return new DirectoryProfile("uid=" + username + ",ou=people,dc=babillard,dc=example",
                "Test " + username, username + "@babillard.example", "QA", "Ingénierie", "Lyon");
    }
}
