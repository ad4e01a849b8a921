package org.babillard.polls.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.util.Objects;

/** One answer a poll offers, at its place in the author's order (0 first). */
@Entity
@Table(name = "poll_choice")
@NamedQuery(name = PollChoice.OF, query = "select ch from PollChoice ch where ch.poll.postId = :poll order by ch.position")
public class PollChoice {

    public static final String OF = "PollChoice.of";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "poll_choice_seq")
    @SequenceGenerator(name = "poll_choice_seq", sequenceName = "poll_choice_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "poll_id", nullable = false, updatable = false)
    private Poll poll;

    @Column(name = "choice_index", nullable = false, updatable = false)
    private int position;

    @Column(name = "label", nullable = false, updatable = false, length = 400)
    private String text;

    protected PollChoice() {
        // for JPA
    }

    public PollChoice(Poll poll, int position, String text) {
        this.poll = Objects.requireNonNull(poll);
        this.position = position;
        this.text = Objects.requireNonNull(text);
    }

    public Long getId() {
        return id;
    }

    public Poll getPoll() {
        return poll;
    }

    public int getPosition() {
        return position;
    }

    public String getText() {
        return text;
    }
}
