package org.babillard.posts;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.babillard.channels.boundary.Channels;
import org.babillard.channels.entity.Channel;
import org.babillard.channels.entity.Membership;
import org.babillard.following.boundary.Following;
import org.babillard.it.Deployments;
import org.babillard.live.control.LiveUpdates;
import org.babillard.notifications.boundary.NotificationView;
import org.babillard.notifications.boundary.Notifications;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.DirectoryProfile;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.Posts;
import org.babillard.posts.entity.Post;
import org.babillard.posts.entity.Reaction;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelineEntry;
import org.babillard.timeline.boundary.TimelinePage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The private notebook and posts for the people mentioned, on the real server: who reads them in every timeline,
 * who may act on them, and that no notification, trend or live signal tells anyone else they exist.
 */
@ExtendWith(ArquillianExtension.class)
class NotebookIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.babillardWithTests(NotebookIT.class);
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

    @Inject
    LiveUpdates live;

    @PersistenceContext(unitName = "babillard-ejb.jar#babillard")
    EntityManager em;

    @Resource
    UserTransaction tx;

    enum Outcome { OK, NOT_FOUND, NOT_ALLOWED, INVALID, CHANGED_MEANWHILE, ARCHIVED, ALREADY, FAILS }

    enum Place { HOME, COMPANY, TOPIC, PROFILE, BOOKMARKS, ENTRY, CONVERSATION }

    enum Action { REACT, REPLY, BOOKMARK, REPORT, EDIT, HIDE, DELETE }

    private final List<String[]> heard = new CopyOnWriteArrayList<>();
    private final BiConsumer<String, Collection<String>> listener =
            (json, users) -> users.forEach(user -> heard.add(new String[] {json, user}));

    private String run;
    private String author;
    private String mentioned;
    private String other;
    private String moderator;
    private String admin;
    private String former;
    private Channel channel;

    @BeforeEach
    void people() throws Exception {
        live.register(listener);
        run = UUID.randomUUID().toString().substring(0, 8);
        author = employee("author");
        mentioned = employee("mentioned");
        other = employee("other");
        moderator = employee("moderator");
        admin = "nb.admin." + run;
        people.loggedIn(admin, profile(admin), Set.of("employee", "admin"));
        former = employee("former");
        // Everyone follows the author and the topics: a post they may read would reach their home.
        for (String reader : List.of(mentioned, other, moderator, admin, former)) {
            following.follow(reader, author);
            following.followTopic(reader, "nbtag" + run);
            following.followTopic(reader, "mtag" + run);
        }
        channel = channels.create(other, "Notebook " + run, "Channel of NotebookIT", Channel.Access.OPEN,
                Channel.Posting.MEMBERS);
        channels.join(moderator, channel.getId());
        channels.role(other, channel.getId(), moderator, Membership.Role.MODERATOR);
        channels.join(author, channel.getId());
    }

    @AfterEach
    void stopListening() {
        live.unregister(listener);
    }

    private void leave(String who) throws Exception {
        tx.begin();
        em.createQuery("select e from Employee e where e.username = :u", Employee.class).setParameter("u", who)
                .getSingleResult().left(Instant.now());
        tx.commit();
    }

    // --- the notebook ---

    @Test
    void aNotebookEntryIsItsAuthorsAloneEverywhere() throws Exception {
        long control = posts.publish(author, "A company post #nbtag" + run).getId();
        Post note = posts.publish(author, Draft.notebook("My secret plan, @" + mentioned + " must not know #nbtag" + run));
        long id = note.getId();
        assertEquals(Post.Audience.NOTEBOOK, note.getAudience());
        leave(former);
        awaitLive(id, author);

        Map<String, Set<Place>> seen = new LinkedHashMap<>();
        for (String reader : List.of(author, mentioned, other, moderator, admin)) {
            posts.bookmark(reader, control);
            attempt(reader, Action.BOOKMARK, id);
            seen.put(reader, places(reader, id));
            // The company post is there for everyone: the search below could find the entry if it leaked.
            assertTrue(places(reader, control).containsAll(Set.of(Place.HOME, Place.COMPANY, Place.TOPIC,
                    Place.PROFILE, Place.BOOKMARKS, Place.ENTRY, Place.CONVERSATION)), reader + " sees the company post");
        }
        assertEquals(Set.of(Place.values()), seen.get(author), "the author finds their entry everywhere they look");
        for (String reader : List.of(mentioned, other, moderator, admin)) {
            assertEquals(Set.of(), seen.get(reader), reader + " sees the notebook entry nowhere");
        }
        assertEquals(Set.of(), places(former, id), "a former employee reads nothing");

        Map<String, Map<Action, Outcome>> expected = new LinkedHashMap<>();
        expected.put(mentioned, row(Outcome.NOT_FOUND));
        expected.put(other, row(Outcome.NOT_FOUND));
        expected.put(moderator, row(Outcome.NOT_FOUND));
        expected.put(admin, row(Outcome.NOT_FOUND));
        expected.put(former, row(Outcome.FAILS));
        check(expected, id);

        assertTrue(notifications.list(mentioned, null, 50).stream().noneMatch(n -> Long.valueOf(id).equals(n.postId())),
                "a name in a notebook entry tells its owner nothing");
        assertEquals(0, notifications.unread(mentioned));
        assertFalse(trending().contains("nbtag" + run + "=2"), "the entry's hashtag does not trend");
        assertTrue(trending().contains("nbtag" + run + "=1"), "the company post's does: " + trending());
        assertEquals(List.of(author), liveAudience(id), "only the author's pages hear of it");

        // The author: everything but reporting (no one to report to) and moderating (nobody moderates it).
        long reply = posts.publish(author, Draft.reply(id, "A follow-up note")).getId();
        assertEquals(Post.Audience.NOTEBOOK, posts.readable(author, reply).getAudience(), "the reply stays in the notebook");
        assertEquals(Outcome.NOT_FOUND, attempt(other, Action.REACT, reply));
        assertEquals(List.of(id, reply), ids(List.of(timeline.conversation(author, id).first()), timeline.conversation(author, id).replies()));
        long bellBefore = notifications.unread(author);
        Map<Action, Outcome> mine = new EnumMap<>(Action.class);
        for (Action action : List.of(Action.REACT, Action.REPLY, Action.REPORT, Action.EDIT, Action.HIDE, Action.DELETE)) {
            mine.put(action, attempt(author, action, id));
        }
        assertEquals(Map.of(Action.REACT, Outcome.OK, Action.REPLY, Outcome.OK, Action.REPORT, Outcome.NOT_ALLOWED,
                Action.EDIT, Outcome.OK, Action.HIDE, Outcome.NOT_ALLOWED, Action.DELETE, Outcome.OK), mine);
        assertEquals(bellBefore, notifications.unread(author), "one's own notes ring no bell");
        // With its first post deleted, the notebook thread's replies are still nobody else's.
        for (String reader : List.of(mentioned, other, moderator, admin)) {
            assertEquals(Outcome.NOT_FOUND, conversation(reader, id), reader);
            assertEquals(Outcome.NOT_FOUND, conversation(reader, reply), reader);
        }
    }

    @Test
    void theNotebookPageListsOnlyMyEntriesNewestFirstAPageAtATimeAndSearches() throws Exception {
        posts.publish(author, "A company post, not a note");
        posts.publish(author, Draft.toMentioned("For you @" + mentioned));
        List<Long> notes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            notes.add(posts.publish(author, Draft.notebook(i % 2 == 0 ? "Idea number " + i : "Reminder " + i)).getId());
        }
        posts.publish(other, Draft.notebook("Someone else's note"));
        TimelinePage first = timeline.notebook(author, null, null, 3);
        assertEquals(List.of(notes.get(4), notes.get(3), notes.get(2)), first.entries().stream().map(TimelineEntry::id).toList());
        assertTrue(first.entries().stream().allMatch(TimelineEntry::isNotebook));
        TimelinePage second = timeline.notebook(author, null, first.nextBefore(), 3);
        assertEquals(List.of(notes.get(1), notes.get(0)), second.entries().stream().map(TimelineEntry::id).toList());
        assertEquals(null, second.nextBefore());
        assertEquals(List.of(notes.get(4), notes.get(2), notes.get(0)),
                timeline.notebook(author, "IDEA", null, 20).entries().stream().map(TimelineEntry::id).toList(),
                "search ignores case");
        assertEquals(List.of(), timeline.notebook(author, "idea_", null, 20).entries(), "_ is a character, not a wildcard");
        assertEquals(List.of(), timeline.notebook(author, "idea%4", null, 20).entries(), "% is a character, not a wildcard");
        assertEquals(List.of(), timeline.notebook(mentioned, null, null, 20).entries(), "nobody else's notebook shows");
        assertEquals(1, timeline.notebook(other, "note", null, 20).entries().size());
    }

    // --- posts for the people mentioned ---

    @Test
    void aPostForThePeopleMentionedIsReadOnlyByThemAndItsAuthor() throws Exception {
        Post post = posts.publish(author, Draft.toMentioned("Between us, @" + mentioned + " #mtag" + run));
        long id = post.getId();
        assertEquals(Post.Audience.MENTIONED, post.getAudience());
        leave(former);
        awaitLive(id, author);

        for (String reader : List.of(author, mentioned, other, moderator, admin)) {
            attempt(reader, Action.BOOKMARK, id);
        }
        assertEquals(Set.of(Place.values()), places(author, id));
        assertEquals(Set.of(Place.values()), places(mentioned, id), "the mention lets them read it, everywhere");
        for (String reader : List.of(other, moderator, admin, former)) {
            assertEquals(Set.of(), places(reader, id), reader);
        }
        assertEquals(List.of("MENTION"), notifications.list(mentioned, null, 50).stream()
                .filter(n -> Long.valueOf(id).equals(n.postId())).map(NotificationView::kind).toList());
        assertFalse(trending().contains("mtag" + run), "its hashtag does not trend: " + trending());
        assertEquals(List.of(author, mentioned), liveAudience(id), "its readers' pages hear of it, nobody else's");

        Map<String, Map<Action, Outcome>> expected = new LinkedHashMap<>();
        expected.put(other, row(Outcome.NOT_FOUND));
        expected.put(moderator, row(Outcome.NOT_FOUND));
        expected.put(admin, row(Outcome.NOT_FOUND));
        expected.put(former, row(Outcome.FAILS));
        Map<Action, Outcome> reader = new EnumMap<>(Action.class);
        reader.putAll(Map.of(Action.REACT, Outcome.OK, Action.REPLY, Outcome.OK, Action.BOOKMARK, Outcome.OK,
                Action.REPORT, Outcome.NOT_ALLOWED, Action.EDIT, Outcome.NOT_ALLOWED, Action.HIDE, Outcome.NOT_ALLOWED,
                Action.DELETE, Outcome.NOT_ALLOWED));
        expected.put(mentioned, reader);
        check(expected, id);
        List<String> bell = notifications.list(author, null, 50).stream()
                .filter(n -> n.actorUsername().equals(mentioned) && n.postId() != null).map(NotificationView::kind).toList();
        assertEquals(List.of("REPLY", "REACTION"), bell, "the author hears of their reader's answer and reaction");

        // A reply naming someone new does not widen the thread: they neither read it nor hear of it.
        long reply = posts.publish(mentioned, Draft.reply(id, "Shall we ask @" + other + "?")).getId();
        assertEquals(Outcome.NOT_FOUND, conversation(other, reply));
        assertEquals(Outcome.OK, conversation(author, reply));
        assertTrue(notifications.list(other, null, 50).stream().noneMatch(n -> Long.valueOf(reply).equals(n.postId())));
        awaitLive(reply, mentioned);
        assertEquals(List.of(author, mentioned), liveAudience(reply));

        // The author removes the mention: the former reader no longer reads the thread.
        posts.edit(author, id, posts.readable(author, id).getVersion(), "Between us after all #mtag" + run);
        assertEquals(Set.of(), places(mentioned, id), "no longer mentioned, no longer a reader");
        assertEquals(Outcome.NOT_FOUND, conversation(mentioned, reply));
        assertEquals(Outcome.OK, attempt(author, Action.DELETE, id));
    }

    @Test
    void aChosenAudienceIsNotForAChannel() throws Exception {
        for (Post.Audience audience : List.of(Post.Audience.NOTEBOOK, Post.Audience.MENTIONED)) {
            try {
                posts.publish(author, Draft.inChannel(channel.getId(), "In a channel").forAudience(audience));
                throw new AssertionError("published " + audience + " in a channel");
            } catch (Refused e) {
                assertEquals(Refused.Reason.INVALID, e.reason());
            }
        }
        Post inChannel = posts.publish(author, Draft.inChannel(channel.getId(), "In the channel"));
        assertEquals(Post.Audience.CHANNEL, inChannel.getAudience());
        assertEquals(Outcome.OK, attempt(moderator, Action.HIDE, inChannel.getId()), "moderating a channel post still works");
    }

    @Test
    void postsThatMentionSomeoneReachTheirHomeWithoutFollowingButNoOneElses() throws Exception {
        String stranger = employee("stranger");
        String bystander = employee("bystander");
        long toThem = posts.publish(author, Draft.toMentioned("Only for you, @" + stranger)).getId();
        long companyWide = posts.publish(author, "Thanks @" + stranger + " for the help").getId();
        awaitLive(toThem, author);
        for (int i = 0; i < 100 && heard.stream().noneMatch(h -> h[0].contains("\"id\":" + toThem + ",") && h[1].equals(stranger)); i++) {
            Thread.sleep(100);
        }
        assertTrue(heard.stream().anyMatch(h -> h[0].contains("\"id\":" + toThem + ",") && h[1].equals(stranger)),
                "the person mentioned hears of it live");
        assertTrue(contains(timeline.home(stranger, null, 50), toThem), "a post for the people mentioned is at their home");
        assertTrue(contains(timeline.home(stranger, null, 50), companyWide), "so is a company post that mentions them");
        assertFalse(contains(timeline.home(bystander, null, 50), toThem), "not at anyone else's");
        assertFalse(contains(timeline.home(bystander, null, 50), companyWide), "a stranger's post is at no one else's home");
        assertEquals(2, timeline.newerOnHome(stranger, toThem - 1), "and counts among their new posts");
    }

    // --- helpers ---

    private Set<Place> places(String reader, long id) {
        Set<Place> found = java.util.EnumSet.noneOf(Place.class);
        try {
            if (contains(timeline.home(reader, null, 100), id)) {
                found.add(Place.HOME);
            }
            if (contains(timeline.company(reader, null, 100), id)) {
                found.add(Place.COMPANY);
            }
            if (contains(timeline.topic(reader, "nbtag" + run, null, 100), id)
                    || contains(timeline.topic(reader, "mtag" + run, null, 100), id)) {
                found.add(Place.TOPIC);
            }
            if (contains(timeline.profile(reader, author, null, 100), id)) {
                found.add(Place.PROFILE);
            }
            if (contains(timeline.bookmarks(reader, null, 100), id)) {
                found.add(Place.BOOKMARKS);
            }
        } catch (EJBException e) {
            return found;
        }
        try {
            timeline.entry(reader, id);
            found.add(Place.ENTRY);
        } catch (Refused | EJBException e) {
            // not found
        }
        if (conversation(reader, id) == Outcome.OK) {
            found.add(Place.CONVERSATION);
        }
        return found;
    }

    private Outcome conversation(String reader, long id) {
        try {
            timeline.conversation(reader, id);
            return Outcome.OK;
        } catch (Refused e) {
            return Outcome.valueOf(e.reason().name());
        } catch (EJBException e) {
            return Outcome.FAILS;
        }
    }

    private static boolean contains(TimelinePage page, long id) {
        return page.entries().stream().anyMatch(e -> e.id() == id);
    }

    private static List<Long> ids(List<TimelineEntry> first, List<TimelineEntry> rest) {
        List<Long> ids = new ArrayList<>();
        first.forEach(e -> ids.add(e.id()));
        rest.forEach(e -> ids.add(e.id()));
        return ids;
    }

    private static Map<Action, Outcome> row(Outcome all) {
        Map<Action, Outcome> row = new EnumMap<>(Action.class);
        for (Action action : Action.values()) {
            row.put(action, all);
        }
        return row;
    }

    private void check(Map<String, Map<Action, Outcome>> expected, long id) {
        Map<String, Map<Action, Outcome>> actual = new LinkedHashMap<>();
        for (String actor : expected.keySet()) {
            Map<Action, Outcome> row = new EnumMap<>(Action.class);
            for (Action action : Action.values()) {
                if (action != Action.BOOKMARK) {
                    row.put(action, attempt(actor, action, id));
                }
            }
            // Bookmarking twice leaves things as they were.
            row.put(Action.BOOKMARK, attempt(actor, Action.BOOKMARK, id));
            attempt(actor, Action.BOOKMARK, id);
            actual.put(actor, row);
        }
        assertEquals(expected, actual);
    }

    private Outcome attempt(String actor, Action action, long id) {
        try {
            switch (action) {
                case REACT -> posts.react(actor, id, Reaction.Emoji.CELEBRATE);
                case REPLY -> posts.publish(actor, Draft.reply(id, "A reply by " + actor));
                case BOOKMARK -> posts.bookmark(actor, id);
                case REPORT -> posts.report(actor, id, "Not appropriate");
                case EDIT -> posts.edit(actor, id, version(id), posts.readable(author, id).getText() + " (edited)");
                case HIDE -> posts.hide(actor, id);
                case DELETE -> posts.delete(actor, id);
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

    private long version(long postId) {
        return em.createQuery("select p.version from Post p where p.id = :id", Long.class).setParameter("id", postId)
                .getSingleResult();
    }

    /** Tags of this run that trend, as tag=count. */
    private String trending() {
        return following.trending(1, 1000).stream().filter(t -> t.tag().endsWith(run))
                .map(t -> t.tag() + "=" + t.posts()).toList().toString();
    }

    private void awaitLive(long postId, String username) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (liveAudience(postId).contains(username)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No live signal of post " + postId + " for " + username + " within 10 s");
    }

    /** Who heard of the post among this test's people (sorted as author, mentioned, other, moderator, admin, former). */
    private List<String> liveAudience(long postId) {
        String marker = "\"type\":\"post\",\"id\":" + postId + ",";
        List<String> cast = List.of(author, mentioned, other, moderator, admin, former);
        return cast.stream().filter(who -> heard.stream().anyMatch(h -> h[0].contains(marker) && h[1].equals(who))).toList();
    }

    private String employee(String role) {
        String username = "nb." + role + "." + run;
        people.loggedIn(username, profile(username));
        return username;
    }

    private static DirectoryProfile profile(String username) {
        return new DirectoryProfile("uid=" + username + ",ou=people,dc=babillard,dc=example",
                "Test " + username, username + "@babillard.example", "QA", "Ingénierie", "Lyon");
    }
}
