package org.babillard.posts.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.Employee;
import org.babillard.posts.control.PostSettings;
import org.babillard.posts.control.PostText;
import org.babillard.posts.entity.Post;

import java.time.Clock;
import java.util.Optional;

/** Publishing posts: the text is checked and stored in one transaction, or nothing is stored. */
@Stateless
public class Posts {

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Inject
    PostSettings settings;

    @Inject
    Event<PostPublished> published;

    /**
     * Publishes a status update by this employee.
     *
     * @throws PostRejected if the text is empty, too long or holds control characters
     * @throws IllegalArgumentException if nobody of that name has ever logged in
     */
    public Post publish(String authorUsername, String text) throws PostRejected {
        String normalized = PostText.normalize(text);
        int limit = settings.maxLength();
        Optional<PostText.Verdict> verdict = PostText.check(normalized, limit);
        if (verdict.isPresent()) {
            throw new PostRejected(verdict.get().problem(), verdict.get().length(), limit);
        }
        Employee author = people.find(authorUsername)
                .orElseThrow(() -> new IllegalArgumentException("No employee " + authorUsername));
        Post post = new Post(author, normalized, Clock.systemUTC().instant());
        em.persist(post);
        em.flush();
        published.fire(new PostPublished(post.getId(), author.getUsername()));
        return post;
    }

    public int maxLength() {
        return settings.maxLength();
    }
}
