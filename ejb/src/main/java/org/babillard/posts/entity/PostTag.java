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

/** A #hashtag in a post, lower case: the key of the topic timelines and of trending topics. */
@Entity
@Table(name = "post_tag")
@NamedQuery(name = PostTag.OF_POST, query = "select t from PostTag t where t.post.id = :post")
// The channel is left-joined: a path like t.post.channel.access would be an inner join and leave out every
// company-wide post. Notebook entries and posts to the people mentioned never trend: their tags are their readers'.
// Nor do the replies of a hidden thread, nor a share (or a reply in its thread) of a post not everyone may read.
@NamedQuery(name = PostTag.TRENDING, query = """
        select t.tag, count(t) from PostTag t join t.post p left join p.channel c
        where t.createdAt >= :since and p.deletedAt is null and p.hiddenAt is null
          and (c is null or c.access = org.babillard.channels.entity.Channel.Access.OPEN)
          and p.audience = org.babillard.posts.entity.Post.Audience.COMPANY
          and not exists (select th from Post th where th = p.thread and th.hiddenAt is not null)
          and (p.readableWith is null or exists (select o from Post o left join o.channel oc where o = p.readableWith
               and o.deletedAt is null and o.hiddenAt is null
               and (oc is null or oc.access = org.babillard.channels.entity.Channel.Access.OPEN)))
        group by t.tag order by count(t) desc, t.tag""")
public class PostTag {

    public static final String OF_POST = "PostTag.ofPost";
    public static final String TRENDING = "PostTag.trending";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_tag_seq")
    @SequenceGenerator(name = "post_tag_seq", sequenceName = "post_tag_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "post_id", nullable = false, updatable = false)
    private Post post;

    @Column(nullable = false, length = 100, updatable = false)
    private String tag;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected PostTag() {
        // for JPA
    }

    public PostTag(Post post, String tag) {
        this.post = Objects.requireNonNull(post);
        this.tag = Objects.requireNonNull(tag);
        this.createdAt = post.getCreatedAt().atOffset(ZoneOffset.UTC);
    }

    public String getTag() {
        return tag;
    }
}
