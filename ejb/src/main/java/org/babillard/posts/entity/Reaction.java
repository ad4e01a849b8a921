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

/** An employee's emoji reaction to a post, from a small fixed set. */
@Entity
@Table(name = "reaction")
@NamedQuery(name = Reaction.OF, query = "select r from Reaction r where r.post.id = :post and r.employee.id = :employee and r.emoji = :emoji")
@NamedQuery(name = Reaction.ON_POSTS, query = """
        select r.post.id, r.emoji, e.username, e.displayName from Reaction r join r.employee e
        where r.post.id in :posts order by r.id""")
public class Reaction {

    public static final String OF = "Reaction.of";
    public static final String ON_POSTS = "Reaction.onPosts";

    /** The reactions on offer, by their stored name, with the emoji shown. */
    public enum Emoji {
        LIKE("👍"), LOVE("❤️"), LAUGH("😂"), CELEBRATE("🎉"), SURPRISED("😮"), EYES("👀");

        private final String glyph;

        Emoji(String glyph) {
            this.glyph = glyph;
        }

        public String glyph() {
            return glyph;
        }

        public String getGlyph() {
            return glyph;
        }

        public String getName() {
            return name();
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reaction_seq")
    @SequenceGenerator(name = "reaction_seq", sequenceName = "reaction_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "post_id", nullable = false, updatable = false)
    private Post post;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "employee_id", nullable = false, updatable = false)
    private Employee employee;

    @Column(nullable = false, length = 16, updatable = false)
    private String emoji;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Reaction() {
        // for JPA
    }

    public Reaction(Post post, Employee employee, Emoji emoji, Instant now) {
        this.post = Objects.requireNonNull(post);
        this.employee = Objects.requireNonNull(employee);
        this.emoji = emoji.name();
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }
}
