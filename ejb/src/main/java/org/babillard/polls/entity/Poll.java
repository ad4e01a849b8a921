package org.babillard.polls.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import org.babillard.posts.entity.Post;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** A poll attached to a post: who may see it or vote is who may read the post. It takes votes until its deadline. */
@Entity
@Table(name = "poll")
public class Poll {

    @Id
    @Column(name = "post_id")
    private Long postId;

    @MapsId
    @OneToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "post_id")
    private Post post;

    @Column(name = "deadline", nullable = false)
    private OffsetDateTime deadline;

    protected Poll() {
        // for JPA
    }

    public Poll(Post post, Instant deadline) {
        this.post = Objects.requireNonNull(post);
        this.postId = post.getId();
        this.deadline = deadline.atOffset(ZoneOffset.UTC);
    }

    public Long getPostId() {
        return postId;
    }

    public Post getPost() {
        return post;
    }

    public Instant getDeadline() {
        return deadline.toInstant();
    }

    public boolean isClosedAt(Instant now) {
        return !now.isBefore(getDeadline());
    }
}
