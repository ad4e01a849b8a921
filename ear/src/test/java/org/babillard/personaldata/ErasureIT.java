package org.babillard.personaldata;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.babillard.api.boundary.AccountView;
import org.babillard.api.boundary.Accounts;
import org.babillard.audit.boundary.AuditLog;
import org.babillard.audit.entity.AuditAction;
import org.babillard.audit.entity.AuditEvent;
import org.babillard.channels.boundary.Channels;
import org.babillard.channels.entity.Channel;
import org.babillard.feeds.boundary.Feeds;
import org.babillard.following.boundary.Following;
import org.babillard.it.Deployments;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.DirectoryProfile;
import org.babillard.people.entity.Employee;
import org.babillard.personaldata.boundary.Erasure;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.Posts;
import org.babillard.posts.entity.Post;
import org.babillard.search.boundary.Search;
import org.babillard.search.boundary.SearchHit;
import org.babillard.search.control.PostIndex;
import org.babillard.timeline.boundary.Conversation;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelineEntry;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An administrator erases a former employee's personal data on the real server and database: the conversation
 * still reads, under "Former employee #N", with the mentions of them renamed; no personal field is left on the
 * profile, the API's account, the search; their notebook, bookmarks, follows and feed address are gone; the
 * erasure is audited; nobody still employed can be erased, nobody but an administrator erases; and a newcomer who
 * later gets the same login sees nothing of theirs.
 */
@ExtendWith(ArquillianExtension.class)
class ErasureIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.babillardWithTests(ErasureIT.class);
    }

    @Inject
    Erasure erasure;

    @Inject
    People people;

    @Inject
    Posts posts;

    @Inject
    Channels channels;

    @Inject
    Following following;

    @Inject
    Timeline timeline;

    @Inject
    Search search;

    @Inject
    Accounts accounts;

    @Inject
    Feeds feeds;

    @Inject
    AuditLog audit;

    @PersistenceContext(unitName = "babillard-ejb.jar#babillard")
    EntityManager em;

    @Resource
    UserTransaction tx;

    private String run;
    private String admin;
    private String colleague;
    private String leaver;

    @BeforeEach
    void company() {
        run = UUID.randomUUID().toString().substring(0, 8);
        admin = "er.admin." + run;
        people.loggedIn(admin, profile(admin, "Admin " + run), Set.of("employee", "admin"));
        colleague = "er.colleague." + run;
        people.loggedIn(colleague, profile(colleague, "Colleague " + run), Set.of("employee"));
        leaver = "er.leaver." + run;
        people.loggedIn(leaver, profile(leaver, "Zébulon Partant" + run), Set.of("employee"));
    }

    @Test
    void theConversationStillReadsUnderANeutralNameAndNothingPersonalIsLeft() throws Exception {
        Channel channel = channels.create(colleague, "Erasure " + run, "", Channel.Access.OPEN, Channel.Posting.MEMBERS);
        channels.join(leaver, channel.getId());
        following.follow(leaver, colleague);
        following.follow(colleague, leaver);
        Post companyPost = posts.publish(leaver, "Quarterly figures are in, gloubiboulga" + run);
        Post channelPost = posts.publish(leaver, Draft.inChannel(channel.getId(), "Channel news from me " + run));
        Post reply = posts.publish(colleague, Draft.reply(companyPost.getId(), "Thanks @" + leaver + " " + run));
        posts.edit(colleague, reply.getId(), posts.readable(colleague, reply.getId()).getVersion(),
                "Thanks @" + leaver + ", well done " + run);
        Post note = posts.publish(leaver, Draft.notebook("My private thoughts " + run));
        Post deletedByThem = posts.publish(leaver, "Regrettable words " + run);
        posts.delete(leaver, deletedByThem.getId());
        posts.bookmark(leaver, reply.getId());
        String feedToken = feeds.renew(leaver).orElseThrow();
        long id = people.find(leaver).orElseThrow().getId();
        String neutral = "former-employee-" + id;
        String label = "Former employee #" + id;

        // Still employed: nobody may erase them.
        Refused stillHere = assertThrows(Refused.class, () -> erasure.erase(admin, leaver, leaver));
        assertEquals(Refused.Reason.INVALID, stillHere.reason());
        assertEquals("erasure.stillEmployed", stillHere.detail());
        assertTrue(erasure.former(admin).stream().noneMatch(f -> f.username().equals(leaver)), "not listed among former employees");

        leaves(leaver);
        assertTrue(erasure.former(admin).stream().anyMatch(f -> f.username().equals(leaver) && f.leftAt() != null),
                "listed once they left, with their departure date");
        Refused notAdmin = assertThrows(Refused.class, () -> erasure.erase(colleague, leaver, leaver));
        assertEquals(Refused.Reason.NOT_ALLOWED, notAdmin.reason());
        assertEquals(Refused.Reason.NOT_ALLOWED, assertThrows(Refused.class, () -> erasure.former(colleague)).reason());
        Refused wrongName = assertThrows(Refused.class, () -> erasure.erase(admin, leaver, colleague));
        assertEquals("erasure.confirmationMismatch", wrongName.detail());
        assertEquals("Zébulon Partant" + run, people.find(leaver).orElseThrow().getDisplayName(), "nothing changed so far");

        Erasure.Erased erased = erasure.erase(admin, leaver, " " + leaver.toUpperCase() + " ");
        assertEquals(id, erased.number());
        assertEquals(2, erased.postsKept(), "the company post and the channel post stay");
        assertEquals(1, erased.notebookEntries());
        assertEquals(1, erased.mentionsRenamed());

        // The thread reads as before, under the neutral name; the mention of them is renamed.
        Conversation thread = timeline.conversation(colleague, companyPost.getId());
        assertEquals("Quarterly figures are in, gloubiboulga" + run, thread.first().text(), "the text of their post stays");
        assertEquals(label, thread.first().authorDisplayName());
        assertEquals(neutral, thread.first().authorUsername());
        assertFalse(thread.first().authorActive());
        TimelineEntry answer = thread.replies().get(0);
        assertEquals("Thanks @" + neutral + ", well done " + run, answer.text());
        assertEquals(label, timeline.entry(colleague, channelPost.getId()).authorDisplayName());
        assertEquals(List.of("Thanks @" + neutral + " " + run), posts.history(colleague, reply.getId()).stream()
                .map(v -> v.getText()).toList(), "the earlier version of the reply is renamed too");

        // Nothing of the profile: no name, contact, title, photo, manager, login.
        assertTrue(people.find(leaver).isEmpty(), "their login finds nobody");
        Employee profile = people.find(neutral).orElseThrow();
        assertEquals(label, profile.getDisplayName());
        for (Object field : new Object[] {profile.getMail(), profile.getTitle(), profile.getDepartment(), profile.getSite(),
                profile.getPhone(), profile.getManagerDn(), profile.getPhotoHash(), profile.getLanguage(), profile.getTheme(),
                profile.statusAt(Instant.now()), profile.getFirstLogin()}) {
            assertNull(field);
        }
        assertFalse(profile.getDirectoryDn().contains(leaver));
        AccountView account = accounts.account(neutral).orElseThrow();
        assertEquals(label, account.displayName());
        assertNull(account.title());
        assertNull(account.department());
        assertNull(account.site());
        assertNull(account.photoHash());
        assertTrue(accounts.account(leaver).isEmpty(), "the API knows no account of their login");

        // What was theirs alone is gone.
        em.clear();
        assertEquals("", em.find(Post.class, note.getId()).getText(), "the notebook entry's text is erased from the database");
        assertEquals("", em.find(Post.class, deletedByThem.getId()).getText(), "so is the text of a post they had deleted");
        assertEquals(0L, count("select count(b) from Bookmark b where b.employee.id = :id", id));
        assertEquals(0L, count("select count(f) from Follow f where f.follower.id = :id or f.followed.id = :id", id));
        assertEquals(0L, count("select count(m) from Membership m where m.employee.id = :id", id));
        assertTrue(feeds.owner(feedToken).isEmpty(), "their feed address opens nothing");
        assertFalse(following.follows(colleague, neutral));
        var colleagueAccount = accounts.views(List.of(colleague)).get(colleague);
        assertEquals(0, colleagueAccount.followers(), "the colleague's account no longer counts them among its followers");
        assertEquals(0, colleagueAccount.following(), "nor among the people it follows");

        // Search: their name finds nobody; their words still find the post, under the neutral name.
        assertTrue(search.people("Zébulon Partant" + run, 10).isEmpty());
        assertTrue(within(60_000, () -> hits(colleague, "gloubiboulga" + run).stream()
                        .anyMatch(h -> h.postId() == companyPost.getId() && label.equals(h.authorName()))),
                "the post is still found by its words, shown under the neutral name");
        assertTrue(within(60_000, () -> hits(colleague, "from:" + leaver).isEmpty()
                        && hits(colleague, "from:" + neutral).size() == 2),
                "their old login no longer finds their posts; the neutral one does");

        // Audited: the action and the login it concerned, by whom.
        AuditEvent line = audit.page(AuditAction.PERSONAL_DATA_ERASED, admin, null, 1).get(0);
        assertEquals(leaver, line.getTarget());
        assertEquals(admin, line.getActor());
        assertTrue(line.getDetail().startsWith("now " + label), line.getDetail());

        // Irreversible and done once: the login no longer names them.
        assertEquals(Refused.Reason.NOT_FOUND, assertThrows(Refused.class, () -> erasure.erase(admin, leaver, leaver)).reason());
        assertEquals(Refused.Reason.NOT_FOUND, assertThrows(Refused.class, () -> erasure.erase(admin, neutral, neutral)).reason());
        assertTrue(erasure.former(admin).stream().noneMatch(f -> f.username().equals(neutral)));

        // A newcomer who later gets the same login from the directory is someone else, with nothing of theirs.
        Employee newcomer = people.loggedIn(leaver, profile(leaver, "Nouvelle Venue " + run), Set.of("employee"));
        assertNotEquals(id, newcomer.getId());
        assertTrue(timeline.profile(leaver, leaver, null, 20).entries().isEmpty(), "no post of the former employee is theirs");
        assertTrue(timeline.notebook(leaver, null, null, 20).entries().isEmpty(), "nor their notebook");
        assertTrue(timeline.bookmarks(leaver, null, 20).entries().isEmpty(), "nor their bookmarks");
        assertFalse(following.follows(leaver, colleague));
        assertEquals(neutral, timeline.entry(colleague, companyPost.getId()).authorUsername());
        assertThrows(jakarta.ejb.EJBException.class, () -> people.loggedIn(neutral, profile(neutral, "Someone"), Set.of("employee")),
                "and the neutral login is no one's to log in with");
    }

    private List<SearchHit> hits(String reader, String query) {
        return search.posts(reader, query, PostIndex.Order.DATE, null, 20).hits();
    }

    private long count(String jpql, long id) {
        return em.createQuery(jpql, Long.class).setParameter("id", id).getSingleResult();
    }

    /** The directory sync's part: the person is no longer listed. */
    private void leaves(String username) throws Exception {
        tx.begin();
        em.createQuery("select e from Employee e where e.username = :u", Employee.class).setParameter("u", username)
                .getSingleResult().left(Instant.now());
        tx.commit();
        em.clear();
    }

    private static boolean within(long millis, BooleanSupplier condition) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        do {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        } while (System.currentTimeMillis() < end);
        return condition.getAsBoolean();
    }

    private static DirectoryProfile profile(String username, String name) {
        return new DirectoryProfile("uid=" + username + ",ou=people,dc=babillard,dc=example", name,
                username + "@babillard.example", "Buyer", "Purchasing", "Nantes");
    }
}
