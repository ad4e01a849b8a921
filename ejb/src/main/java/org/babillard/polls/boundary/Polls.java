package org.babillard.polls.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;
import org.babillard.polls.entity.Poll;
import org.babillard.polls.entity.PollChoice;
import org.babillard.polls.entity.PollVote;
import org.babillard.polls.entity.Question;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.PostRejected;
import org.babillard.posts.boundary.Posts;
import org.babillard.posts.control.PostText;
import org.babillard.posts.control.Visibility;
import org.babillard.posts.entity.Post;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Polls and questions on posts. A poll is published with its post in one transaction; each employee votes once
 * per poll and cannot change their vote (a vote is a commitment, and it keeps "one vote per person" simple to
 * trust); the counts show only after one's vote or once the poll is closed. A question's asker marks one reply
 * of its thread as the best answer. Who may see a poll or a question is who may read its post ({@link Visibility}).
 */
@Stateless
public class Polls {

    public static final int MIN_CHOICES = 2;
    public static final int MAX_CHOICES = 6;
    /** The longest choice, in code points. */
    public static final int CHOICE_LIMIT = 100;
    /** How far ahead a deadline may be. */
    public static final Duration LONGEST = Duration.ofDays(90);

    @PersistenceContext
    EntityManager em;

    @Inject
    Posts posts;

    @Inject
    People people;

    /**
     * Publishes a post with a poll.
     *
     * @throws Refused INVALID (detail {@code poll.*}) for choices or a deadline that break the rules, or what
     *                 {@link Posts#publish(String, Draft)} refuses
     */
    public Post publishPoll(String authorUsername, Draft draft, List<String> choices, Instant deadline)
            throws PostRejected, Refused {
        return publish(authorUsername, draft, choices, deadline, false);
    }

    /** Publishes a post asked as a question: its author may later mark the best answer among the replies. */
    public Post ask(String authorUsername, Draft draft) throws PostRejected, Refused {
        return publish(authorUsername, draft, null, null, true);
    }

    /**
     * Publishes a post, with a poll when {@code choices} is not null, marked as a question when asked: all of it
     * or nothing. A composer's key already used returns the post published then, as it is.
     */
    public Post publish(String authorUsername, Draft draft, List<String> choices, Instant deadline, boolean question)
            throws PostRejected, Refused {
        List<String> checked = choices == null ? null : checkedChoices(choices);
        if (choices != null) {
            checkDeadline(deadline);
        }
        Post post = posts.publish(authorUsername, draft);
        boolean fresh = em.find(Poll.class, post.getId()) == null && em.find(Question.class, post.getId()) == null;
        if (!fresh) {
            return post;
        }
        if (checked != null) {
            Poll poll = new Poll(post, deadline);
            em.persist(poll);
            for (int i = 0; i < checked.size(); i++) {
                em.persist(new PollChoice(poll, i, checked.get(i)));
            }
        }
        if (question) {
            em.persist(new Question(post.getId()));
        }
        return post;
    }

    /**
     * The reader votes for the choice at this index (0 first).
     *
     * @throws Refused NOT_FOUND for a poll the voter cannot read; INVALID {@code poll.closed} after the deadline,
     *                 {@code poll.noSuchChoice} for an index out of range; ALREADY {@code poll.alreadyVoted}
     */
    public PollResults vote(String username, long postId, int choiceIndex) throws Refused {
        Employee voter = actor(username);
        posts.readable(username, postId);
        // One voter at a time per poll: a second click waits here, then finds the first click's vote.
        Poll poll = em.find(Poll.class, postId, LockModeType.PESSIMISTIC_WRITE);
        if (poll == null) {
            throw Refused.notFound("poll " + postId);
        }
        Instant now = Clock.systemUTC().instant();
        if (poll.isClosedAt(now)) {
            throw new Refused(Refused.Reason.INVALID, "poll.closed");
        }
        List<PollChoice> choices = em.createNamedQuery(PollChoice.OF, PollChoice.class).setParameter("poll", postId)
                .getResultList();
        if (choiceIndex < 0 || choiceIndex >= choices.size()) {
            throw new Refused(Refused.Reason.INVALID, "poll.noSuchChoice");
        }
        long already = em.createNamedQuery(PollVote.COUNT, Long.class).setParameter("poll", postId)
                .setParameter("employee", voter.getId()).getSingleResult();
        if (already > 0) {
            throw new Refused(Refused.Reason.ALREADY, "poll.alreadyVoted");
        }
        em.persist(new PollVote(poll, voter, choices.get(choiceIndex), now));
        try {
            em.flush();
        } catch (PersistenceException e) {
            // The unique key (poll, employee) is the last word: another transaction's vote got in first.
            throw new Refused(Refused.Reason.ALREADY, "poll.alreadyVoted");
        }
        return results(username, postId);
    }

    /** The poll of this post as the reader sees it. @throws Refused NOT_FOUND if unreadable or without a poll */
    public PollResults results(String username, long postId) throws Refused {
        posts.readable(username, postId);
        PollResults results = among(username, List.of(postId)).get(postId);
        if (results == null) {
            throw Refused.notFound("poll " + postId);
        }
        return results;
    }

    /**
     * The polls among these posts that the reader may read, by post id, in at most four queries whatever the number
     * of posts: for a page of a timeline (one, by key, when none of them has a poll).
     */
    public Map<Long, PollResults> among(String username, Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        // Most pages hold no poll: one look-up by key settles it, before the reader and the visibility rule.
        List<Long> withPoll = em.createQuery("select pl.postId from Poll pl where pl.postId in :posts", Long.class)
                .setParameter("posts", new HashSet<>(postIds)).getResultList();
        if (withPoll.isEmpty()) {
            return Map.of();
        }
        Employee reader = actor(username);
        List<Object[]> rows = em.createQuery("""
                        select pl.postId, pl.deadline, ch.position, ch.text
                        from PollChoice ch join ch.poll pl join pl.post p left join p.channel c
                        where p.id in :posts and"""
                        + " " + Visibility.READABLE + " order by pl.postId, ch.position", Object[].class)
                .setParameter("posts", new HashSet<>(withPoll)).setParameter("reader", reader.getId()).getResultList();
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<Long, OffsetDateTime> deadlines = new LinkedHashMap<>();
        Map<Long, List<String>> texts = new HashMap<>();
        for (Object[] row : rows) {
            Long id = (Long) row[0];
            deadlines.put(id, (OffsetDateTime) row[1]);
            texts.computeIfAbsent(id, k -> new ArrayList<>()).add((String) row[3]);
        }
        Map<Long, long[]> counts = new HashMap<>();
        Map<Long, Integer> mine = new HashMap<>();
        // the counts, then the reader's own votes: no constant in the query (a bound CASE ... THEN 1 ELSE 0 cannot be
        // typed by H2, and writing it into the SQL makes each query new text to parse: BoundH2Platform)
        List<Object[]> votes = em.createQuery("""
                        select v.poll.postId, ch.position, count(v)
                        from PollVote v join v.choice ch
                        where v.poll.postId in :posts
                        group by v.poll.postId, ch.position""", Object[].class)
                .setParameter("posts", deadlines.keySet()).getResultList();
        for (Object[] row : votes) {
            Long id = (Long) row[0];
            int position = ((Number) row[1]).intValue();
            counts.computeIfAbsent(id, k -> new long[texts.get(id).size()])[position] = ((Number) row[2]).longValue();
        }
        if (!votes.isEmpty()) {
            for (Object[] row : em.createQuery("""
                            select v.poll.postId, ch.position from PollVote v join v.choice ch
                            where v.poll.postId in :posts and v.employee.id = :reader""", Object[].class)
                    .setParameter("posts", deadlines.keySet()).setParameter("reader", reader.getId()).getResultList()) {
                mine.put((Long) row[0], ((Number) row[1]).intValue());
            }
        }
        Instant now = Clock.systemUTC().instant();
        Map<Long, PollResults> result = new LinkedHashMap<>();
        deadlines.forEach((id, deadline) -> result.put(id, new PollResults(id, deadline.toInstant(),
                !now.isBefore(deadline.toInstant()), mine.get(id), texts.get(id),
                counts.getOrDefault(id, new long[texts.get(id).size()]))));
        return result;
    }

    /**
     * The questions among these posts that the reader may read, by post id: who asked, and the best answer's id
     * (null while none is chosen). One query.
     */
    public Map<Long, QuestionState> questionsAmong(String username, Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        // As for polls: most pages hold no question, which one look-up by key settles before the visibility rule.
        List<Long> asked = em.createQuery("select q.postId from Question q where q.postId in :posts", Long.class)
                .setParameter("posts", new HashSet<>(postIds)).getResultList();
        if (asked.isEmpty()) {
            return Map.of();
        }
        Employee reader = actor(username);
        List<Object[]> rows = em.createQuery("""
                        select q.postId, q.bestAnswerId, p.author.username from Question q, Post p left join p.channel c
                        where p.id = q.postId and p.id in :posts and"""
                        + " " + Visibility.READABLE, Object[].class)
                .setParameter("posts", new HashSet<>(asked)).setParameter("reader", reader.getId()).getResultList();
        Map<Long, QuestionState> result = new HashMap<>();
        rows.forEach(row -> result.put((Long) row[0], new QuestionState((String) row[2], (Long) row[1])));
        return result;
    }

    /**
     * The asker of a question marks one reply of its thread as the best answer (marking another one moves it).
     *
     * @throws Refused NOT_FOUND for a post the asker cannot read or that is no question; NOT_ALLOWED for anyone
     *                 but the asker; INVALID {@code question.notInThread} for a reply of another thread
     */
    public void markBestAnswer(String askerUsername, long questionPostId, long replyId) throws Refused {
        Employee asker = actor(askerUsername);
        Post questionPost = posts.readable(askerUsername, questionPostId);
        Question question = em.find(Question.class, questionPostId, LockModeType.PESSIMISTIC_WRITE);
        if (question == null) {
            throw Refused.notFound("question " + questionPostId);
        }
        if (!questionPost.getAuthor().getId().equals(asker.getId())) {
            throw Refused.notAllowed("mark the best answer of " + questionPostId);
        }
        Post reply = posts.readable(askerUsername, replyId);
        if (reply.getThread() == null || !reply.getThread().getId().equals(questionPostId) || reply.isHidden()) {
            throw new Refused(Refused.Reason.INVALID, "question.notInThread");
        }
        question.markBestAnswer(replyId);
    }

    private List<String> checkedChoices(List<String> raw) throws Refused {
        List<String> choices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String r : raw) {
            String text = PostText.normalize(r).replace('\n', ' ');
            if (text.isEmpty()) {
                continue;
            }
            if (PostText.length(text) > CHOICE_LIMIT || PostText.check(text, CHOICE_LIMIT).isPresent()) {
                throw new Refused(Refused.Reason.INVALID, "poll.choiceTooLong");
            }
            if (!seen.add(text.toLowerCase(Locale.ROOT))) {
                throw new Refused(Refused.Reason.INVALID, "poll.choiceTwice");
            }
            choices.add(text);
        }
        if (choices.size() < MIN_CHOICES || choices.size() > MAX_CHOICES) {
            throw new Refused(Refused.Reason.INVALID, "poll.choiceCount");
        }
        return choices;
    }

    private void checkDeadline(Instant deadline) throws Refused {
        Instant now = Clock.systemUTC().instant();
        if (deadline == null || !deadline.isAfter(now)) {
            throw new Refused(Refused.Reason.INVALID, "poll.deadlinePast");
        }
        if (deadline.isAfter(now.plus(LONGEST))) {
            throw new Refused(Refused.Reason.INVALID, "poll.deadlineTooFar");
        }
    }

    private Employee actor(String username) {
        Employee employee = people.find(username)
                .orElseThrow(() -> new IllegalArgumentException("No employee " + username));
        if (!employee.isActive()) {
            throw new IllegalStateException(username + " no longer works here");
        }
        return employee;
    }
}
