package org.babillard.timeline;

import jakarta.inject.Inject;
import org.babillard.channels.boundary.Channels;
import org.babillard.channels.entity.Channel;
import org.babillard.following.boundary.Following;
import org.babillard.it.Deployments;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.DirectoryProfile;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.Posts;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelineEntry;
import org.babillard.timeline.boundary.TimelinePage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The home timeline: the union of the reader's own posts, people, channels and topics, paged without gaps. */
@ExtendWith(ArquillianExtension.class)
class TimelineIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.babillardWithTests(TimelineIT.class);
    }

    @Inject
    People people;

    @Inject
    Posts posts;

    @Inject
    Timeline timeline;

    @Inject
    Following following;

    @Inject
    Channels channels;

    /** The reader's home timeline, page after page of four, until its end or {@code atMost} posts. */
    private List<Long> walkHome(String reader, int atMost) {
        List<Long> walked = new ArrayList<>();
        TimelinePage page = timeline.home(reader, null, 4);
        walked.addAll(page.entries().stream().map(TimelineEntry::id).toList());
        while (page.hasMore() && walked.size() < atMost) {
            page = timeline.home(reader, page.nextBefore(), 4);
            walked.addAll(page.entries().stream().map(TimelineEntry::id).toList());
        }
        return walked;
    }

    private String person(String role, String run) {
        String login = "it.tl." + role + "." + run;
        people.loggedIn(login, new DirectoryProfile("uid=" + login + ",ou=people,dc=babillard,dc=example",
                "Timeline " + role, login + "@babillard.example", "Tester", "QA", "Lyon"));
        return login;
    }

    @Test
    void homeMergesMyPostsPeopleChannelsAndTopicsNewestFirstAcrossPages() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String reader = person("reader", run);
        String friend = person("friend", run);
        String stranger = person("stranger", run);
        String tag = "sujet" + run;
        String second = "autre" + run;
        following.follow(reader, friend);
        following.followTopic(reader, tag);
        following.followTopic(reader, second);
        Channel mine = channels.create(stranger, "Mine " + run, null, Channel.Access.OPEN, Channel.Posting.MEMBERS);
        channels.join(reader, mine.getId());
        channels.join(friend, mine.getId());
        Channel other = channels.create(stranger, "Other " + run, null, Channel.Access.OPEN, Channel.Posting.MEMBERS);
        // Posts that every source names but the reader may not read: the sources' ids are merged, then the rule decides.
        Channel secret = channels.create(stranger, "Secret " + run, null, Channel.Access.PRIVATE, Channel.Posting.MEMBERS);

        List<Long> expected = new ArrayList<>();
        List<Long> unexpected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expected.add(posts.publish(reader, "mine " + i).getId());
            expected.add(posts.publish(friend, "friend " + i).getId());
            unexpected.add(posts.publish(stranger, "stranger " + i).getId());
            expected.add(posts.publish(stranger, Draft.inChannel(mine.getId(), "in my channel " + i)).getId());
            unexpected.add(posts.publish(stranger, Draft.inChannel(other.getId(), "elsewhere " + i)).getId());
            expected.add(posts.publish(stranger, "about #" + tag + " " + i).getId());
            // In my channel, by my friend, with my topic: one post, shown once.
            expected.add(posts.publish(friend, Draft.inChannel(mine.getId(), "all three #" + tag + " " + i)).getId());
            unexpected.add(posts.publish(friend, Draft.reply(expected.get(expected.size() - 1), "a reply stays in its thread")).getId());
            expected.add(posts.publish(stranger, "thanks @" + reader + " " + i).getId());
            expected.add(posts.publish(stranger, "the other topic #" + second + " " + i).getId());
            unexpected.add(posts.publish(stranger, Draft.inChannel(secret.getId(), "#" + tag + " #" + second + " @" + reader
                    + " not for the reader " + i)).getId());
        }

        List<Long> walked = walkHome(reader, 200);
        List<Long> newestFirst = new ArrayList<>(expected);
        newestFirst.sort(java.util.Comparator.reverseOrder());
        List<Long> ours = walked.stream().filter(id -> expected.contains(id) || unexpected.contains(id)).toList();
        assertEquals(newestFirst, ours,
                "exactly my posts, my friend's, my channel's, my two topics' and those that mention me, newest first");
        Set<Long> seen = new HashSet<>();
        walked.forEach(id -> assertTrue(seen.add(id), "no post twice across pages"));
        assertEquals(0, timeline.newerOnHome(reader, newestFirst.get(0)));
        assertEquals(3, timeline.newerOnHome(reader, newestFirst.get(3)), "three posts are newer than the fourth");
    }

    @Test
    void aProfilePagesThroughAllThePersonsReadablePostsAndRepliesNewestFirst() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String reader = person("preader", run);
        String author = person("pauthor", run);
        String owner = person("powner", run);
        Channel secret = channels.create(owner, "Secret " + run, null, Channel.Access.PRIVATE, Channel.Posting.MEMBERS);
        channels.invite(owner, secret.getId(), author);
        channels.join(author, secret.getId());
        List<Long> readable = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            long post = posts.publish(author, "profile " + i).getId();
            readable.add(post);
            readable.add(posts.publish(author, Draft.reply(post, "and a reply " + i)).getId());
            posts.publish(author, Draft.inChannel(secret.getId(), "not for the reader " + i));
        }
        List<Long> walked = new ArrayList<>();
        TimelinePage page = timeline.profile(reader, author, null, 5);
        walked.addAll(page.entries().stream().map(TimelineEntry::id).toList());
        while (page.hasMore()) {
            page = timeline.profile(reader, author, page.nextBefore(), 5);
            walked.addAll(page.entries().stream().map(TimelineEntry::id).toList());
        }
        readable.sort(java.util.Comparator.reverseOrder());
        assertEquals(readable, walked, "18 posts and replies in four pages, none of the private channel's");
    }

    /*
     * Beyond the window (seven posts in the tests), each person and channel is read on its own index, and each stops
     * at the page's last post once the page is full (Timeline#eachSource). A burst of other people's posts has pushed
     * everything the reader follows out of the window: the pages are still the newest of all, none missed, none twice.
     */
    @Test
    void aBurstOfOtherPeoplesPostsLeavesTheHomeWholeAndInOrder() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String reader = person("breader", run);
        String early = person("bearly", run);
        String late = person("blate", run);
        String stranger = person("bstranger", run);
        Channel team = channels.create(stranger, "Burst " + run, null, Channel.Access.OPEN, Channel.Posting.MEMBERS);
        channels.join(reader, team.getId());
        following.follow(reader, early);
        following.follow(reader, late);
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            expected.add(posts.publish(early, "early " + i).getId());
        }
        expected.add(posts.publish(stranger, Draft.inChannel(team.getId(), "in the team")).getId());
        for (int i = 0; i < 3; i++) {
            expected.add(posts.publish(late, "late " + i).getId());
            expected.add(posts.publish(early, "early again " + i).getId());
        }
        for (int i = 0; i < 20; i++) {
            posts.publish(stranger, "burst " + i);
        }
        List<Long> walked = walkHome(reader, 100);
        List<Long> newestFirst = new ArrayList<>(expected);
        newestFirst.sort(java.util.Comparator.reverseOrder());
        assertEquals(newestFirst, walked.stream().filter(expected::contains).toList(),
                "both people's posts and the channel's, newest first, across pages of four");
        assertEquals(expected.size(), walked.stream().filter(expected::contains).distinct().count(), "none twice");
        assertEquals(newestFirst.subList(0, 4), walked.subList(0, 4), "the first page: the newest four the reader follows");
        assertEquals(5, timeline.newerOnHome(reader, newestFirst.get(5)), "five posts above the sixth, across the burst");
    }
}
