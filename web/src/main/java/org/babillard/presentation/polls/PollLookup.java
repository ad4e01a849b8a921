package org.babillard.presentation.polls;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.platform.boundary.Refused;
import org.babillard.polls.boundary.PollResults;
import org.babillard.polls.boundary.Polls;
import org.babillard.polls.boundary.QuestionState;
import org.babillard.presentation.Messages;
import org.babillard.presentation.posts.PostView;
import org.babillard.presentation.posts.Siblings;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The polls and questions of the posts a request renders, for WEB-INF/includes/poll.xhtml. The first post asked
 * about loads those of every post in the same list (the enclosing ui:repeat's value), in one query for polls'
 * choices, one for their votes and one for questions, rather than three per post. Also votes and marks best answers.
 */
@Named
@RequestScoped
public class PollLookup {

    @Inject
    Polls polls;

    @Inject
    HttpServletRequest request;

    @Inject
    Messages messages;

    private final Set<Long> loaded = new HashSet<>();
    private final Map<Long, PollResults> pollsById = new HashMap<>();
    private final Map<Long, QuestionState> questions = new HashMap<>();
    private final Map<Long, String> notices = new HashMap<>();
    private Integer choice;

    /** The poll of this post as the reader sees it, or null. */
    public PollResults of(PostView entry) {
        load(entry);
        return pollsById.get(entry.getId());
    }

    /** Whether the post has anything of a poll or a question to show: a poll, a question, an answer to one, a notice. */
    public boolean involves(PostView entry) {
        load(entry);
        long id = entry.getId();
        return pollsById.containsKey(id) || questions.containsKey(id) || notices.containsKey(id)
                || (entry.isReply() && questions.containsKey(entry.getThreadId()));
    }

    public boolean isQuestion(PostView entry) {
        load(entry);
        return questions.containsKey(entry.getId());
    }

    /** Whether this reply is the best answer of its thread's question. */
    public boolean isBestAnswer(PostView entry) {
        load(entry);
        QuestionState q = questions.get(entry.getThreadId());
        return entry.isReply() && q != null && Long.valueOf(entry.getId()).equals(q.bestAnswerId());
    }

    /** Whether the reader may mark this reply as the best answer: they asked the question it answers. */
    public boolean canMarkBest(PostView entry) {
        load(entry);
        QuestionState q = questions.get(entry.getThreadId());
        return entry.isReply() && q != null && q.askerUsername().equals(me()) && !isBestAnswer(entry);
    }

    public String closes(PollResults poll) {
        if (poll.isClosed()) {
            return messages.text("poll.closed");
        }
        // Rounded to the nearest unit: "3 days" for a poll that closes in 2 days and 23 hours.
        long minutes = Math.max(1, Duration.between(Instant.now(), poll.getDeadline()).toMinutes());
        if (minutes >= 24 * 60) {
            return messages.text("poll.closesInDays", (minutes + 12 * 60) / (24 * 60));
        }
        if (minutes >= 60) {
            return messages.text("poll.closesInHours", (minutes + 30) / 60);
        }
        return messages.text("poll.closesInMinutes", minutes);
    }

    public String totalLabel(PollResults poll) {
        return messages.text("poll.total", poll.getTotal());
    }

    public String notice(long postId) {
        return notices.get(postId);
    }

    public void vote(PostView entry) {
        if (choice == null) {
            notices.put(entry.getId(), messages.text("poll.pickOne"));
            return;
        }
        try {
            polls.vote(me(), entry.getId(), choice);
        } catch (Refused e) {
            notices.put(entry.getId(), refusal(e));
        } catch (EJBException e) {
            // A second click of the same person met the first one's vote in the unique key.
            notices.put(entry.getId(), messages.text("refused.poll.alreadyVoted"));
        }
        forget();
    }

    public void markBest(PostView reply) {
        try {
            polls.markBestAnswer(me(), reply.getThreadId(), reply.getId());
        } catch (Refused e) {
            notices.put(reply.getId(), refusal(e));
        }
        forget();
    }

    public Integer getChoice() {
        return choice;
    }

    public void setChoice(Integer choice) {
        this.choice = choice;
    }

    private String refusal(Refused e) {
        return switch (e.reason()) {
            case INVALID, ALREADY -> messages.text("refused." + e.detail());
            default -> messages.text("poll.unavailable");
        };
    }

    private void forget() {
        loaded.clear();
        pollsById.clear();
        questions.clear();
    }

    private void load(PostView entry) {
        if (loaded.contains(entry.getId())) {
            return;
        }
        Set<Long> ids = new LinkedHashSet<>();
        Set<Long> threads = new LinkedHashSet<>();
        ids.add(entry.getId());
        threads.add(entry.getThreadId());
        for (Object other : Siblings.ofCurrent()) {
            if (other instanceof PostView view && !loaded.contains(view.getId())) {
                ids.add(view.getId());
                threads.add(view.getThreadId());
            }
        }
        pollsById.putAll(polls.among(me(), ids));
        Set<Long> asked = new HashSet<>(ids);
        asked.addAll(threads);
        asked.removeAll(questions.keySet());
        questions.putAll(polls.questionsAmong(me(), asked));
        loaded.addAll(ids);
    }

    private String me() {
        return request.getUserPrincipal().getName();
    }
}
