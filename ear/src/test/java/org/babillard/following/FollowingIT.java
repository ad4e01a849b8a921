package org.babillard.following;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.babillard.channels.boundary.Channels;
import org.babillard.channels.entity.Channel;
import org.babillard.following.boundary.Following;
import org.babillard.it.Deployments;
import org.babillard.live.control.LiveUpdates;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.DirectoryProfile;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.Posts;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelineEntry;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Following colleagues and topics on the real server: counts, the home and company streams, the "new posts"
 * count, and who hears of a new post live.
 */
@ExtendWith(ArquillianExtension.class)
class FollowingIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.babillardWithTests(FollowingIT.class);
    }

    @Inject
    Following following;

    @Inject
    People people;

    @Inject
    Posts posts;

    @Inject
    Channels channels;

    @Inject
    Timeline timeline;

    @Inject
    LiveUpdates live;

    @PersistenceContext(unitName = "babillard-ejb.jar#babillard")
    EntityManager em;

    @Resource
    UserTransaction tx;

    /** What the live seam was asked to send, per message. */
    private final Map<String, Set<String>> heard = new ConcurrentHashMap<>();
    private final BiConsumer<String, Collection<String>> listener = (json, users) -> heard.put(json, Set.copyOf(users));

    @BeforeEach
    void listen() {
        live.register(listener);
    }

    @AfterEach
    void stopListening() {
        live.unregister(listener);
    }

    @Test
    void followingIsCountedUndoneAndNeverOfOneselfOrAStranger() throws Refused {
        String a = employee("fa");
        String b = employee("fb");
        assertFalse(following.follows(a, b));
        following.follow(a, b);
        following.follow(a, b);
        assertTrue(following.follows(a, b));
        assertFalse(following.follows(b, a), "following goes one way");
        assertEquals(1, following.followers(b), "following twice counts once");
        assertEquals(1, following.following(a));
        assertEquals(0, following.followers(a));

        following.unfollow(a, b);
        assertFalse(following.follows(a, b));
        assertEquals(0, following.followers(b));
        assertEquals(0, following.following(a));

        Refused self = assertThrows(Refused.class, () -> following.follow(a, a));
        assertEquals(Refused.Reason.INVALID, self.reason());
        Refused nobody = assertThrows(Refused.class, () -> following.follow(a, "no.such." + UUID.randomUUID()));
        assertEquals(Refused.Reason.NOT_FOUND, nobody.reason());
    }

    @Test
    void formerEmployeesAreLeftOutOfTheCountsAndCannotBeFollowed() throws Exception {
        String star = employee("fstar");
        String stays = employee("fstays");
        String leaves = employee("fleaves");
        following.follow(stays, star);
        following.follow(leaves, star);
        following.follow(star, leaves);
        following.follow(star, stays);
        assertEquals(2, following.followers(star));
        assertEquals(2, following.following(star));

        leave(leaves);

        assertEquals(1, following.followers(star), "a former employee no longer counts as a follower");
        assertEquals(1, following.following(star), "nor as someone followed");
        assertEquals(List.of(stays), following.followersOf(star, 10).stream().map(Employee::getUsername).toList());
        Refused refused = assertThrows(Refused.class, () -> following.follow(stays, leaves));
        assertEquals(Refused.Reason.NOT_FOUND, refused.reason());
    }

    @Test
    void homeHoldsMineFollowedPeopleJoinedChannelsAndFollowedTopicsOnlyWhileCompanyHoldsEverythingReadable() throws Exception {
        String reader = employee("hreader");
        String friend = employee("hfriend");
        String stranger = employee("hstranger");
        String owner = employee("howner");
        String topic = "livetopic" + run();
        Channel joined = channels.create(owner, "Live home " + run() + " " + UUID.randomUUID().toString().substring(0, 6),
                null, Channel.Access.OPEN, Channel.Posting.MEMBERS);
        Channel notJoined = channels.create(owner, "Live other " + run() + " " + UUID.randomUUID().toString().substring(0, 6),
                null, Channel.Access.OPEN, Channel.Posting.MEMBERS);
        Channel secret = channels.create(owner, "Live secret " + run() + " " + UUID.randomUUID().toString().substring(0, 6),
                null, Channel.Access.PRIVATE, Channel.Posting.MEMBERS);
        channels.join(reader, joined.getId());
        following.follow(reader, friend);
        following.followTopic(reader, "#" + topic);

        long mine = posts.publish(reader, "my own post").getId();
        long friends = posts.publish(friend, "from someone I follow").getId();
        long friendsReply = posts.publish(friend, Draft.reply(mine, "a reply lives in its thread, not on the home")).getId();
        long inJoined = posts.publish(owner, Draft.inChannel(joined.getId(), "in a channel I joined")).getId();
        long inOther = posts.publish(owner, Draft.inChannel(notJoined.getId(), "in an open channel I did not join")).getId();
        long inSecret = posts.publish(owner, Draft.inChannel(secret.getId(), "private, with #" + topic)).getId();
        long tagged = posts.publish(stranger, "a stranger on #" + topic).getId();
        long strangers = posts.publish(stranger, "a stranger's post").getId();
        Set<Long> all = Set.of(mine, friends, friendsReply, inJoined, inOther, inSecret, tagged, strangers);

        assertEquals(List.of(tagged, inJoined, friends, mine), ids(timeline.home(reader, null, 100).entries(), all));
        assertEquals(List.of(strangers, tagged, inOther, inJoined, friends, mine),
                ids(timeline.company(reader, null, 100).entries(), all),
                "the company stream holds every first post the reader may read, and nothing from a private channel");
        assertEquals(List.of(strangers, tagged, inOther, inJoined, friends, mine),
                ids(timeline.company(stranger, null, 100).entries(), all), "the same for everyone outside the channel");
        assertEquals(List.of(strangers, tagged), ids(timeline.home(stranger, null, 100).entries(), all),
                "nobody else's home holds the reader's follows");

        following.unfollow(reader, friend);
        following.unfollowTopic(reader, topic);
        channels.leave(reader, joined.getId());
        assertEquals(List.of(mine), ids(timeline.home(reader, null, 100).entries(), all), "unfollowing empties the home again");
    }

    @Test
    void theNewPostsCountSeesOnlyWhatTheStreamWouldShow() throws Exception {
        String reader = employee("nreader");
        String friend = employee("nfriend");
        String stranger = employee("nstranger");
        following.follow(reader, friend);
        long top = posts.publish(reader, "the newest post on my home").getId();
        assertEquals(0, timeline.newerOnHome(reader, top));

        long first = posts.publish(friend, "one").getId();
        posts.publish(stranger, "not for my home");
        posts.publish(friend, Draft.reply(first, "a reply is not a new post on the home"));
        assertEquals(1, timeline.newerOnHome(reader, top));
        posts.publish(friend, "two");
        assertEquals(2, timeline.newerOnHome(reader, top));
        assertTrue(timeline.newerOnCompany(reader, top) >= 3, "the company stream counts the stranger's post too");
        posts.delete(friend, first);
        assertEquals(1, timeline.newerOnHome(reader, top), "a deleted post is no news");
    }

    @Test
    void aNewPostIsSignalledToItsAuthorFollowersTopicFollowersAndChannelMembersOnly() throws Exception {
        String author = employee("lauthor");
        String follower = employee("lfollower");
        String topicFan = employee("lfan");
        String member = employee("lmember");
        String bystander = employee("lbystander");
        String topic = "livesignal" + run();
        following.follow(follower, author);
        following.followTopic(topicFan, topic);

        long companyWide = posts.publish(author, "hello #" + topic).getId();
        assertEquals(Set.of(author, follower, topicFan), audience(companyWide));

        Channel open = channels.create(member, "Live open " + run() + " " + UUID.randomUUID().toString().substring(0, 6), null,
                Channel.Access.OPEN, Channel.Posting.MEMBERS);
        channels.join(author, open.getId());
        long inOpen = posts.publish(author, Draft.inChannel(open.getId(), "in the open channel")).getId();
        assertEquals(Set.of(author, follower, member), audience(inOpen));

        Channel secret = channels.create(member, "Live private " + run() + " " + UUID.randomUUID().toString().substring(0, 6), null,
                Channel.Access.PRIVATE, Channel.Posting.MEMBERS);
        channels.invite(member, secret.getId(), author);
        channels.join(author, secret.getId());
        long inSecret = posts.publish(author, Draft.inChannel(secret.getId(), "members only #" + topic)).getId();
        assertEquals(Set.of(author, member), audience(inSecret),
                "a private channel's post reaches its members only, not the author's followers nor the topic's");

        long reply = posts.publish(member, Draft.reply(inSecret, "a reply, still private")).getId();
        assertEquals(Set.of(author, member), audience(reply));
        assertTrue(heard.values().stream().noneMatch(users -> users.contains(bystander)), "nobody else hears anything");
    }

    /**
     * The signal leaves as the post commits, on the committing thread: it is there when the author has their answer
     * (never queued behind other work, docs/benchmarks.md), and a post whose transaction rolls back is never signalled.
     */
    @Test
    void aPostIsSignalledAsItCommitsAndARolledBackOneNever() throws Exception {
        String author = employee("lcommit");
        String follower = employee("lcommitfan");
        following.follow(follower, author);

        long committed = posts.publish(author, "signalled as it commits").getId();
        String marker = "{\"type\":\"post\",\"id\":" + committed + ",";
        assertTrue(heard.entrySet().stream().anyMatch(e -> e.getKey().startsWith(marker) && e.getValue().contains(follower)),
                "heard before publish returned; heard " + heard.keySet());

        tx.begin();
        long rolledBack = posts.publish(author, "never signalled").getId();
        String rolledBackMarker = "{\"type\":\"post\",\"id\":" + rolledBack + ",";
        assertTrue(heard.keySet().stream().noneMatch(json -> json.startsWith(rolledBackMarker)), "nothing before the commit");
        tx.rollback();
        Thread.sleep(1000);
        assertTrue(heard.keySet().stream().noneMatch(json -> json.startsWith(rolledBackMarker)),
                "a rolled-back post is never signalled; heard " + heard.keySet());
    }

    /** Who the seam was asked to tell about this post, waiting for the delivery. */
    private Set<String> audience(long postId) throws InterruptedException {
        String marker = "{\"type\":\"post\",\"id\":" + postId + ",";
        for (int i = 0; i < 100; i++) {
            var found = heard.entrySet().stream().filter(e -> e.getKey().startsWith(marker)).findFirst();
            if (found.isPresent()) {
                return found.get().getValue();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No live message about post " + postId + " within 10 s; heard " + heard.keySet());
    }

    private static List<Long> ids(List<TimelineEntry> entries, Set<Long> among) {
        return entries.stream().map(TimelineEntry::id).filter(among::contains).collect(Collectors.toList());
    }

    private void leave(String username) throws Exception {
        tx.begin();
        try {
            people.find(username).orElseThrow().left(Clock.systemUTC().instant());
            tx.commit();
        } catch (Exception e) {
            tx.rollback();
            throw e;
        }
    }

    /** Names unique to this run, so that a database kept from an earlier run changes nothing. */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 2_176_782_336L, 36);

    private static String run() {
        return RUN;
    }

    private String employee(String name) {
        String username = "it." + name + "." + RUN;
        people.loggedIn(username, new DirectoryProfile("uid=" + username + ",ou=people,dc=babillard,dc=example",
                "Live " + name, username + "@babillard.example", "QA", "Ingénierie", "Lyon"));
        return username;
    }
}
