package org.babillard.posts;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.it.Deployments;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.DirectoryProfile;
import org.babillard.posts.boundary.PostRejected;
import org.babillard.posts.boundary.Posts;
import org.babillard.posts.control.PostText;
import org.babillard.posts.entity.Post;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelineEntry;
import org.babillard.timeline.boundary.TimelinePage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Posting and reading the timeline on the real server and database. */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1)
class PostsIT {

    private static final String AUTHOR = "it.poster";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.babillardWithTests(PostsIT.class);
    }

    @Inject
    Posts posts;

    @Inject
    Timeline timeline;

    @Inject
    People people;

    @PersistenceContext(unitName = "babillard-ejb.jar#babillard")
    EntityManager em;

    @BeforeEach
    void author() {
        people.loggedIn(AUTHOR, new DirectoryProfile("uid=" + AUTHOR + ",ou=people,dc=babillard,dc=example",
                "Iris Testeuse", "it.poster@babillard.example", "QA", "Ingénierie", "Lyon"));
    }

    @Test
    @Order(1)
    void keysetPagesWalkTheTimelineNewestFirstWithoutGapsOrRepeats() throws PostRejected {
        String run = UUID.randomUUID().toString();
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            mine.add(posts.publish(AUTHOR, "Keyset " + run + " #" + i).getId());
        }
        List<TimelineEntry> walked = new ArrayList<>();
        TimelinePage page = timeline.company(AUTHOR, null, 10);
        assertEquals(10, page.entries().size());
        assertEquals(mine.get(24), page.entries().get(0).id(), "the newest post comes first");
        int pages = 1;
        walked.addAll(page.entries());
        while (page.hasMore() && walked.stream().filter(e -> e.text().contains(run)).count() < 25) {
            page = timeline.company(AUTHOR, page.nextBefore(), 10);
            walked.addAll(page.entries());
            pages++;
        }
        assertEquals(3, pages, "25 posts take three pages of ten");
        Set<Long> seen = new HashSet<>();
        for (int i = 1; i < walked.size(); i++) {
            assertTrue(walked.get(i - 1).id() > walked.get(i).id(), "strictly newest first");
        }
        walked.forEach(e -> assertTrue(seen.add(e.id()), "no post twice"));
        List<Long> mineAsWalked = walked.stream().filter(e -> e.text().contains(run)).map(TimelineEntry::id).toList();
        List<Long> newestFirst = new ArrayList<>(mine);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, mineAsWalked);
        TimelineEntry first = walked.get(0);
        assertEquals("Iris Testeuse", first.authorDisplayName());
        assertEquals(AUTHOR, first.authorUsername());
    }

    @Test
    @Order(2)
    void aPageBeforeTheOldestPostIsEmptyAndHasNoNextPage() {
        Long oldest = em.createQuery("select min(p.id) from Post p", Long.class).getSingleResult();
        TimelinePage page = timeline.company(AUTHOR, oldest, 20);
        assertTrue(page.entries().isEmpty());
        assertNull(page.nextBefore());
    }

    @Test
    @Order(3)
    void theTextIsStoredNormalizedAndAtTheLimitItIsAccepted() throws PostRejected {
        String atLimit = "👋".repeat(10) + "é".repeat(490);
        Post post = posts.publish(AUTHOR, "  \r\n" + atLimit + "\r\n ");
        Post stored = em.find(Post.class, post.getId());
        assertEquals(atLimit, stored.getText());
        assertEquals(500, PostText.length(stored.getText()));
    }

    @Test
    @Order(4)
    void rejectedPostsLeaveNothingBehind() {
        long before = countPosts();
        PostRejected empty = assertThrows(PostRejected.class, () -> posts.publish(AUTHOR, " \n\t "));
        assertEquals(PostText.Problem.EMPTY, empty.problem());
        PostRejected tooLong = assertThrows(PostRejected.class, () -> posts.publish(AUTHOR, "😀".repeat(501)));
        assertEquals(PostText.Problem.TOO_LONG, tooLong.problem());
        assertEquals(501, tooLong.length());
        assertEquals(500, tooLong.limit());
        PostRejected control = assertThrows(PostRejected.class, () -> posts.publish(AUTHOR, "ding\u0007"));
        assertEquals(PostText.Problem.CONTROL_CHARACTERS, control.problem());
        assertEquals(before, countPosts());
    }

    private long countPosts() {
        return em.createQuery("select count(p) from Post p where p.author.username = :u", Long.class)
                .setParameter("u", AUTHOR).getSingleResult();
    }
}
