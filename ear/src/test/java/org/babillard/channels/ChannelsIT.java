package org.babillard.channels;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.babillard.channels.boundary.ChannelDetails;
import org.babillard.channels.boundary.ChannelMember;
import org.babillard.channels.boundary.ChannelSummary;
import org.babillard.channels.boundary.Channels;
import org.babillard.channels.boundary.TeamChannels;
import org.babillard.channels.entity.Channel;
import org.babillard.channels.entity.Membership;
import org.babillard.it.Deployments;
import org.babillard.notifications.boundary.NotificationView;
import org.babillard.notifications.boundary.Notifications;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.DirectoryProfile;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.PostRejected;
import org.babillard.posts.boundary.Posts;
import org.babillard.timeline.boundary.Conversation;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelineEntry;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may do what in channels, on the real server and database: five kinds of channel (open, private,
 * announcements, archived, team) against six kinds of reader (owner, moderator, member, someone outside, an
 * administrator outside, a former employee who was a member). Each matrix is written out as a table, so that a
 * failure shows the whole picture. Y: allowed and it shows what it should; otherwise the refusal's reason, or
 * "gone" when the boundary turns a former employee away.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(5)
class ChannelsIT {

    enum Actor { OWNER, MODERATOR, MEMBER, OUTSIDER, ADMIN, FORMER }

    enum Kind { OPEN, PRIVATE, ANNOUNCE, ARCHIVED, TEAM }

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.babillardWithTests(ChannelsIT.class);
    }

    @Inject
    Channels channels;

    @Inject
    TeamChannels teams;

    @Inject
    Posts posts;

    @Inject
    Timeline timeline;

    @Inject
    People people;

    @Inject
    Notifications notifications;

    @Inject
    UserTransaction transaction;

    @PersistenceContext(unitName = "babillard-ejb.jar#babillard")
    EntityManager em;

    /** One set of people and channels per run: the database outlives the test classes. */
    static String run;
    static final Map<Actor, String> USERS = new LinkedHashMap<>();
    static final Map<Kind, Long> CHANNELS = new LinkedHashMap<>();
    static final Map<Kind, String> SLUGS = new LinkedHashMap<>();
    static final Map<Kind, Long> THREADS = new LinkedHashMap<>();

    @BeforeEach
    void fixture() throws Exception {
        if (run != null) {
            return;
        }
        String r = UUID.randomUUID().toString().substring(0, 8);
        for (Actor a : Actor.values()) {
            USERS.put(a, "ch." + a.name().toLowerCase() + "." + r);
        }
        USERS.forEach((a, u) -> person(u, a == Actor.ADMIN ? Set.of("employee", "admin") : Set.of("employee")));
        String owner = USERS.get(Actor.OWNER);
        CHANNELS.put(Kind.OPEN, channels.create(owner, "Open " + r, "Everyone's", Channel.Access.OPEN, Channel.Posting.MEMBERS).getId());
        CHANNELS.put(Kind.PRIVATE, channels.create(owner, "Private " + r, "Ours", Channel.Access.PRIVATE, Channel.Posting.MEMBERS).getId());
        CHANNELS.put(Kind.ANNOUNCE, channels.create(owner, "Announce " + r, null, Channel.Access.OPEN, Channel.Posting.OWNERS).getId());
        CHANNELS.put(Kind.ARCHIVED, channels.create(owner, "Archived " + r, null, Channel.Access.OPEN, Channel.Posting.MEMBERS).getId());
        teams.syncTeam("cn=team-" + r + ",ou=groups,dc=babillard,dc=example", "Team " + r, "A directory group",
                Set.of(dn(owner), dn(USERS.get(Actor.MODERATOR)), dn(USERS.get(Actor.MEMBER)), dn(USERS.get(Actor.FORMER))));
        CHANNELS.put(Kind.TEAM, channels.find("team-" + r).orElseThrow().getId());
        for (Kind k : Kind.values()) {
            long id = CHANNELS.get(k);
            SLUGS.put(k, em.find(Channel.class, id).getSlug());
            if (k == Kind.TEAM) {
                channels.role(USERS.get(Actor.ADMIN), id, owner, Membership.Role.OWNER);
            } else {
                for (Actor a : List.of(Actor.MODERATOR, Actor.MEMBER, Actor.FORMER)) {
                    if (k == Kind.PRIVATE) {
                        channels.invite(owner, id, USERS.get(a));
                    }
                    assertTrue(channels.join(USERS.get(a), id));
                }
            }
            channels.role(owner, id, USERS.get(Actor.MODERATOR), Membership.Role.MODERATOR);
            long thread = posts.publish(owner, new Draft(k + " thread " + r, id, null, null)).getId();
            THREADS.put(k, thread);
            posts.pin(owner, thread, true);
        }
        channels.archive(owner, CHANNELS.get(Kind.ARCHIVED), true);
        leaves(USERS.get(Actor.FORMER));
        run = r;
    }

    @Test
    @Order(1)
    void readingTheTimelineAndPinnedPosts() throws Exception {
        assertMatrix("timeline", """
                OPEN      Y Y Y Y Y gone
                PRIVATE   Y Y Y NOT_FOUND NOT_FOUND gone
                ANNOUNCE  Y Y Y Y Y gone
                ARCHIVED  Y Y Y Y Y gone
                TEAM      Y Y Y Y Y gone""",
                (k, u) -> outcome(() -> timeline.channel(u, CHANNELS.get(k), null, 20).entries().stream()
                        .anyMatch(e -> e.id() == THREADS.get(k))));
        assertMatrix("pinned", """
                OPEN      Y Y Y Y Y gone
                PRIVATE   Y Y Y NOT_FOUND NOT_FOUND gone
                ANNOUNCE  Y Y Y Y Y gone
                ARCHIVED  Y Y Y Y Y gone
                TEAM      Y Y Y Y Y gone""",
                (k, u) -> outcome(() -> timeline.pinned(u, CHANNELS.get(k)).stream().anyMatch(e -> e.id() == THREADS.get(k))));
    }

    @Test
    @Order(2)
    void readingAPostByItsIdOrItsConversation() throws Exception {
        String expected = """
                OPEN      Y Y Y Y Y gone
                PRIVATE   Y Y Y NOT_FOUND NOT_FOUND gone
                ANNOUNCE  Y Y Y Y Y gone
                ARCHIVED  Y Y Y Y Y gone
                TEAM      Y Y Y Y Y gone""";
        assertMatrix("entry", expected, (k, u) -> outcome(() -> timeline.entry(u, THREADS.get(k)).text().startsWith(k + " thread")));
        assertMatrix("conversation", expected, (k, u) -> outcome(() -> {
            Conversation c = timeline.conversation(u, THREADS.get(k));
            return c.first().id() == THREADS.get(k);
        }));
    }

    @Test
    @Order(3)
    void detailsAndMembers() throws Exception {
        // Administrators see a private channel's page and members (to manage it) but not its posts.
        assertMatrix("details", """
                OPEN      Y Y Y Y Y gone
                PRIVATE   Y Y Y NOT_FOUND Y gone
                ANNOUNCE  Y Y Y Y Y gone
                ARCHIVED  Y Y Y Y Y gone
                TEAM      Y Y Y Y Y gone""",
                (k, u) -> outcome(() -> channels.details(u, SLUGS.get(k)).summary().getId() == CHANNELS.get(k)));
        assertMatrix("members", """
                OPEN      Y Y Y Y Y gone
                PRIVATE   Y Y Y NOT_FOUND Y gone
                ANNOUNCE  Y Y Y Y Y gone
                ARCHIVED  Y Y Y Y Y gone
                TEAM      Y Y Y Y Y gone""",
                (k, u) -> outcome(() -> channels.members(u, CHANNELS.get(k)).stream()
                        .anyMatch(m -> m.username().equals(USERS.get(Actor.OWNER)) && m.role().equals("OWNER"))));
        assertMatrix("what the page offers: Post, Manage, moderate, Join, Leave", """
                OPEN      PMo-L P-o-L P---L ---J- -MoJ- gone
                PRIVATE   PMo-L P-o-L P---L NOT_FOUND --oJ- gone
                ANNOUNCE  PMo-L P-o-L ----L ---J- -MoJ- gone
                ARCHIVED  -Mo-L --o-L ----L ----- -Mo-- gone
                TEAM      PMo-- P-o-- P---- ----- -Mo-- gone""",
                (k, u) -> {
                    try {
                        ChannelDetails d = channels.details(u, SLUGS.get(k));
                        return (d.canPost() ? "P" : "-") + (d.canManage() ? "M" : "-") + (d.canModerate() ? "o" : "-")
                                + (d.canJoin() ? "J" : "-") + (d.canLeave() ? "L" : "-");
                    } catch (Exception e) {
                        return failure(e);
                    }
                });
    }

    @Test
    @Order(4)
    void startingAThreadAndReplying() throws Exception {
        assertMatrix("start a thread", """
                OPEN      Y Y Y NOT_ALLOWED NOT_ALLOWED gone
                PRIVATE   Y Y Y NOT_FOUND NOT_FOUND gone
                ANNOUNCE  Y Y NOT_ALLOWED NOT_ALLOWED NOT_ALLOWED gone
                ARCHIVED  ARCHIVED ARCHIVED ARCHIVED ARCHIVED ARCHIVED gone
                TEAM      Y Y Y NOT_ALLOWED NOT_ALLOWED gone""",
                (k, u) -> outcome(() -> posts.publish(u, new Draft("New thread by " + u, CHANNELS.get(k), null, null)) != null));
        // Everyone who may read a channel may answer in it; nobody in an archived one.
        assertMatrix("reply", """
                OPEN      Y Y Y Y Y gone
                PRIVATE   Y Y Y NOT_FOUND NOT_FOUND gone
                ANNOUNCE  Y Y Y Y Y gone
                ARCHIVED  ARCHIVED ARCHIVED ARCHIVED ARCHIVED ARCHIVED gone
                TEAM      Y Y Y Y Y gone""",
                (k, u) -> outcome(() -> posts.publish(u, new Draft("Reply by " + u, null, THREADS.get(k), null)) != null));
    }

    @Test
    @Order(5)
    void listAndSuggestShowPrivateChannelsOnlyToTheirMembers() throws Exception {
        String expected = """
                OPEN      Y Y Y Y Y gone
                PRIVATE   Y Y Y N N gone
                ANNOUNCE  Y Y Y Y Y gone
                ARCHIVED  Y Y Y Y Y gone
                TEAM      Y Y Y Y Y gone""";
        assertMatrix("list", expected, (k, u) -> outcome(() -> channels.list(u).stream().anyMatch(s -> s.id() == CHANNELS.get(k))));
        assertMatrix("suggest", expected, (k, u) -> outcome(() -> channels.suggest(u, run, 50).stream().anyMatch(s -> s.id() == CHANNELS.get(k))));
        ChannelSummary mine = channels.list(USERS.get(Actor.MODERATOR)).stream()
                .filter(s -> s.id() == CHANNELS.get(Kind.PRIVATE)).findFirst().orElseThrow();
        assertEquals("MODERATOR", mine.role());
        assertTrue(mine.privateChannel());
        assertEquals(4, mine.members(), "owner, moderator, member and the former employee");
        List<ChannelSummary> list = channels.list(USERS.get(Actor.MEMBER));
        int firstOutside = list.stream().map(ChannelSummary::isMember).toList().indexOf(false);
        assertTrue(firstOutside < 0 || list.subList(firstOutside, list.size()).stream().noneMatch(ChannelSummary::isMember),
                "a member's channels come first");
    }

    @Test
    @Order(6)
    void managingAChannel() throws Exception {
        // Idempotent calls (a member made a member again, an archive state kept): the rights are what is checked.
        assertMatrix("change a role", """
                OPEN      Y NOT_ALLOWED NOT_ALLOWED NOT_ALLOWED Y gone
                PRIVATE   Y NOT_ALLOWED NOT_ALLOWED NOT_FOUND NOT_ALLOWED gone
                ANNOUNCE  Y NOT_ALLOWED NOT_ALLOWED NOT_ALLOWED Y gone
                ARCHIVED  Y NOT_ALLOWED NOT_ALLOWED NOT_ALLOWED Y gone
                TEAM      Y NOT_ALLOWED NOT_ALLOWED NOT_ALLOWED Y gone""",
                (k, u) -> did(() -> channels.role(u, CHANNELS.get(k), USERS.get(Actor.MEMBER), Membership.Role.MEMBER)));
        assertMatrix("archive", """
                OPEN      Y NOT_ALLOWED NOT_ALLOWED NOT_ALLOWED Y gone
                PRIVATE   Y NOT_ALLOWED NOT_ALLOWED NOT_FOUND Y gone
                ANNOUNCE  Y NOT_ALLOWED NOT_ALLOWED NOT_ALLOWED Y gone
                ARCHIVED  Y NOT_ALLOWED NOT_ALLOWED NOT_ALLOWED Y gone
                TEAM      Y NOT_ALLOWED NOT_ALLOWED NOT_ALLOWED Y gone""",
                (k, u) -> did(() -> channels.archive(u, CHANNELS.get(k), k == Kind.ARCHIVED)));
        assertMatrix("invite a newcomer", """
                OPEN      Y Y Y NOT_ALLOWED Y gone
                PRIVATE   Y NOT_ALLOWED NOT_ALLOWED NOT_FOUND NOT_ALLOWED gone
                ANNOUNCE  Y Y Y NOT_ALLOWED Y gone
                ARCHIVED  ARCHIVED ARCHIVED ARCHIVED NOT_ALLOWED ARCHIVED gone
                TEAM      NOT_ALLOWED NOT_ALLOWED NOT_ALLOWED NOT_ALLOWED NOT_ALLOWED gone""",
                (k, u) -> did(() -> channels.invite(u, CHANNELS.get(k), newcomer())));
        assertMatrix("edit the settings", """
                OPEN      Y NOT_ALLOWED NOT_ALLOWED NOT_ALLOWED Y gone
                PRIVATE   Y NOT_ALLOWED NOT_ALLOWED NOT_FOUND NOT_ALLOWED gone
                ANNOUNCE  Y NOT_ALLOWED NOT_ALLOWED NOT_ALLOWED Y gone
                ARCHIVED  Y NOT_ALLOWED NOT_ALLOWED NOT_ALLOWED Y gone
                TEAM      Y NOT_ALLOWED NOT_ALLOWED NOT_ALLOWED Y gone""",
                (k, u) -> did(() -> {
                    Channel c = channels.find(SLUGS.get(k)).orElseThrow();
                    channels.update(u, c.getId(), c.getVersion(), c.getName(), c.getDescription(), c.getAccess(), c.getPosting());
                }));
    }

    @Test
    @Order(7)
    void approvingAndDenyingRequests() throws Exception {
        long id = CHANNELS.get(Kind.PRIVATE);
        String slug = SLUGS.get(Kind.PRIVATE);
        Map<Actor, String> approve = new LinkedHashMap<>();
        Map<Actor, String> deny = new LinkedHashMap<>();
        for (Actor a : Actor.values()) {
            String asker = newcomer();
            channels.askToJoin(asker, slug);
            approve.put(a, did(() -> channels.approve(USERS.get(a), id, asker)));
            String other = newcomer();
            channels.askToJoin(other, slug);
            deny.put(a, did(() -> channels.deny(USERS.get(a), id, other)));
        }
        // A private channel's owners alone choose who comes in: an administrator cannot let anyone, themselves included, in.
        String expected = "OWNER=Y MODERATOR=NOT_ALLOWED MEMBER=NOT_ALLOWED OUTSIDER=NOT_FOUND ADMIN=NOT_ALLOWED FORMER=gone";
        assertEquals(expected, line(approve), "approve");
        assertEquals(expected, line(deny), "deny");
    }

    @Test
    @Order(8)
    void joiningAndLeaving() throws Exception {
        String owner = USERS.get(Actor.OWNER);
        String outsider = newcomer();
        long open = channels.create(owner, "Door " + run, null, Channel.Access.OPEN, Channel.Posting.MEMBERS).getId();
        assertTrue(channels.join(outsider, open), "anyone joins an open channel");
        assertEquals("MEMBER", channels.details(outsider, "door-" + run).summary().role());
        channels.leave(outsider, open);
        assertFalse(channels.details(outsider, "door-" + run).summary().isMember());

        assertEquals("NOT_FOUND", outcome(() -> channels.join(outsider, CHANNELS.get(Kind.PRIVATE))));
        assertEquals("ARCHIVED", outcome(() -> channels.join(outsider, CHANNELS.get(Kind.ARCHIVED))));
        assertEquals("INVALID", outcome(() -> channels.join(outsider, CHANNELS.get(Kind.TEAM))));
        assertEquals("INVALID", did(() -> channels.leave(USERS.get(Actor.MEMBER), CHANNELS.get(Kind.TEAM))),
                "the directory decides who is in a team channel");
        assertEquals("NOT_FOUND", did(() -> channels.leave(outsider, CHANNELS.get(Kind.PRIVATE))));

        // The last owner cannot leave nor step down; with a second owner they can.
        Refused last = assertThrows(Refused.class, () -> channels.leave(owner, open));
        assertEquals(Refused.Reason.INVALID, last.reason());
        assertEquals("channel.lastOwner", last.detail());
        assertEquals("INVALID", did(() -> channels.role(owner, open, owner, Membership.Role.MEMBER)));
        channels.join(outsider, open);
        channels.role(owner, open, outsider, Membership.Role.OWNER);
        channels.leave(owner, open);
        assertEquals(List.of(outsider), channels.members(outsider, open).stream().map(ChannelMember::username).toList());

        // An administrator who is not a member asks to join a private channel like anybody who knows of it.
        String admin = USERS.get(Actor.ADMIN);
        assertFalse(channels.join(admin, CHANNELS.get(Kind.PRIVATE)), "a request, not a membership");
        assertTrue(channels.details(admin, SLUGS.get(Kind.PRIVATE)).summary().requested());
        channels.leave(admin, CHANNELS.get(Kind.PRIVATE));
        assertFalse(channels.details(admin, SLUGS.get(Kind.PRIVATE)).summary().requested(), "request withdrawn");

        // A moderator removes a member, not an owner; a member removes nobody.
        long priv = CHANNELS.get(Kind.PRIVATE);
        String moderator = USERS.get(Actor.MODERATOR);
        String member = USERS.get(Actor.MEMBER);
        assertEquals("NOT_ALLOWED", did(() -> channels.remove(member, priv, moderator)));
        assertEquals("NOT_ALLOWED", did(() -> channels.remove(moderator, priv, owner)));
        String guest = newcomer();
        channels.invite(owner, priv, guest);
        channels.join(guest, priv);
        channels.remove(moderator, priv, guest);
        assertEquals("NOT_FOUND", outcome(() -> timeline.channel(guest, priv, null, 5)), "removed, they read no more");
    }

    @Test
    @Order(9)
    void aRequestReachesTheOwnersWhoLetTheAskerIn() throws Exception {
        String owner = USERS.get(Actor.OWNER);
        String asker = newcomer();
        long priv = CHANNELS.get(Kind.PRIVATE);
        channels.askToJoin(asker, SLUGS.get(Kind.PRIVATE));
        channels.askToJoin(asker, SLUGS.get(Kind.PRIVATE));
        List<NotificationView> told = notifications.list(owner, null, 50).stream()
                .filter(n -> n.kind().equals("JOIN_REQUEST") && n.actorUsername().equals(asker)).toList();
        assertEquals(1, told.size(), "asking twice tells the owners once");
        assertEquals(SLUGS.get(Kind.PRIVATE), told.get(0).channelSlug());
        assertTrue(notifications.list(USERS.get(Actor.MEMBER), null, 50).stream().noneMatch(n -> asker.equals(n.actorUsername())),
                "members who do not own the channel are not told");
        assertTrue(channels.list(asker).stream().noneMatch(s -> s.id() == priv),
                "the asker's own channel list does not reveal that the channel exists");
        assertTrue(assertDoesNotFind(asker, priv));
        ChannelMember request = channels.members(owner, priv).stream().filter(m -> m.username().equals(asker)).findFirst().orElseThrow();
        assertEquals("REQUEST", request.role());

        assertThrows(Refused.class, () -> channels.approve(owner, priv, "nobody." + run));
        assertEquals("Y", did(() -> channels.approve(owner, priv, asker)));
        assertEquals("MEMBER", channels.details(asker, SLUGS.get(Kind.PRIVATE)).summary().role());
        assertTrue(timeline.channel(asker, priv, null, 50).entries().stream().anyMatch(e -> e.id() == THREADS.get(Kind.PRIVATE)));
        assertTrue(notifications.list(asker, null, 50).stream().anyMatch(n -> n.kind().equals("JOINED")
                && SLUGS.get(Kind.PRIVATE).equals(n.channelSlug())));
    }

    @Test
    @Order(10)
    void anInvitationShowsTheChannelToTheInviteeWhoAcceptsByJoining() throws Exception {
        String owner = USERS.get(Actor.OWNER);
        String invitee = newcomer();
        long priv = CHANNELS.get(Kind.PRIVATE);
        channels.invite(owner, priv, invitee);
        assertEquals("ALREADY", did(() -> channels.invite(owner, priv, invitee)));
        ChannelSummary listed = channels.list(invitee).stream().filter(s -> s.id() == priv).findFirst().orElseThrow();
        assertTrue(listed.invited());
        assertFalse(listed.isMember());
        assertTrue(notifications.list(invitee, null, 50).stream().anyMatch(n -> n.kind().equals("INVITATION")));
        ChannelDetails details = channels.details(invitee, SLUGS.get(Kind.PRIVATE));
        assertTrue(details.canJoin());
        assertEquals("NOT_FOUND", outcome(() -> timeline.channel(invitee, priv, null, 5)), "no reading before accepting");
        assertTrue(channels.join(invitee, priv));
        assertTrue(timeline.channel(invitee, priv, null, 50).entries().stream().anyMatch(e -> e.id() == THREADS.get(Kind.PRIVATE)));

        // Declining: the invitation is gone, and with it the channel from the list.
        String decliner = newcomer();
        channels.invite(owner, priv, decliner);
        channels.leave(decliner, priv);
        assertTrue(channels.list(decliner).stream().noneMatch(s -> s.id() == priv));
        assertTrue(assertDoesNotFind(decliner, priv));
        assertEquals("INVALID", did(() -> channels.invite(owner, priv, "nobody." + run)));
        assertEquals("ALREADY", did(() -> channels.invite(owner, priv, USERS.get(Actor.MEMBER))));
    }

    @Test
    @Order(11)
    void aPrivateChannelNeverShowsToSomeoneOutside() throws Exception {
        String outsider = USERS.get(Actor.OUTSIDER);
        long priv = CHANNELS.get(Kind.PRIVATE);
        String slug = SLUGS.get(Kind.PRIVATE);
        assertTrue(assertDoesNotFind(outsider, priv));
        Refused unknown = assertThrows(Refused.class, () -> channels.details(outsider, "no-such-channel-" + run));
        Refused hidden = assertThrows(Refused.class, () -> channels.details(outsider, slug));
        assertEquals(unknown.reason(), hidden.reason());
        // Asking to join answers the same, and changes nothing the asker can see.
        channels.askToJoin(outsider, "no-such-channel-" + run);
        channels.askToJoin(outsider, slug);
        assertTrue(assertDoesNotFind(outsider, priv));
        assertTrue(channels.list(outsider).stream().noneMatch(s -> s.id() == priv));
        // A member mentions the outsider in the private channel: no mention and no notification reaches them.
        String text = "@" + outsider + " secret plans " + run;
        long post = posts.publish(USERS.get(Actor.MEMBER), new Draft(text, priv, null, null)).getId();
        assertTrue(notifications.list(outsider, null, 50).stream().noneMatch(n -> Long.valueOf(post).equals(n.postId())));
        assertTrue(timeline.company(outsider, null, 100).entries().stream().noneMatch(e -> e.id() == post));
        assertTrue(timeline.home(outsider, null, 100).entries().stream().noneMatch(e -> e.id() == post));
        assertTrue(timeline.profile(outsider, USERS.get(Actor.MEMBER), null, 100).entries().stream().noneMatch(e -> e.id() == post));
        // Creating a channel of the same name neither fails nor says that the private one exists.
        String name = em.find(Channel.class, priv).getName();
        Channel twin = channels.create(outsider, name, null, Channel.Access.OPEN, Channel.Posting.MEMBERS);
        assertEquals(name, twin.getName());
        assertEquals(org.babillard.channels.control.ChannelNames.slug(name), twin.getSlug(),
                "the plain address: the private channel's own address has a random ending and never collides");
        assertEquals("channel.nameTaken", refusal(() -> channels.create(USERS.get(Actor.MEMBER), name, null,
                Channel.Access.OPEN, Channel.Posting.MEMBERS)), "the open twin is visible to all: its name is taken");
        // The owner denies the request (made by an outsider who guessed the address) and the outsider still sees nothing.
        channels.deny(USERS.get(Actor.OWNER), priv, outsider);
        assertTrue(assertDoesNotFind(outsider, priv));
    }

    @Test
    @Order(12)
    void unreadCountsFollowWhatMembersHaveNotSeen() throws Exception {
        String owner = USERS.get(Actor.OWNER);
        String reader = newcomer();
        String outsider = newcomer();
        long ch = channels.create(owner, "Unread " + run, null, Channel.Access.OPEN, Channel.Posting.MEMBERS).getId();
        long secret = channels.create(owner, "Unread secret " + run, null, Channel.Access.PRIVATE, Channel.Posting.MEMBERS).getId();
        channels.join(reader, ch);
        long before = channels.unreadTotal(reader);
        long newest = 0;
        for (int i = 0; i < 3; i++) {
            newest = posts.publish(owner, new Draft("Unread " + i + " " + run, ch, null, null)).getId();
        }
        posts.publish(owner, new Draft("Secret " + run, secret, null, null));
        posts.publish(reader, new Draft("A reply does not count " + run, null, newest, null));
        posts.publish(reader, new Draft("My own post does not count " + run, ch, null, null));
        assertEquals(3L, channels.unread(reader).get(ch));
        assertEquals(before + 3, channels.unreadTotal(reader));
        assertEquals(3, summary(reader, ch).unread());
        assertEquals(1, summary(owner, ch).unread(), "the owner's own three posts do not count, the reader's one does");
        assertEquals(null, channels.unread(outsider).get(ch), "no unread count outside a channel");
        assertEquals(null, channels.unread(outsider).get(secret));
        assertEquals(0, summary(outsider, ch).unread());

        channels.markRead(reader, ch, newest - 1);
        assertEquals(1L, channels.unread(reader).get(ch));
        channels.markRead(reader, ch, newest);
        assertEquals(null, channels.unread(reader).get(ch));
        assertEquals(before, channels.unreadTotal(reader));
        channels.markRead(reader, ch, 1);
        assertEquals(null, channels.unread(reader).get(ch), "reading never moves backwards");
        channels.markRead(outsider, secret, Long.MAX_VALUE);
        assertEquals(null, channels.unread(outsider).get(secret));
    }

    @Test
    @Order(12)
    void theTopBarsTotalStopsCountingAtTheCapItShowsAs99Plus() throws Exception {
        String owner = USERS.get(Actor.OWNER);
        String reader = newcomer();
        long first = channels.create(owner, "Busy one " + run, null, Channel.Access.OPEN, Channel.Posting.MEMBERS).getId();
        long second = channels.create(owner, "Busy two " + run, null, Channel.Access.OPEN, Channel.Posting.MEMBERS).getId();
        channels.join(reader, first);
        channels.join(reader, second);
        for (int i = 0; i < 60; i++) {
            posts.publish(owner, new Draft("Busy first " + i + " " + run, first, null, null));
            posts.publish(owner, new Draft("Busy second " + i + " " + run, second, null, null));
        }
        assertEquals(60L, channels.unread(reader).get(first), "each channel's own count is whole");
        assertEquals(60L, channels.unread(reader).get(second));
        assertEquals(Channels.UNREAD_COUNTED, channels.unreadTotal(reader), "120 unread: the total stops at the cap");
        channels.markRead(reader, second, Long.MAX_VALUE);
        assertEquals(60L, channels.unreadTotal(reader), "below the cap the total is exact");
    }

    @Test
    @Order(13)
    void creatingAndEditingAreCheckedWithReasonsTheViewsTranslate() throws Exception {
        String owner = USERS.get(Actor.OWNER);
        assertEquals("channel.nameMissing", refusal(() -> channels.create(owner, "  ", null, Channel.Access.OPEN, Channel.Posting.MEMBERS)));
        assertEquals("channel.nameMissing", refusal(() -> channels.create(owner, "!!!", null, Channel.Access.OPEN, Channel.Posting.MEMBERS)));
        assertEquals("channel.nameTooLong", refusal(() -> channels.create(owner, "n".repeat(81), null, Channel.Access.OPEN, Channel.Posting.MEMBERS)));
        assertEquals("channel.descriptionTooLong", refusal(() -> channels.create(owner, "Long " + run, "d".repeat(1001), Channel.Access.OPEN, Channel.Posting.MEMBERS)));
        assertEquals("channel.nameTaken", refusal(() -> channels.create(owner, "OPEN  " + run.toUpperCase(), null, Channel.Access.OPEN, Channel.Posting.MEMBERS)));
        Channel created = channels.create(owner, "  Équipe   Café " + run + " ", "  Hello ", Channel.Access.PRIVATE, Channel.Posting.OWNERS);
        assertTrue(created.getSlug().matches("equipe-cafe-" + run + "-[a-z0-9]{6}"),
                "a private channel's address ends with a random part, never guessed: " + created.getSlug());
        Channel twin = channels.create(USERS.get(Actor.OUTSIDER), "Équipe Café " + run, null, Channel.Access.PRIVATE, Channel.Posting.MEMBERS);
        assertNotEquals(created.getSlug(), twin.getSlug(), "the same name twice, private: two addresses, no refusal");
        // An administrator cannot invite themselves into a private channel, nor open it to everyone.
        String admin = USERS.get(Actor.ADMIN);
        assertEquals(Refused.Reason.NOT_ALLOWED, assertThrows(Refused.class, () -> channels.invite(admin, created.getId(), admin)).reason());
        Channel fresh = channels.find(created.getSlug()).orElseThrow();
        assertEquals(Refused.Reason.NOT_ALLOWED, assertThrows(Refused.class, () -> channels.update(admin, fresh.getId(),
                fresh.getVersion(), fresh.getName(), null, Channel.Access.OPEN, Channel.Posting.MEMBERS)).reason());
        assertEquals(Channel.Access.PRIVATE, channels.find(created.getSlug()).orElseThrow().getAccess());
        assertEquals("Équipe Café " + run, created.getName());

        Channel c = channels.find(SLUGS.get(Kind.OPEN)).orElseThrow();
        long version = c.getVersion();
        channels.update(owner, c.getId(), version, "Open " + run + " renamed", "New words", Channel.Access.OPEN, Channel.Posting.MEMBERS);
        Refused stale = assertThrows(Refused.class, () -> channels.update(USERS.get(Actor.ADMIN), c.getId(), version,
                "Open " + run, null, Channel.Access.OPEN, Channel.Posting.MEMBERS));
        assertEquals(Refused.Reason.CHANGED_MEANWHILE, stale.reason());
        assertEquals("Open " + run + " renamed", channels.details(owner, SLUGS.get(Kind.OPEN)).summary().name());
        Channel team = channels.find(SLUGS.get(Kind.TEAM)).orElseThrow();
        assertEquals("channel.teamIsOpen", refusal(() -> {
            channels.update(owner, team.getId(), team.getVersion(), team.getName(), null, Channel.Access.PRIVATE,
                    Channel.Posting.MEMBERS);
            return team;
        }));
        assertEquals(team.getName(), channels.find(SLUGS.get(Kind.TEAM)).orElseThrow().getName());
    }

    // --- helpers ---

    interface Call {
        Object call() throws Exception;
    }

    interface VoidCall {
        void call() throws Exception;
    }

    private static String did(VoidCall call) {
        return outcome(() -> {
            call.call();
            return Boolean.TRUE;
        });
    }

    private static String outcome(Call call) {
        try {
            Object result = call.call();
            return Boolean.FALSE.equals(result) ? "N" : "Y";
        } catch (Exception e) {
            return failure(e);
        }
    }

    private static String failure(Exception thrown) {
        try {
            throw thrown;
        } catch (Refused e) {
            return e.reason().name();
        } catch (PostRejected e) {
            return "REJECTED";
        } catch (EJBException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause instanceof IllegalStateException && cause.getMessage().contains("no longer works here")
                    ? "gone" : "EJB(" + cause + ")";
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String refusal(Call call) {
        try {
            call.call();
            return "accepted";
        } catch (Refused e) {
            return e.detail();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private void assertMatrix(String what, String expected, BiFunction<Kind, String, String> cell) {
        List<String> rows = new ArrayList<>();
        for (Kind k : Kind.values()) {
            List<String> cells = new ArrayList<>();
            for (Actor a : Actor.values()) {
                cells.add(cell.apply(k, USERS.get(a)));
            }
            rows.add(String.format("%-9s %s", k, String.join(" ", cells)));
        }
        String normalized = expected.lines().map(l -> l.strip().replaceFirst("^(\\S+)\\s+", "$1 "))
                .collect(Collectors.joining("\n"));
        String actual = rows.stream().map(l -> l.replaceFirst("^(\\S+)\\s+", "$1 ")).collect(Collectors.joining("\n"));
        assertEquals(normalized, actual, what + " (columns: " + List.of(Actor.values()) + ")");
    }

    private static String line(Map<Actor, String> outcomes) {
        return outcomes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    /** The private channel stays out of reach for this person everywhere it could show. */
    private boolean assertDoesNotFind(String who, long channelId) {
        String slug = em.find(Channel.class, channelId).getSlug();
        assertEquals("NOT_FOUND", outcome(() -> channels.details(who, slug)), "details");
        assertEquals("NOT_FOUND", outcome(() -> channels.members(who, channelId)), "members");
        assertEquals("NOT_FOUND", outcome(() -> timeline.channel(who, channelId, null, 5)), "timeline");
        assertEquals("NOT_FOUND", outcome(() -> timeline.pinned(who, channelId)), "pinned");
        assertEquals("NOT_FOUND", outcome(() -> timeline.entry(who, THREADS.get(Kind.PRIVATE))), "entry");
        assertEquals("NOT_FOUND", outcome(() -> timeline.conversation(who, THREADS.get(Kind.PRIVATE))), "conversation");
        assertTrue(channels.list(who).stream().noneMatch(s -> s.id() == channelId), "list");
        assertTrue(channels.suggest(who, slug, 50).stream().noneMatch(s -> s.id() == channelId), "suggest");
        assertTrue(channels.suggest(who, "", 50).stream().noneMatch(s -> s.id() == channelId), "suggest everything");
        assertEquals(null, channels.unread(who).get(channelId), "unread");
        return true;
    }

    private ChannelSummary summary(String reader, long channelId) throws Refused {
        String slug = em.find(Channel.class, channelId).getSlug();
        return channels.details(reader, slug).summary();
    }

    private static int newcomers;

    /** A colleague who has logged in once, and belongs nowhere yet. */
    private String newcomer() {
        String name = "ch.new" + (++newcomers) + "." + run;
        person(name, Set.of("employee"));
        return name;
    }

    private void person(String username, Set<String> roles) {
        people.loggedIn(username, new DirectoryProfile(dn(username), "Test " + username, username + "@babillard.example",
                "Tester", "QA", "Lyon"), roles);
    }

    private static String dn(String username) {
        return "uid=" + username + ",ou=people,dc=babillard,dc=example";
    }

    private void leaves(String username) throws Exception {
        transaction.begin();
        em.joinTransaction();
        Employee e = em.createNamedQuery(Employee.FIND_BY_USERNAME, Employee.class).setParameter("username", username)
                .getSingleResult();
        e.left(Instant.now());
        transaction.commit();
        assertFalse(people.find(username).orElseThrow().isActive());
        assertNotNull(USERS.get(Actor.FORMER));
    }

    @SuppressWarnings("unused")
    private static List<Long> ids(List<TimelineEntry> entries) {
        return entries.stream().map(TimelineEntry::id).toList();
    }
}
