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
import org.babillard.people.entity.Employee;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** An employee's one vote in a poll; the database keeps it to one per person and poll. */
@Entity
@Table(name = "poll_vote")
@NamedQuery(name = PollVote.OF, query = "select v from PollVote v where v.poll.postId = :poll and v.employee.id = :employee")
@NamedQuery(name = PollVote.COUNT, query = "select count(v) from PollVote v where v.poll.postId = :poll and v.employee.id = :employee")
public class PollVote {

    public static final String OF = "PollVote.of";
    public static final String COUNT = "PollVote.count";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "poll_vote_seq")
    @SequenceGenerator(name = "poll_vote_seq", sequenceName = "poll_vote_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "poll_id", nullable = false, updatable = false)
    private Poll poll;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "employee_id", nullable = false, updatable = false)
    private Employee employee;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "choice_id", nullable = false, updatable = false)
    private PollChoice choice;

    @Column(name = "voted_at", nullable = false, updatable = false)
    private OffsetDateTime votedAt;

    protected PollVote() {
        // for JPA
    }

    public PollVote(Poll poll, Employee employee, PollChoice choice, Instant now) {
        this.poll = Objects.requireNonNull(poll);
        this.employee = Objects.requireNonNull(employee);
        this.choice = Objects.requireNonNull(choice);
        this.votedAt = now.atOffset(ZoneOffset.UTC);
    }

    public PollChoice getChoice() {
        return choice;
    }
}
