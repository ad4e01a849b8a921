package org.babillard.announcements.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.babillard.people.entity.Employee;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A person's answer to an event (an announcement's or a post's): going, maybe, not going. One per person and event;
 * they may change it.
 */
@Entity
@Table(name = "event_rsvp")
public class Rsvp {

    public enum Answer { GOING, MAYBE, NOT_GOING }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_rsvp_seq")
    @SequenceGenerator(name = "event_rsvp_seq", sequenceName = "event_rsvp_seq", allocationSize = 1)
    private Long id;

    @Column(name = "announcement_id", updatable = false)
    private Long announcementId;

    @Column(name = "post_id", updatable = false)
    private Long postId;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "employee_id", updatable = false)
    private Employee employee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Answer answer;

    @Column(name = "answered_at", nullable = false)
    private OffsetDateTime answeredAt;

    @Version
    private long version;

    protected Rsvp() {
        // for JPA
    }

    public Rsvp(long announcementId, Employee employee, Answer answer, Instant now) {
        this.announcementId = announcementId;
        this.employee = Objects.requireNonNull(employee);
        answer(answer, now);
    }

    /** An answer to a post that is an event. */
    public static Rsvp toPost(long postId, Employee employee, Answer answer, Instant now) {
        Rsvp r = new Rsvp();
        r.postId = postId;
        r.employee = Objects.requireNonNull(employee);
        r.answer(answer, now);
        return r;
    }

    public final void answer(Answer answer, Instant now) {
        this.answer = Objects.requireNonNull(answer);
        this.answeredAt = now.atOffset(ZoneOffset.UTC);
    }

    public Employee getEmployee() {
        return employee;
    }

    public Answer getAnswer() {
        return answer;
    }

    public Instant getAnsweredAt() {
        return answeredAt.toInstant();
    }
}
