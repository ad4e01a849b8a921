package org.babillard.posts;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import org.babillard.channels.boundary.Channels;
import org.babillard.channels.entity.Channel;
import org.babillard.following.boundary.Following;
import org.babillard.it.Deployments;
import org.babillard.notifications.boundary.Notifications;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.DirectoryProfile;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.Posts;
import org.babillard.posts.entity.Post;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelineEntry;
import org.babillard.timeline.boundary.TimelinePage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sharing a post into a channel or to one's followers, on the real server: the share is read only by those who may
 * read both where it is posted and the original, in every timeline, and so are the replies in its thread; what
 * cannot be shared is refused; the original's author hears of it only if they may read the share.
 */
@ExtendWith(ArquillianExtension.class)
class ShareIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.babillardWithTests(ShareIT.class);
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

    enum Place { HOME, COMPANY, CHANNEL, PROFILE, ENTRY, CONVERSATION }

    private String run;
    /** Writes the originals; owns the private channel. */
    private String author;
    /** In the private and the open channel; shares. */
    private String sharer;
    /** In both channels; only reads. */
    private String insider;
    /** In the open channel only. */
    private String outsider;
    /** An administrator in neither channel. */
    private String admin;
    private long privateChannel;
    private long openChannel;

    @BeforeEach
    void company() throws Exception {
        run = UUID.randomUUID().toString().substring(0, 8);
        author = employee("author");
        sharer = employee("sharer");
        insider = employee("insider");
        outsider = employee("outsider");
        admin = "sh.admin." + run;
        people.loggedIn(admin, profile(admin), Set.of("employee", "admin"));
        privateChannel = channels.create(author, "Secret " + run, "Private", Channel.Access.PRIVATE, Channel.Posting.MEMBERS).getId();
        for (String member : List.of(sharer, insider)) {
            channels.invite(author, privateChannel, member);
            assertTrue(channels.join(member, privateChannel));
        }
        openChannel = channels.create(sharer, "Open " + run, "Open", Channel.Access.OPEN, Channel.Posting.MEMBERS).getId();
        for (String member : List.of(insider, outsider)) {
            assertTrue(channels.join(member, openChannel));
        }
        // Everyone follows the sharer: a share they may read reaches their home.
        for (String reader : List.of(author, insider, outsider, admin)) {
            following.follow(reader, sharer);
        }
    }

    @Test
    void aCompanyPostSharedWithFollowersReachesEveryoneAndTellsItsAuthor() throws Exception {
        Post original = posts.publish(author, "Our new canteen opens on Monday");
        Post share = posts.share(sharer, original.getId(), "Finally! @" + insider, null, null);

        assertEquals(original.getId(), share.getSharedPost().getId());
        for (String reader : List.of(author, insider, outsider, admin)) {
            assertEquals(EnumSet.of(Place.HOME, Place.COMPANY, Place.PROFILE, Place.ENTRY, Place.CONVERSATION),
                    places(reader, share.getId()), reader);
        }
        TimelineEntry seen = timeline.entry(outsider, share.getId());
        assertEquals("Finally! @" + insider, seen.text());
        assertNotNull(seen.shared(), "the share shows its original");
        assertEquals("Our new canteen opens on Monday", seen.shared().text());
        assertEquals(author, seen.shared().authorUsername());
        assertTrue(notifications.list(author, null, 20).stream()
                .anyMatch(n -> "SHARE".equals(n.kind()) && Long.valueOf(share.getId()).equals(n.postId())), "the author hears of it");
        assertTrue(notifications.list(insider, null, 20).stream()
                .anyMatch(n -> "MENTION".equals(n.kind()) && Long.valueOf(share.getId()).equals(n.postId())), "the comment's mention tells");

        // Sharing the share shares the original.
        Post again = posts.share(insider, share.getId(), "", null, null);
        assertEquals(original.getId(), again.getSharedPost().getId());
        assertEquals("", again.getText(), "a share needs no comment");
    }

    @Test
    void aPrivateChannelsPostSharedElsewhereIsReadOnlyByThoseWhoMayReadTheOriginal() throws Exception {
        Post original = posts.publish(author, Draft.inChannel(privateChannel, "Reorganisation plan, draft 2"));
        Post intoOpen = posts.share(sharer, original.getId(), "Worth a look", openChannel, null);
        Post toFollowers = posts.share(sharer, original.getId(), "For my followers", null, null);
        Post reply = posts.publish(sharer, Draft.reply(intoOpen.getId(), "My reply in the share's thread"));

        Map<String, Set<Place>> expectedIntoOpen = new LinkedHashMap<>();
        expectedIntoOpen.put(sharer, EnumSet.of(Place.HOME, Place.COMPANY, Place.CHANNEL, Place.PROFILE, Place.ENTRY, Place.CONVERSATION));
        expectedIntoOpen.put(insider, EnumSet.of(Place.HOME, Place.COMPANY, Place.CHANNEL, Place.PROFILE, Place.ENTRY, Place.CONVERSATION));
        expectedIntoOpen.put(outsider, EnumSet.noneOf(Place.class));
        expectedIntoOpen.put(admin, EnumSet.noneOf(Place.class));
        // The original's author is in no channel with the share, but the open channel is theirs to read.
        expectedIntoOpen.put(author, EnumSet.allOf(Place.class));
        Map<String, Set<Place>> actual = new LinkedHashMap<>();
        for (String reader : expectedIntoOpen.keySet()) {
            actual.put(reader, places(reader, intoOpen.getId()));
        }
        assertEquals(expectedIntoOpen, actual, "the share in the open channel");

        for (String reader : List.of(outsider, admin)) {
            assertEquals(Set.of(), places(reader, toFollowers.getId()), reader + " does not read the share to followers");
            assertEquals(Set.of(), places(reader, reply.getId()), reader + " does not read a reply in the share's thread");
        }
        for (String reader : List.of(sharer, insider, author)) {
            assertTrue(places(reader, toFollowers.getId()).containsAll(Set.of(Place.HOME, Place.ENTRY)), reader);
            assertTrue(places(reader, reply.getId()).contains(Place.ENTRY), reader + " reads the reply");
        }
        // Counts obey the same rule: nothing new in the open channel for the outsider.
        assertEquals(0, timeline.newerInChannel(outsider, openChannel, original.getId()));
        assertEquals(1, timeline.newerInChannel(insider, openChannel, original.getId()));
        // The outsider cannot act on it either, nor share it on.
        assertEquals("NOT_FOUND", outcome(() -> posts.share(outsider, intoOpen.getId(), "", null, null)));
        assertEquals("NOT_FOUND", outcome(() -> posts.publish(outsider, Draft.reply(intoOpen.getId(), "Let me in"))));
        assertEquals("NOT_FOUND", outcome(() -> posts.share(outsider, original.getId(), "", null, null)));

        // An insider who leaves the private channel loses the share with it.
        channels.leave(insider, privateChannel);
        assertEquals(Set.of(), places(insider, intoOpen.getId()), "after leaving the private channel");
    }

    @Test
    void aDeletedOriginalTakesItsSharesWithIt() throws Exception {
        Post original = posts.publish(author, "A post that will go");
        Post share = posts.share(sharer, original.getId(), "Look", null, null);
        posts.delete(author, original.getId());
        for (String reader : List.of(author, sharer, insider, outsider)) {
            assertEquals(Set.of(), places(reader, share.getId()), reader);
        }
    }

    @Test
    void whatCannotBeSharedIsRefused() throws Exception {
        long note = posts.publish(sharer, Draft.notebook("My own note")).getId();
        long forMentioned = posts.publish(sharer, Draft.toMentioned("Only for @" + insider)).getId();
        long inOpen = posts.publish(insider, Draft.inChannel(openChannel, "An open channel's post")).getId();
        long announcements = channels.create(author, "News " + run, "Owners post", Channel.Access.OPEN, Channel.Posting.OWNERS).getId();
        channels.join(sharer, announcements);

        assertEquals("INVALID", outcome(() -> posts.share(sharer, note, "", null, null)), "a notebook entry");
        assertEquals("INVALID", outcome(() -> posts.share(sharer, forMentioned, "", null, null)), "a post for the people mentioned");
        assertEquals("INVALID", outcome(() -> posts.share(insider, forMentioned, "", null, null)), "even by someone mentioned");
        assertEquals("NOT_FOUND", outcome(() -> posts.share(outsider, inOpen, "", privateChannel, null)), "into a private channel one is not in");
        assertEquals("NOT_ALLOWED", outcome(() -> posts.share(admin, inOpen, "", openChannel, null)), "into a channel one is not a member of");
        assertEquals("NOT_ALLOWED", outcome(() -> posts.share(sharer, inOpen, "", announcements, null)), "into an announcement channel as a member");
        assertEquals("NOT_FOUND", outcome(() -> posts.share(sharer, Long.MAX_VALUE, "", null, null)), "a post that does not exist");
        assertEquals("REJECTED", outcome(() -> posts.share(sharer, inOpen, "x".repeat(posts.maxLength() + 1), null, null)), "a comment too long");

        // The same dialog submitted twice shares once.
        String key = UUID.randomUUID().toString();
        long first = posts.share(sharer, inOpen, "Once", null, key).getId();
        assertEquals(first, posts.share(sharer, inOpen, "Once", null, key).getId());
        assertEquals(1, timeline.profile(insider, sharer, null, 50).entries().stream().filter(e -> e.text().equals("Once")).count());
    }

    // --- helpers ---

    private interface Call {
        void run() throws Exception;
    }

    private static String outcome(Call call) {
        try {
            call.run();
            return "OK";
        } catch (Refused e) {
            return e.reason().name();
        } catch (org.babillard.posts.boundary.PostRejected e) {
            return "REJECTED";
        } catch (EJBException e) {
            return "FAILS";
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Set<Place> places(String reader, long id) {
        Set<Place> found = EnumSet.noneOf(Place.class);
        if (contains(timeline.home(reader, null, 100), id)) {
            found.add(Place.HOME);
        }
        if (contains(timeline.company(reader, null, 100), id)) {
            found.add(Place.COMPANY);
        }
        try {
            if (contains(timeline.channel(reader, openChannel, null, 100), id)) {
                found.add(Place.CHANNEL);
            }
        } catch (Refused e) {
            // not in it
        }
        if (contains(timeline.profile(reader, sharer, null, 100), id)) {
            found.add(Place.PROFILE);
        }
        try {
            timeline.entry(reader, id);
            found.add(Place.ENTRY);
        } catch (Refused e) {
            // not found
        }
        try {
            timeline.conversation(reader, id);
            found.add(Place.CONVERSATION);
        } catch (Refused e) {
            // not found
        }
        return found;
    }

    private static boolean contains(TimelinePage page, long id) {
        return page.entries().stream().anyMatch(e -> e.id() == id);
    }

    private String employee(String role) {
        String username = "sh." + role + "." + run;
        people.loggedIn(username, profile(username));
        return username;
    }

    private static DirectoryProfile profile(String username) {
        return new DirectoryProfile("uid=" + username + ",ou=people,dc=babillard,dc=example",
                "Test " + username, username + "@babillard.example", "QA", "Ingénierie", "Lyon");
    }
}
