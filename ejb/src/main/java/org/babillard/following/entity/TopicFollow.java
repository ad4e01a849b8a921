package org.babillard.following.entity;

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

/** An employee follows a #topic: posts with that hashtag come into their home timeline. */
@Entity
@Table(name = "topic_follow")
@NamedQuery(name = TopicFollow.OF, query = "select t from TopicFollow t where t.employee.id = :employee and t.tag = :tag")
@NamedQuery(name = TopicFollow.TAGS_OF, query = "select t.tag from TopicFollow t where t.employee.id = :employee order by t.tag")
public class TopicFollow {

    public static final String OF = "TopicFollow.of";
    public static final String TAGS_OF = "TopicFollow.tagsOf";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "topic_follow_seq")
    @SequenceGenerator(name = "topic_follow_seq", sequenceName = "topic_follow_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "employee_id", nullable = false, updatable = false)
    private Employee employee;

    @Column(nullable = false, length = 100, updatable = false)
    private String tag;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected TopicFollow() {
        // for JPA
    }

    public TopicFollow(Employee employee, String tag, Instant now) {
        this.employee = Objects.requireNonNull(employee);
        this.tag = Objects.requireNonNull(tag);
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    public String getTag() {
        return tag;
    }
}
