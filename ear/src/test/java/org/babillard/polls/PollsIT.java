package org.babillard.polls;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.babillard.channels.boundary.Channels;
import org.babillard.channels.entity.Channel;
import org.babillard.it.Deployments;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.DirectoryProfile;
import org.babillard.platform.boundary.Refused;
import org.babillard.polls.boundary.PollResults;
import org.babillard.polls.boundary.Polls;
import org.babillard.polls.boundary.QuestionState;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.Posts;
import org.babillard.posts.entity.Post;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Polls and questions on the real server and database: the rules for choices and deadlines, one vote per person
 * even under concurrent clicks, counts hidden until one votes, closed polls, private channels, best answers.
 */
@ExtendWith(ArquillianExtension.class)
class PollsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.babillardWithTests(PollsIT.class);
    }

    @Inject
    Polls polls;

    @Inject
    Posts posts;

    @Inject
    People people;

    @Inject
    Channels channels;

    @PersistenceContext(unitName = "babillard-ejb.jar#babillard")
    EntityManager em;

    @Resource
    UserTransaction tx;

    private String run;
    private String author;
    private String voter;
    private String other;

    @BeforeEach
    void people() {
        run = UUID.randomUUID().toString().substring(0, 8);
        author = employee("author");
        voter = employee("voter");
        other = employee("other");
    }

    @Test
    void choicesAndDeadlineFollowTheRules() throws Exception {
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        assertEquals("poll.choiceCount", invalid(List.of("Only one"), tomorrow));
        assertEquals("poll.choiceCount", invalid(List.of("One", "  ", ""), tomorrow));
        assertEquals("poll.choiceCount", invalid(List.of("1", "2", "3", "4", "5", "6", "7"), tomorrow));
        assertEquals("poll.choiceTwice", invalid(List.of("Tea", "tea "), tomorrow));
        assertEquals("poll.choiceTooLong", invalid(List.of("Short", "é".repeat(101)), tomorrow));
        assertEquals("poll.deadlinePast", invalid(List.of("A", "B"), Instant.now().minusSeconds(60)));
        assertEquals("poll.deadlineTooFar", invalid(List.of("A", "B"), Instant.now().plus(Duration.ofDays(91))));
        // Nothing was published by the refused polls.
        assertEquals(0L, em.createQuery("select count(p) from Post p where p.text like :t", Long.class)
                .setParameter("t", "Refused poll " + run + "%").getSingleResult());

        // 100 code points exactly (emoji count one each), six choices, 90 days ahead: accepted.
        List<String> six = List.of("😀".repeat(100), "B", "C", "D", "E", "F");
        Post post = polls.publishPoll(author, Draft.companyWide("Six choices " + run), six,
                Instant.now().plus(Duration.ofDays(90)).minusSeconds(60));
        PollResults results = polls.results(author, post.getId());
        assertEquals(6, results.getChoices().size());
        assertEquals("😀".repeat(100), results.getChoices().get(0).getText());
        assertEquals("F", results.getChoices().get(5).getText());
    }

    @Test
    void oneVotePerPersonAndCountsHiddenUntilOneVotes() throws Exception {
        Post post = polls.publishPoll(author, Draft.companyWide("Lunch? " + run), List.of("Pizza", "Sushi", "Salad"),
                Instant.now().plus(Duration.ofDays(1)));
        polls.vote(other, post.getId(), 1);

        PollResults before = polls.results(voter, post.getId());
        assertFalse(before.isShown());
        assertFalse(before.isVoted());
        assertEquals(0, before.getTotal());
        assertTrue(before.getChoices().stream().allMatch(c -> c.getVotes() == 0), "counts hidden before voting");
        assertEquals(List.of("Pizza", "Sushi", "Salad"), before.getChoices().stream().map(PollResults.Choice::getText).toList());

        PollResults after = polls.vote(voter, post.getId(), 1);
        assertTrue(after.isShown());
        assertEquals(1, after.getMyChoice());
        assertEquals(2, after.getTotal());
        assertEquals(2, after.getChoices().get(1).getVotes());
        assertEquals(100, after.getChoices().get(1).getPercent());
        assertTrue(after.getChoices().get(1).isMine());

        Refused again = assertThrows(Refused.class, () -> polls.vote(voter, post.getId(), 0));
        assertEquals(Refused.Reason.ALREADY, again.reason());
        assertEquals(1, polls.results(voter, post.getId()).getMyChoice(), "the first vote stays");
        assertEquals(Refused.Reason.INVALID, assertThrows(Refused.class, () -> polls.vote(author, post.getId(), 3)).reason());
        assertEquals(Refused.Reason.NOT_FOUND, assertThrows(Refused.class,
                () -> polls.vote(author, posts.publish(author, "No poll here " + run).getId(), 0)).reason());
    }

    @Test
    void tenConcurrentClicksMakeOneVote() throws Exception {
        Post post = polls.publishPoll(author, Draft.companyWide("Clicks " + run), List.of("Yes", "No"),
                Instant.now().plus(Duration.ofDays(1)));
        int clicks = 10;
        CountDownLatch start = new CountDownLatch(1);
        List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clicks; i++) {
            int choice = i % 2;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    polls.vote(voter, post.getId(), choice);
                    outcomes.add("OK");
                } catch (Refused e) {
                    outcomes.add(e.reason().name());
                } catch (Exception e) {
                    outcomes.add("FAILED " + e);
                }
            });
            threads.add(t);
            t.start();
        }
        start.countDown();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertEquals(1, outcomes.stream().filter("OK"::equals).count(), outcomes.toString());
        assertEquals(clicks - 1, outcomes.stream().filter("ALREADY"::equals).count(), outcomes.toString());
        assertEquals(1L, em.createQuery("select count(v) from PollVote v where v.poll.postId = :p", Long.class)
                .setParameter("p", post.getId()).getSingleResult());
        assertEquals(1, polls.results(voter, post.getId()).getTotal());
    }

    @Test
    void aClosedPollRefusesVotesAndShowsItsCounts() throws Exception {
        Post post = polls.publishPoll(author, Draft.companyWide("Closing " + run), List.of("Early", "Late"),
                Instant.now().plus(Duration.ofHours(1)));
        polls.vote(other, post.getId(), 0);
        tx.begin();
        em.createQuery("update Poll p set p.deadline = :d where p.postId = :id")
                .setParameter("d", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1)).setParameter("id", post.getId())
                .executeUpdate();
        tx.commit();

        Refused closed = assertThrows(Refused.class, () -> polls.vote(voter, post.getId(), 1));
        assertEquals(Refused.Reason.INVALID, closed.reason());
        assertEquals("poll.closed", closed.detail());
        PollResults results = polls.results(voter, post.getId());
        assertTrue(results.isClosed());
        assertTrue(results.isShown(), "the counts show to everyone once closed");
        assertFalse(results.isVoted());
        assertEquals(1, results.getTotal());
        assertEquals(1, results.getChoices().get(0).getVotes());
    }

    @Test
    void aPollInAPrivateChannelIsNotFoundForOutsiders() throws Exception {
        Channel secret = channels.create(author, "Polls secret " + run, "PollsIT", Channel.Access.PRIVATE,
                Channel.Posting.MEMBERS);
        channels.invite(author, secret.getId(), voter);
        assertTrue(channels.join(voter, secret.getId()));
        Post post = polls.publishPoll(author, Draft.inChannel(secret.getId(), "Secret poll " + run), List.of("A", "B"),
                Instant.now().plus(Duration.ofDays(3)));

        assertEquals(Refused.Reason.NOT_FOUND, assertThrows(Refused.class, () -> polls.vote(other, post.getId(), 0)).reason());
        assertEquals(Refused.Reason.NOT_FOUND, assertThrows(Refused.class, () -> polls.results(other, post.getId())).reason());
        assertEquals(Map.of(), polls.among(other, List.of(post.getId())));
        polls.vote(voter, post.getId(), 0);
        assertEquals(1, polls.among(voter, List.of(post.getId())).get(post.getId()).getTotal());
        assertEquals(0L, em.createQuery("select count(v) from PollVote v where v.poll.postId = :p and v.employee.username = :u", Long.class)
                .setParameter("p", post.getId()).setParameter("u", other).getSingleResult());
        // A question there is one for its members only: who else asks learns nothing of it, not even that it is one.
        Post asked = polls.ask(author, Draft.inChannel(secret.getId(), "Secret question? " + run));
        assertEquals(new QuestionState(author, null), polls.questionsAmong(voter, List.of(asked.getId(), post.getId())).get(asked.getId()));
        assertEquals(Map.of(), polls.questionsAmong(other, List.of(asked.getId(), post.getId())));
    }

    @Test
    void onlyTheAskerMarksABestAnswerFromTheThread() throws Exception {
        Post question = polls.ask(author, Draft.companyWide("Who knows the wifi password? " + run));
        Post answer = posts.publish(voter, Draft.reply(question.getId(), "Ask IT " + run));
        Post better = posts.publish(other, Draft.reply(answer.getId(), "It is on the fridge " + run));
        Post elsewhere = posts.publish(other, "Unrelated " + run);
        Post notAQuestion = posts.publish(author, "A plain post " + run);
        Post replyToPlain = posts.publish(voter, Draft.reply(notAQuestion.getId(), "Reply " + run));

        assertEquals(new QuestionState(author, null), polls.questionsAmong(voter, List.of(question.getId())).get(question.getId()));
        assertFalse(polls.questionsAmong(voter, List.of(notAQuestion.getId())).containsKey(notAQuestion.getId()));

        assertEquals(Refused.Reason.NOT_ALLOWED, assertThrows(Refused.class,
                () -> polls.markBestAnswer(voter, question.getId(), answer.getId())).reason());
        assertEquals(Refused.Reason.INVALID, assertThrows(Refused.class,
                () -> polls.markBestAnswer(author, question.getId(), elsewhere.getId())).reason());
        assertEquals(Refused.Reason.INVALID, assertThrows(Refused.class,
                () -> polls.markBestAnswer(author, question.getId(), question.getId())).reason());
        assertEquals(Refused.Reason.NOT_FOUND, assertThrows(Refused.class,
                () -> polls.markBestAnswer(author, notAQuestion.getId(), replyToPlain.getId())).reason());

        polls.markBestAnswer(author, question.getId(), answer.getId());
        assertEquals(answer.getId(), polls.questionsAmong(other, List.of(question.getId())).get(question.getId()).bestAnswerId());
        // A reply to a reply is in the thread too; choosing it moves the mark.
        polls.markBestAnswer(author, question.getId(), better.getId());
        assertEquals(better.getId(), polls.questionsAmong(voter, List.of(question.getId())).get(question.getId()).bestAnswerId());
    }

    private String invalid(List<String> choices, Instant deadline) {
        Refused refused = assertThrows(Refused.class, () -> polls.publishPoll(author,
                Draft.companyWide("Refused poll " + run + " " + choices), choices, deadline));
        assertEquals(Refused.Reason.INVALID, refused.reason());
        return refused.detail();
    }

    private String employee(String role) {
        String username = "pl." + role + "." + run;
        people.loggedIn(username, new DirectoryProfile("uid=" + username + ",ou=people,dc=babillard,dc=example",
                "Test " + username, username + "@babillard.example", "QA", "Ingénierie", "Lyon"));
        return username;
    }
}
