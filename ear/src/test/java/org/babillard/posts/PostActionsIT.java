package org.babillard.posts;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.babillard.api.boundary.AccountView;
import org.babillard.api.boundary.Accounts;
import org.babillard.channels.boundary.Channels;
import org.babillard.channels.entity.Channel;
import org.babillard.channels.entity.Membership;
import org.babillard.following.boundary.Following;
import org.babillard.it.Deployments;
import org.babillard.notifications.boundary.NotificationView;
import org.babillard.notifications.boundary.Notifications;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.DirectoryProfile;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.Posts;
import org.babillard.posts.entity.Post;
import org.babillard.posts.entity.PostVersion;
import org.babillard.posts.entity.Reaction;
import org.babillard.timeline.boundary.Conversation;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelineEntry;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may do what with a post, and what each action leaves behind, on the real server and database: the
 * authorization matrix, optimistic locking, client keys, mentions, hashtags, and what deleting or hiding removes.
 */
@ExtendWith(ArquillianExtension.class)
@Order(1)
class PostActionsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.babillardWithTests(PostActionsIT.class);
    }

    @Inject
    Posts posts;

    @Inject
    Timeline timeline;

    @Inject
    People people;

    @Inject
    Channels channels;

    @Inject
    Following following;

    @Inject
    Notifications notifications;

    @PersistenceContext(unitName = "babillard-ejb.jar#babillard")
    EntityManager em;

    @Resource
    UserTransaction tx;

    enum Outcome { OK, NOT_FOUND, NOT_ALLOWED, INVALID, CHANGED_MEANWHILE, ARCHIVED, ALREADY, FAILS }

    enum Action { EDIT, HISTORY, DELETE, HIDE, UNHIDE, PIN, REACT, BOOKMARK, REPORT, REPLY }

    private String run;
    private String author;
    private String owner;
    private String member;
    private String outsider;
    private String moderator;
    private String admin;
    private String former;
    private Channel secret;

    @BeforeEach
    void people() throws Exception {
        run = UUID.randomUUID().toString().substring(0, 8);
        author = employee("author");
        owner = employee("owner");
        member = employee("member");
        outsider = employee("outsider");
        moderator = employee("moderator");
        admin = "pa.admin." + run;
        people.loggedIn(admin, profile(admin), Set.of("employee", "admin"));
        former = employee("former");
        tx.begin();
        em.createQuery("select e from Employee e where e.username = :u", Employee.class).setParameter("u", former)
                .getSingleResult().left(Instant.now());
        tx.commit();

        secret = channels.create(owner, "Secret " + run, "Private channel of PostActionsIT", Channel.Access.PRIVATE,
                Channel.Posting.MEMBERS);
        for (String who : List.of(author, member, moderator)) {
            channels.invite(owner, secret.getId(), who);
            assertTrue(channels.join(who, secret.getId()));
        }
        channels.role(owner, secret.getId(), moderator, Membership.Role.MODERATOR);
    }

    // --- what a Mastodon app shows on the author's account ---

    @Inject
    Accounts accounts;

    @Test
    void theAccountsCountsFollowItsPostsAndFollowers() throws Exception {
        AccountView before = accounts.views(List.of(author)).get(author);
        assertEquals(0, before.statuses());
        assertEquals(null, before.lastStatusAt());
        Post first = posts.publish(author, "On my profile " + run);
        Post second = posts.publish(author, "Also on my profile " + run);
        posts.publish(author, Draft.reply(first.getId(), "A reply counts too " + run));
        posts.publish(author, Draft.inChannel(secret.getId(), "In a channel: not on the profile " + run));
        posts.publish(author, Draft.notebook("Mine alone " + run));
        posts.publish(author, Draft.toMentioned("@" + member + " only for you " + run));
        posts.share(author, first.getId(), "A share is not counted " + run, null, null);
        AccountView now = accounts.views(List.of(author)).get(author);
        assertEquals(3, now.statuses(), "two posts and a reply, company-wide");
        assertTrue(!now.lastStatusAt().isBefore(second.getCreatedAt()), "the latest: " + now.lastStatusAt());
        posts.hide(admin, second.getId());
        assertEquals(2, accounts.views(List.of(author)).get(author).statuses(), "a hidden post is not shown");
        posts.hide(admin, second.getId());
        assertEquals(2, accounts.views(List.of(author)).get(author).statuses(), "hiding twice counts once");
        posts.unhide(admin, second.getId());
        assertEquals(3, accounts.views(List.of(author)).get(author).statuses());
        posts.hide(admin, second.getId());
        posts.delete(admin, second.getId());
        assertEquals(2, accounts.views(List.of(author)).get(author).statuses(), "deleting a hidden post counts nothing more");
        posts.delete(author, first.getId());
        assertEquals(1, accounts.views(List.of(author)).get(author).statuses());

        following.follow(member, author);
        following.follow(outsider, author);
        following.follow(author, owner);
        AccountView follows = accounts.views(List.of(author, member)).get(author);
        assertEquals(2, follows.followers());
        assertEquals(1, follows.following());
        assertEquals(1, accounts.views(List.of(author, member)).get(member).following());
        following.follow(member, author);
        assertEquals(2, accounts.views(List.of(author)).get(author).followers(), "following again counts once");
        following.unfollow(outsider, author);
        following.unfollow(outsider, author);
        assertEquals(1, accounts.views(List.of(author)).get(author).followers(), "unfollowing twice counts once");
        assertEquals(0, accounts.views(List.of(outsider)).get(outsider).following());
    }

    // --- the authorization matrix ---

    @Test
    void whoMayDoWhatWithAPostInAPrivateChannel() throws Exception {
        Map<String, Map<Action, Outcome>> expected = new LinkedHashMap<>();
        expected.put(author, row(Outcome.OK, Outcome.OK, Outcome.OK, Outcome.NOT_ALLOWED, Outcome.NOT_FOUND,
                Outcome.NOT_ALLOWED, Outcome.OK, Outcome.OK, Outcome.OK, Outcome.OK));
        expected.put(member, row(Outcome.NOT_ALLOWED, Outcome.OK, Outcome.NOT_ALLOWED, Outcome.NOT_ALLOWED,
                Outcome.NOT_FOUND, Outcome.NOT_ALLOWED, Outcome.OK, Outcome.OK, Outcome.OK, Outcome.OK));
        expected.put(outsider, row(Outcome.NOT_FOUND, Outcome.NOT_FOUND, Outcome.NOT_FOUND, Outcome.NOT_FOUND,
                Outcome.NOT_FOUND, Outcome.NOT_FOUND, Outcome.NOT_FOUND, Outcome.NOT_FOUND, Outcome.NOT_FOUND,
                Outcome.NOT_FOUND));
        expected.put(moderator, row(Outcome.NOT_ALLOWED, Outcome.OK, Outcome.OK, Outcome.OK, Outcome.OK, Outcome.OK,
                Outcome.OK, Outcome.OK, Outcome.OK, Outcome.OK));
        // An administrator outside the channel cannot read it, but acts on reports: hide, show again, delete.
        expected.put(admin, row(Outcome.NOT_FOUND, Outcome.NOT_FOUND, Outcome.OK, Outcome.OK, Outcome.OK,
                Outcome.NOT_FOUND, Outcome.NOT_FOUND, Outcome.NOT_FOUND, Outcome.NOT_FOUND, Outcome.NOT_FOUND));
        expected.put(former, row(Outcome.FAILS, Outcome.FAILS, Outcome.FAILS, Outcome.FAILS, Outcome.FAILS,
                Outcome.FAILS, Outcome.FAILS, Outcome.FAILS, Outcome.FAILS, Outcome.FAILS));
        check(expected, true);
    }

    @Test
    void whoMayDoWhatWithACompanyWidePost() throws Exception {
        Map<String, Map<Action, Outcome>> expected = new LinkedHashMap<>();
        expected.put(author, row(Outcome.OK, Outcome.OK, Outcome.OK, Outcome.NOT_ALLOWED, Outcome.NOT_FOUND,
                Outcome.INVALID, Outcome.OK, Outcome.OK, Outcome.OK, Outcome.OK));
        // A channel's moderator moderates that channel only: company-wide they are another employee.
        for (String other : List.of(outsider, moderator)) {
            expected.put(other, row(Outcome.NOT_ALLOWED, Outcome.OK, Outcome.NOT_ALLOWED, Outcome.NOT_ALLOWED,
                    Outcome.NOT_FOUND, Outcome.INVALID, Outcome.OK, Outcome.OK, Outcome.OK, Outcome.OK));
        }
        expected.put(admin, row(Outcome.NOT_ALLOWED, Outcome.OK, Outcome.OK, Outcome.OK, Outcome.OK, Outcome.INVALID,
                Outcome.OK, Outcome.OK, Outcome.OK, Outcome.OK));
        expected.put(former, row(Outcome.FAILS, Outcome.FAILS, Outcome.FAILS, Outcome.FAILS, Outcome.FAILS,
                Outcome.FAILS, Outcome.FAILS, Outcome.FAILS, Outcome.FAILS, Outcome.FAILS));
        check(expected, false);
    }

    private void check(Map<String, Map<Action, Outcome>> expected, boolean inChannel) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Map<Action, Outcome>> actor : expected.entrySet()) {
            for (Map.Entry<Action, Outcome> cell : actor.getValue().entrySet()) {
                Action action = cell.getKey();
                long id = (inChannel ? posts.publish(author, Draft.inChannel(secret.getId(), "Matrix " + action + " " + run))
                        : posts.publish(author, "Matrix " + action + " " + run)).getId();
                if (action == Action.UNHIDE) {
                    posts.hide(inChannel ? owner : admin, id);
                    // CI met one run where this test's own read, right after hide() returned, still saw the post
                    // shown (H2, once in many runs; never on PostgreSQL): the baseline must be the hidden post,
                    // or a refused unhide would look as if it had hidden it.
                    awaitHidden(id);
                }
                String before = state(id);
                Outcome got = attempt(actor.getKey(), action, id);
                String who = actor.getKey().replace("." + run, "");
                if (got != cell.getValue()) {
                    wrong.add(who + " " + action + ": expected " + cell.getValue() + ", got " + got);
                } else if (got != Outcome.OK && !before.equals(state(id))) {
                    wrong.add(who + " " + action + " was refused but changed the post: " + before + " -> " + state(id));
                } else if (got == Outcome.OK && before.equals(state(id)) && action != Action.HISTORY) {
                    wrong.add(who + " " + action + " succeeded but changed nothing");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private Outcome attempt(String actor, Action action, long id) {
        try {
            switch (action) {
                case EDIT -> posts.edit(actor, id, version(id), "Edited by " + actor);
                case HISTORY -> posts.history(actor, id);
                case DELETE -> posts.delete(actor, id);
                case HIDE -> posts.hide(actor, id);
                case UNHIDE -> posts.unhide(actor, id);
                case PIN -> posts.pin(actor, id, true);
                case REACT -> posts.react(actor, id, Reaction.Emoji.CELEBRATE);
                case BOOKMARK -> posts.bookmark(actor, id);
                case REPORT -> posts.report(actor, id, "Not appropriate");
                case REPLY -> posts.publish(actor, Draft.reply(id, "A reply by " + actor));
            }
            return Outcome.OK;
        } catch (Refused e) {
            return Outcome.valueOf(e.reason().name());
        } catch (EJBException e) {
            return Outcome.FAILS;
        } catch (Exception e) {
            throw new AssertionError(actor + " " + action, e);
        }
    }

    private void awaitHidden(long id) throws InterruptedException {
        for (int i = 0; i < 50 && !em.find(Post.class, id).isHidden(); i++) {
            Thread.sleep(100);
        }
        assertTrue(em.find(Post.class, id).isHidden(), "post " + id + " is hidden before the unhide attempts");
    }

    /** What a person could notice of a post: its text, whether it shows, and what hangs on it. */
    private String state(long id) {
        Post p = em.find(Post.class, id);
        return p.getText() + "|deleted=" + p.isDeleted() + "|hidden=" + p.isHidden() + "|pinned=" + p.isPinned()
                + "|reactions=" + count("select count(r) from Reaction r where r.post.id = :id", id)
                + "|bookmarks=" + count("select count(b) from Bookmark b where b.post.id = :id", id)
                + "|reports=" + count("select count(r) from PostReport r where r.post.id = :id", id)
                + "|replies=" + count("select count(p) from Post p where p.replyTo.id = :id", id);
    }

    // --- optimistic locking, client keys ---

    @Test
    void twoEditorsWithTheSameVersionTheSecondIsRefusedAndNothingIsOverwritten() throws Exception {
        Post post = posts.publish(author, "Version one " + run);
        long version = version(post.getId());
        posts.edit(author, post.getId(), version, "Version two " + run);
        Refused second = assertThrows(Refused.class, () -> posts.edit(author, post.getId(), version, "Version three " + run));
        assertEquals(Refused.Reason.CHANGED_MEANWHILE, second.reason());
        assertEquals("Version two " + run, timeline.entry(author, post.getId()).text());
        List<PostVersion> history = posts.history(author, post.getId());
        assertEquals(1, history.size());
        assertEquals("Version one " + run, history.get(0).getText());
        assertTrue(timeline.entry(author, post.getId()).isEdited());
    }

    @Test
    void aReplyDoesNotStopTheAuthorFromEditingWithTheVersionTheyLoaded() throws Exception {
        Post post = posts.publish(author, "Busy thread " + run);
        long version = timeline.entry(author, post.getId()).version();
        posts.publish(member, Draft.reply(post.getId(), "First! " + run));
        posts.react(member, post.getId(), Reaction.Emoji.LIKE);
        posts.edit(author, post.getId(), version, "Busy thread, edited " + run);
        TimelineEntry now = timeline.entry(author, post.getId());
        assertEquals("Busy thread, edited " + run, now.text());
        assertEquals(1, now.replies());
    }

    @Test
    void theSameClientKeyTwiceMakesOnePost() throws Exception {
        String key = UUID.randomUUID().toString();
        Post root = posts.publish(author, "Double click " + run);
        Post first = posts.publish(member, Draft.reply(root.getId(), "Only once " + run).withKey(key));
        Post second = posts.publish(member, Draft.reply(root.getId(), "Only once " + run).withKey(key));
        assertEquals(first.getId(), second.getId());
        assertEquals(1L, count("select count(p) from Post p where p.replyTo.id = :id", root.getId()));
        assertEquals(1, timeline.entry(author, root.getId()).replies());
        assertEquals(1, timeline.conversation(author, root.getId()).replies().size());
    }

    // --- mentions ---

    @Test
    void someoneMentionedInAPrivateChannelTheyAreNotInIsNeitherToldNorRecorded() throws Exception {
        long before = notifications.unread(outsider);
        Post post = posts.publish(author, Draft.inChannel(secret.getId(), "Ask @" + outsider + " and @" + member + " " + run));
        assertEquals(before, notifications.unread(outsider));
        assertTrue(notifications.list(outsider, null, 50).stream().noneMatch(n -> Long.valueOf(post.getId()).equals(n.postId())));
        assertEquals(0L, mentions(post.getId(), outsider));
        assertEquals(1L, mentions(post.getId(), member));
        assertTrue(notifications.list(member, null, 50).stream()
                .anyMatch(n -> "MENTION".equals(n.kind()) && Long.valueOf(post.getId()).equals(n.postId())));
    }

    @Test
    void anEditThatAddsAMentionTellsOnlyTheNewlyMentioned() throws Exception {
        Post post = posts.publish(author, "Thanks @" + member + " " + run);
        assertEquals(1, mentionNotifications(member, post.getId()));
        posts.edit(author, post.getId(), version(post.getId()), "Thanks @" + member + " and @" + outsider + " " + run);
        assertEquals(1, mentionNotifications(member, post.getId()), "the colleague mentioned before is not told again");
        assertEquals(1, mentionNotifications(outsider, post.getId()));
        posts.edit(author, post.getId(), version(post.getId()), "Thanks @" + outsider + " " + run);
        assertEquals(0L, mentions(post.getId(), member), "a mention taken out of the text is gone");
        assertEquals(1, mentionNotifications(outsider, post.getId()));
    }

    // --- hashtags ---

    @Test
    void aTopicListsThePostUntilAnEditTakesTheTagOut() throws Exception {
        String tag = "topic" + run;
        Post post = posts.publish(author, "Working on #" + tag.toUpperCase());
        assertEquals(List.of(post.getId()), ids(timeline.topic(outsider, tag, null, 20).entries()));
        posts.edit(author, post.getId(), version(post.getId()), "Working on something else");
        assertEquals(List.of(), ids(timeline.topic(outsider, tag, null, 20).entries()));
    }

    @Test
    void trendingTopicsLeavePrivateChannelsOut() throws Exception {
        String open = "open" + run;
        String hidden = "secret" + run;
        for (int i = 0; i < 6; i++) {
            posts.publish(author, "Trend #" + open + " " + i);
            posts.publish(author, Draft.inChannel(secret.getId(), "Trend #" + hidden + " " + i));
            posts.publish(author, Draft.inChannel(secret.getId(), "Trend #" + hidden + " again " + i));
        }
        // Nor a share of the private channel's post, company-wide, nor the replies of a thread a moderator hid.
        String shared = "shared" + run;
        String moderated = "moderated" + run;
        long inSecret = posts.publish(author, Draft.inChannel(secret.getId(), "To share " + run)).getId();
        long root = posts.publish(author, "A thread to hide " + run).getId();
        for (int i = 0; i < 6; i++) {
            posts.share(member, inSecret, "Look #" + shared + " " + i, null, null);
            posts.publish(outsider, Draft.reply(root, "Reply #" + moderated + " " + i));
        }
        posts.hide(admin, root);
        List<String> trending = following.trending(7, 50).stream().map(Following.Trend::tag).toList();
        assertTrue(trending.contains(open), trending.toString());
        assertFalse(trending.contains(hidden), trending.toString());
        assertFalse(trending.contains(shared), trending.toString());
        assertFalse(trending.contains(moderated), trending.toString());
        assertEquals(List.of(), ids(timeline.topic(outsider, hidden, null, 20).entries()));
        assertEquals(12, timeline.topic(member, hidden, null, 50).entries().size());
    }

    // --- deleted and hidden posts vanish ---

    @Test
    void aDeletedPostVanishesFromTimelinesCountsAndNotifications() throws Exception {
        String tag = "gone" + run;
        Post post = posts.publish(author, "Soon gone #" + tag + " @" + member);
        Post reply = posts.publish(member, Draft.reply(post.getId(), "Answer " + run));
        posts.bookmark(member, post.getId());
        posts.react(member, post.getId(), Reaction.Emoji.LOVE);
        long unread = notifications.unread(member);
        assertTrue(ids(timeline.company(member, null, 50).entries()).contains(post.getId()));
        assertTrue(ids(timeline.bookmarks(member, null, 50).entries()).contains(post.getId()));
        assertTrue(notified(member, post.getId()));

        posts.delete(author, post.getId());

        assertFalse(ids(timeline.company(member, null, 50).entries()).contains(post.getId()));
        assertFalse(ids(timeline.home(author, null, 50).entries()).contains(post.getId()));
        assertFalse(ids(timeline.profile(member, author, null, 50).entries()).contains(post.getId()));
        assertEquals(List.of(), ids(timeline.topic(member, tag, null, 50).entries()));
        assertFalse(ids(timeline.bookmarks(member, null, 50).entries()).contains(post.getId()));
        assertFalse(notified(member, post.getId()));
        assertEquals(unread - 1, notifications.unread(member), "the mention no longer counts on the bell");
        assertEquals(Refused.Reason.NOT_FOUND, assertThrows(Refused.class, () -> timeline.entry(member, post.getId())).reason());

        // The replies still hold together, under "this post was deleted", without its text.
        Conversation conversation = timeline.conversation(member, post.getId());
        assertTrue(conversation.firstDeleted());
        assertEquals("", conversation.first().text());
        assertEquals(List.of(reply.getId()), ids(conversation.replies()));
        assertEquals(Refused.Reason.NOT_FOUND,
                assertThrows(Refused.class, () -> posts.publish(member, Draft.reply(post.getId(), "Too late"))).reason());

        // Once its last reply goes too, nothing is left to show.
        posts.delete(member, reply.getId());
        assertEquals(Refused.Reason.NOT_FOUND,
                assertThrows(Refused.class, () -> timeline.conversation(member, post.getId())).reason());
    }

    @Test
    void aHiddenReplyVanishesForEveryoneButModeratorsAndLeavesTheCount() throws Exception {
        Post post = posts.publish(author, Draft.inChannel(secret.getId(), "Thread " + run));
        Post reply = posts.publish(member, Draft.reply(post.getId(), "Rude reply mentioning @" + author));
        assertEquals(1, timeline.entry(author, post.getId()).replies());
        assertTrue(notified(author, reply.getId()));

        posts.hide(moderator, reply.getId());

        assertEquals(0, timeline.entry(author, post.getId()).replies(), "a hidden reply is not counted");
        assertEquals(List.of(), ids(timeline.conversation(author, post.getId()).replies()));
        assertFalse(ids(timeline.profile(author, member, null, 50).entries()).contains(reply.getId()));
        assertFalse(notified(author, reply.getId()));
        List<TimelineEntry> seenByModerator = timeline.conversation(moderator, post.getId()).replies();
        assertEquals(List.of(reply.getId()), ids(seenByModerator));
        assertTrue(seenByModerator.get(0).hidden());

        posts.unhide(moderator, reply.getId());
        assertEquals(1, timeline.entry(author, post.getId()).replies());
        posts.hide(moderator, reply.getId());
        posts.delete(moderator, reply.getId());
        assertEquals(0, timeline.entry(author, post.getId()).replies(), "a hidden reply deleted is not uncounted twice");
    }

    @Test
    void aHiddenFirstPostTakesItsThreadAwayFromEveryoneButModerators() throws Exception {
        Post post = posts.publish(author, Draft.inChannel(secret.getId(), "Hidden thread " + run));
        Post reply = posts.publish(member, Draft.reply(post.getId(), "Reply " + run));
        posts.pin(moderator, post.getId(), true);
        assertEquals(List.of(post.getId()), ids(timeline.pinned(member, secret.getId())));
        posts.hide(moderator, post.getId());
        assertEquals(List.of(), ids(timeline.pinned(member, secret.getId())), "hiding unpins");
        assertFalse(ids(timeline.channel(member, secret.getId(), null, 50).entries()).contains(post.getId()));
        assertEquals(Refused.Reason.NOT_FOUND, assertThrows(Refused.class, () -> timeline.conversation(member, reply.getId())).reason());
        assertEquals(Refused.Reason.NOT_FOUND,
                assertThrows(Refused.class, () -> posts.publish(member, Draft.reply(reply.getId(), "Still here?"))).reason());
        assertNotNull(timeline.conversation(moderator, post.getId()).first());
    }

    @Test
    void theRepliesOfAHiddenFirstPostShowNowhereElseEither() throws Exception {
        String tag = "fil" + run.replace("-", "");
        Post post = posts.publish(author, Draft.inChannel(secret.getId(), "A thread soon hidden " + run));
        long unreadBefore = notifications.unread(author);
        Post reply = posts.publish(member, Draft.reply(post.getId(), "@" + author + " quoting it #" + tag));
        assertTrue(notified(author, reply.getId()));
        assertEquals(unreadBefore + 1, notifications.unread(author), "one notification: the reply that mentions the author");
        posts.bookmark(member, reply.getId());
        posts.hide(moderator, post.getId());

        assertFalse(ids(timeline.profile(member, member, null, 50).entries()).contains(reply.getId()), "profile");
        assertFalse(ids(timeline.topic(member, tag, null, 50).entries()).contains(reply.getId()), "topic");
        assertFalse(ids(timeline.bookmarks(member, null, 50).entries()).contains(reply.getId()), "bookmarks");
        assertEquals(Refused.Reason.NOT_FOUND, assertThrows(Refused.class, () -> timeline.entry(author, reply.getId())).reason());
        assertFalse(notified(author, reply.getId()), "the notification about the reply is gone");
        assertEquals(unreadBefore, notifications.unread(author), "and so is its count");
        assertEquals(Refused.Reason.NOT_FOUND,
                assertThrows(Refused.class, () -> posts.react(member, reply.getId(), Reaction.Emoji.LIKE)).reason());
        // The moderator still sees it all, and showing the first post again brings the thread back.
        assertEquals(reply.getId(), timeline.entry(moderator, reply.getId()).id());
        posts.unhide(moderator, post.getId());
        assertTrue(ids(timeline.topic(member, tag, null, 50).entries()).contains(reply.getId()));
        assertTrue(notified(author, reply.getId()));
    }

    // --- helpers ---

    private static Map<Action, Outcome> row(Outcome... outcomes) {
        Map<Action, Outcome> row = new LinkedHashMap<>();
        for (Action a : Action.values()) {
            row.put(a, outcomes[a.ordinal()]);
        }
        return row;
    }

    private String employee(String role) {
        String username = "pa." + role + "." + run;
        people.loggedIn(username, profile(username));
        return username;
    }

    private static DirectoryProfile profile(String username) {
        return new DirectoryProfile("uid=" + username + ",ou=people,dc=babillard,dc=example",
                "Test " + username, username + "@babillard.example", "QA", "Ingénierie", "Lyon");
    }

    private long version(long postId) {
        return em.createQuery("select p.version from Post p where p.id = :id", Long.class).setParameter("id", postId)
                .getSingleResult();
    }

    private long count(String jpql, long id) {
        return em.createQuery(jpql, Long.class).setParameter("id", id).getSingleResult();
    }

    private long mentions(long postId, String username) {
        return em.createQuery("select count(m) from Mention m where m.post.id = :p and m.employee.username = :u", Long.class)
                .setParameter("p", postId).setParameter("u", username).getSingleResult();
    }

    private long mentionNotifications(String username, long postId) {
        return notifications.list(username, null, 50).stream()
                .filter(n -> "MENTION".equals(n.kind()) && Long.valueOf(postId).equals(n.postId())).count();
    }

    private boolean notified(String username, long postId) {
        return notifications.list(username, null, 50).stream().map(NotificationView::postId)
                .anyMatch(id -> id != null && id == postId);
    }

    private static List<Long> ids(List<TimelineEntry> entries) {
        return entries.stream().map(TimelineEntry::id).toList();
    }
}
