package org.babillard.posts.entity;

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

/** A colleague a post names with @login. Stored only when that colleague can read the post. */
@Entity
@Table(name = "mention")
@NamedQuery(name = Mention.OF_POST, query = "select m from Mention m join fetch m.employee where m.post.id = :post")
public class Mention {

    public static final String OF_POST = "Mention.ofPost";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mention_seq")
    @SequenceGenerator(name = "mention_seq", sequenceName = "mention_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "post_id", nullable = false, updatable = false)
    private Post post;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "employee_id", nullable = false, updatable = false)
    private Employee employee;

    protected Mention() {
        // for JPA
    }

    public Mention(Post post, Employee employee) {
        this.post = Objects.requireNonNull(post);
        this.employee = Objects.requireNonNull(employee);
    }

    public Employee getEmployee() {
        return employee;
    }
}
