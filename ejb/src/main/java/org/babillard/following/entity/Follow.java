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

/** One employee follows another: the followed person's posts come into the follower's home timeline. */
@Entity
@Table(name = "follow")
@NamedQuery(name = Follow.OF, query = "select f from Follow f where f.follower.id = :follower and f.followed.id = :followed")
@NamedQuery(name = Follow.FOLLOWERS_COUNT, query = "select count(f) from Follow f where f.followed.id = :employee and f.follower.leftAt is null")
@NamedQuery(name = Follow.FOLLOWING_COUNT, query = "select count(f) from Follow f where f.follower.id = :employee and f.followed.leftAt is null")
@NamedQuery(name = Follow.FOLLOWED_BY, query = """
        select f.followed from Follow f where f.follower.id = :employee and f.followed.leftAt is null
        order by f.followed.displayName""")
@NamedQuery(name = Follow.FOLLOWERS, query = """
        select f.follower from Follow f where f.followed.id = :employee and f.follower.leftAt is null
        order by f.follower.displayName""")
public class Follow {

    public static final String OF = "Follow.of";
    public static final String FOLLOWERS_COUNT = "Follow.followersCount";
    public static final String FOLLOWING_COUNT = "Follow.followingCount";
    public static final String FOLLOWED_BY = "Follow.followedBy";
    public static final String FOLLOWERS = "Follow.followers";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "follow_seq")
    @SequenceGenerator(name = "follow_seq", sequenceName = "follow_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "follower_id", nullable = false, updatable = false)
    private Employee follower;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "followed_id", nullable = false, updatable = false)
    private Employee followed;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Follow() {
        // for JPA
    }

    public Follow(Employee follower, Employee followed, Instant now) {
        if (follower.getId() != null && follower.getId().equals(followed.getId())) {
            throw new IllegalArgumentException("Nobody follows themselves");
        }
        this.follower = Objects.requireNonNull(follower);
        this.followed = Objects.requireNonNull(followed);
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    public Employee getFollower() {
        return follower;
    }

    public Employee getFollowed() {
        return followed;
    }
}
