package org.babillard.notifications;

import jakarta.inject.Inject;
import org.babillard.channels.boundary.Channels;
import org.babillard.channels.entity.Channel;
import org.babillard.following.boundary.Following;
import org.babillard.it.Deployments;
import org.babillard.live.control.LiveUpdates;
import org.babillard.notifications.boundary.NotificationPage;
import org.babillard.notifications.boundary.NotificationView;
import org.babillard.notifications.boundary.Notifications;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.DirectoryProfile;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.Posts;
import org.babillard.posts.entity.Reaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bell on the real server: what rings it, what it counts, reading, and what must disappear from it. */
@ExtendWith(ArquillianExtension.class)
class NotificationsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.babillardWithTests(NotificationsIT.class);
    }

    @Inject
    Notifications notifications;

    @Inject
    Posts posts;

    @Inject
    People people;

    @Inject
    Following following;

    @Inject
    Channels channels;

    @Inject
    LiveUpdates live;

    @jakarta.persistence.PersistenceContext(unitName = "babillard-ejb.jar#babillard")
    jakarta.persistence.EntityManager em;

    @jakarta.annotation.Resource
    jakarta.transaction.UserTransaction tx;

    private final List<String[]> heard = new CopyOnWriteArrayList<>();
    private final BiConsumer<String, Collection<String>> listener =
            (json, users) -> users.forEach(user -> heard.add(new String[] {json, user}));

    @BeforeEach
    void listen() {
        live.register(listener);
    }

    @AfterEach
    void stopListening() {
        live.unregister(listener);
    }

    @Test
    void mentionsRepliesReactionsAndFollowersRingTheBellNewestFirst() throws Exception {
        String me = employee("nme", "Mona Mentionnée");
        String other = employee("nother", "Oscar Autre");
        assertEquals(0, notifications.unread(me));

        long mine = posts.publish(me, "my post, to be answered").getId();
        long mention = posts.publish(other, "hello @" + me + " have a look").getId();
        long reply = posts.publish(other, Draft.reply(mine, "an answer to you")).getId();
        posts.react(other, mine, Reaction.Emoji.CELEBRATE);
        following.follow(other, me);

        List<NotificationView> list = notifications.list(me, null, 20);
        assertEquals(List.of("FOLLOW", "REACTION", "REPLY", "MENTION"), list.stream().map(NotificationView::kind).toList());
        assertTrue(list.stream().allMatch(n -> n.actorUsername().equals(other) && n.actorDisplayName().equals("Oscar Autre")));
        assertTrue(list.stream().noneMatch(NotificationView::read));
        assertNull(list.get(0).postId(), "a new follower is about a person, not a post");
        assertEquals(mine, list.get(1).postId());
        assertEquals(reply, list.get(2).postId());
        assertEquals("an answer to you", list.get(2).excerpt());
        assertEquals(mention, list.get(3).postId());
        assertEquals(4, notifications.unread(me));
        assertEquals(0, notifications.unread(other), "acting rings nobody's own bell");

        posts.react(other, mine, Reaction.Emoji.CELEBRATE);
        following.unfollow(other, me);
        following.follow(other, me);
        assertEquals(4, notifications.unread(me), "following again does not ring the bell again");
    }

    @Test
    void readingOneOrAllLowersTheCountAndNobodyReadsSomeoneElses() throws Exception {
        String me = employee("rme", "Rita Lectrice");
        String other = employee("rother", "Rémi Autre");
        for (int i = 0; i < 3; i++) {
            posts.publish(other, "ping " + i + " @" + me);
        }
        List<NotificationView> list = notifications.list(me, null, 20);
        assertEquals(3, notifications.unread(me));

        notifications.markRead(other, list.get(0).id());
        assertEquals(3, notifications.unread(me), "someone else cannot mark my notifications read");
        notifications.markRead(me, list.get(0).id());
        notifications.markRead(me, list.get(0).id());
        assertEquals(2, notifications.unread(me));
        list = notifications.list(me, null, 20);
        assertTrue(list.get(0).read());
        assertFalse(list.get(1).read());

        notifications.markAllRead(me);
        assertEquals(0, notifications.unread(me));
        assertTrue(notifications.list(me, null, 20).stream().allMatch(NotificationView::read));
    }

    @Test
    void aNotificationAboutAPostDeletedOrHiddenLaterDisappearsFromListAndCount() throws Exception {
        String me = employee("dme", "Daphné Mentionnée");
        String author = employee("dauthor", "Denis Auteur");
        String admin = employee("dadmin", "Diane Admin");
        people.loggedIn(admin, profile(admin, "Diane Admin"), Set.of("employee", "admin"));
        long kept = posts.publish(author, "kept @" + me).getId();
        long deleted = posts.publish(author, "to be deleted @" + me).getId();
        long hidden = posts.publish(author, "to be hidden @" + me).getId();
        assertEquals(3, notifications.unread(me));

        posts.delete(author, deleted);
        posts.hide(admin, hidden);

        assertEquals(1, notifications.unread(me));
        assertEquals(List.of(kept), notifications.list(me, null, 20).stream().map(NotificationView::postId).toList());
    }

    @Test
    void aMentionInAPrivateChannelReachesMembersOnly() throws Exception {
        String owner = employee("powner", "Paul Propriétaire");
        String member = employee("pmember", "Pia Membre");
        String outsider = employee("poutsider", "Pierre Dehors");
        Channel secret = channels.create(owner, "Notif secret " + RUN + " " + UUID.randomUUID().toString().substring(0, 6),
                null, Channel.Access.PRIVATE, Channel.Posting.MEMBERS);
        channels.invite(owner, secret.getId(), member);
        channels.join(member, secret.getId());
        posts.publish(owner, Draft.inChannel(secret.getId(), "@" + member + " and @" + outsider + ": the plan"));

        assertEquals(List.of("MENTION", "INVITATION"), notifications.list(member, null, 20).stream().map(NotificationView::kind).toList());
        assertEquals(0, notifications.unread(outsider), "the outsider hears nothing of a private channel");
        assertTrue(notifications.list(outsider, null, 20).isEmpty());

        assertEquals(2, notifications.unread(member));
        channels.leave(member, secret.getId());
        assertEquals(List.of("INVITATION"), notifications.list(member, null, 20).stream().map(NotificationView::kind).toList(),
                "once out of the channel, its posts leave the bell");
        assertEquals(1, notifications.unread(member), "and the count agrees with the list");
    }

    @Test
    void pagesWalkAllNotificationsNewestFirst() throws Exception {
        String me = employee("pgme", "Paula Pages");
        String other = employee("pgother", "Pablo Autre");
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(posts.publish(other, "page " + i + " @" + me).getId());
        }
        posts.delete(other, made.get(4));
        posts.delete(other, made.get(3));
        List<Long> walked = new ArrayList<>();
        NotificationPage page = notifications.page(me, null, 2);
        int pages = 1;
        walked.addAll(page.items().stream().map(NotificationView::postId).toList());
        while (page.hasMore()) {
            page = notifications.page(me, page.nextBefore(), 2);
            walked.addAll(page.items().stream().map(NotificationView::postId).toList());
            pages++;
        }
        assertEquals(List.of(made.get(6), made.get(5), made.get(2), made.get(1), made.get(0)), walked,
                "a page whose notifications were all left out still leads to the older ones");
        assertEquals(4, pages);
    }

    @Test
    void theBellIsToldItsNewCountLiveAfterANotificationAndAfterReading() throws Exception {
        String me = employee("bme", "Bruno Cloche");
        String other = employee("bother", "Berthe Autre");
        posts.publish(other, "first @" + me);
        awaitBell(me, 1);
        heard.clear();
        posts.publish(other, "second @" + me);
        awaitBell(me, 2);
        heard.clear();
        notifications.markRead(me, notifications.list(me, null, 1).get(0).id());
        awaitBell(me, 1);
        heard.clear();
        notifications.markAllRead(me);
        awaitBell(me, 0);
        Set<String> bellsHeardBy = new HashSet<>();
        posts.publish(other, "third @" + me);
        awaitBell(me, 1);
        heard.stream().filter(h -> h[0].startsWith("{\"type\":\"bell\"")).forEach(h -> bellsHeardBy.add(h[1]));
        assertFalse(bellsHeardBy.contains(other), "a bell message goes to its owner only");
    }

    private void awaitBell(String username, int unread) throws InterruptedException {
        String expected = "{\"type\":\"bell\",\"unread\":" + unread + "}";
        for (int i = 0; i < 100; i++) {
            if (heard.stream().anyMatch(h -> h[0].equals(expected) && h[1].equals(username))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No " + expected + " for " + username + " within 10 s");
    }

    /** Names unique to this run, so that a database kept from an earlier run changes nothing. */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 2_176_782_336L, 36);

    @Test
    void aFormerEmployeeReadsNoNotificationsEvenThroughASessionLeftOpen() throws Exception {
        String me = employee("fme", "Fanny Partie");
        String colleague = employee("fcol", "Colin Collègue");
        posts.publish(colleague, "Bonne route @" + me + " !");
        assertEquals(1, notifications.unread(me));
        tx.begin();
        em.createQuery("select e from Employee e where e.username = :u", org.babillard.people.entity.Employee.class)
                .setParameter("u", me).getSingleResult().left(java.time.Instant.now());
        tx.commit();
        assertEquals(0, notifications.unread(me), "no bell");
        assertThrows(jakarta.ejb.EJBException.class, () -> notifications.page(me, null, 10), "no list");
    }

    private String employee(String name, String displayName) {
        String username = "it." + name + "." + RUN;
        people.loggedIn(username, profile(username, displayName));
        return username;
    }

    private static DirectoryProfile profile(String username, String displayName) {
        return new DirectoryProfile("uid=" + username + ",ou=people,dc=babillard,dc=example", displayName,
                username + "@babillard.example", "QA", "Ingénierie", "Lyon");
    }
}
