package org.babillard.polls.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A poll as one reader sees it: the choices always; the counts only once the reader has voted or the poll has
 * closed ({@link #isShown()}); before that every count reads 0. Bean getters, for the views.
 */
public final class PollResults implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One choice, its count (0 while hidden) and its share of the votes in whole percent. */
    public static final class Choice implements Serializable {

        private static final long serialVersionUID = 1L;

        private final int index;
        private final String text;
        private final long votes;
        private final int percent;
        private final boolean mine;

        Choice(int index, String text, long votes, long total, boolean mine) {
            this.index = index;
            this.text = text;
            this.votes = votes;
            this.percent = total == 0 ? 0 : (int) Math.round(100.0 * votes / total);
            this.mine = mine;
        }

        public int getIndex() {
            return index;
        }

        public String getText() {
            return text;
        }

        public long getVotes() {
            return votes;
        }

        public int getPercent() {
            return percent;
        }

        /** Whether the reader voted for this one. */
        public boolean isMine() {
            return mine;
        }
    }

    private final long postId;
    private final Instant deadline;
    private final boolean closed;
    private final Integer myChoice;
    private final long total;
    private final List<Choice> choices;

    PollResults(long postId, Instant deadline, boolean closed, Integer myChoice, List<String> texts, long[] counts) {
        this.postId = postId;
        this.deadline = deadline;
        this.closed = closed;
        this.myChoice = myChoice;
        boolean shown = closed || myChoice != null;
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        this.total = shown ? sum : 0;
        java.util.ArrayList<Choice> list = new java.util.ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            list.add(new Choice(i, texts.get(i), shown ? counts[i] : 0, this.total,
                    myChoice != null && myChoice == i));
        }
        this.choices = List.copyOf(list);
    }

    public long getPostId() {
        return postId;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public boolean isClosed() {
        return closed;
    }

    public boolean isVoted() {
        return myChoice != null;
    }

    /** The index of the reader's choice, or null if they have not voted. */
    public Integer getMyChoice() {
        return myChoice;
    }

    /** Whether the counts are shown: after the reader's vote, or once the poll is closed. */
    public boolean isShown() {
        return closed || myChoice != null;
    }

    /** All votes, once shown; 0 before. */
    public long getTotal() {
        return total;
    }

    public List<Choice> getChoices() {
        return choices;
    }
}
