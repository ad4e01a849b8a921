package org.babillard.announcements.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.babillard.announcements.control.Answers;
import org.babillard.announcements.control.CalendarFile;
import org.babillard.announcements.entity.PostEvent;
import org.babillard.announcements.entity.Rsvp;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.Posts;
import org.babillard.posts.control.Visibility;
import org.babillard.posts.entity.Post;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Posts that are events: the author of a thread's first post gives it a start, an end and a place or an online
 * link; whoever may read the post ({@link Visibility}) answers it, downloads it as a calendar entry and finds it in
 * their calendar feed.
 */
@Stateless
public class PostEvents {

    @PersistenceContext
    EntityManager em;

    @Inject
    Posts posts;

    @Inject
    Answers answers;

    @Inject
    CalendarFile calendarFile;

    /**
     * Makes the post an event, or changes its time and place.
     *
     * @throws Refused NOT_FOUND for a post the author may not read; NOT_ALLOWED for a reply or someone else's post;
     *                 INVALID ({@code announcement.*}) for times or a link that break the rules
     */
    public PostEvent makeEvent(String username, long postId, AnnouncementDraft.EventDetails details) throws Refused {
        Post post = posts.readable(username, postId);
        if (post.getThread() != null || !post.getAuthor().getUsername().equals(username)) {
            throw Refused.notAllowed("only the author of a thread's first post makes it an event");
        }
        if (details == null || details.start() == null || details.end() == null) {
            throw new Refused(Refused.Reason.INVALID, "announcement.eventTimeMissing");
        }
        if (details.end().isBefore(details.start())) {
            throw new Refused(Refused.Reason.INVALID, "announcement.eventEndBeforeStart");
        }
        String place = blankToNull(details.place());
        String link = blankToNull(details.link());
        if (place != null && place.length() > Announcements.PLACE_LIMIT) {
            throw new Refused(Refused.Reason.INVALID, "announcement.placeTooLong");
        }
        if (link != null && (link.length() > Announcements.LINK_LIMIT || !isWebAddress(link))) {
            throw new Refused(Refused.Reason.INVALID, "announcement.badLink");
        }
        PostEvent event = em.find(PostEvent.class, postId);
        if (event == null) {
            event = new PostEvent(postId, details.start(), details.end(), place, link);
            em.persist(event);
        } else {
            event.change(details.start(), details.end(), place, link);
        }
        return event;
    }

    /** The event of this post (or of its thread's first post), if the reader may read it and it is one. */
    public Optional<PostEvent> event(String username, long postId) {
        try {
            Post root = posts.readable(username, postId).getThreadRoot();
            return Optional.ofNullable(em.find(PostEvent.class, root.getId()));
        } catch (Refused e) {
            return Optional.empty();
        }
    }

    /** The reader answers. @throws Refused NOT_FOUND when they may not read the post or it is not an event */
    public RsvpSummary rsvp(String username, long postId, Rsvp.Answer answer) throws Refused {
        PostEvent event = readableEvent(username, postId);
        if (answer == null) {
            throw new Refused(Refused.Reason.INVALID, "announcement.noAnswer");
        }
        Employee reader = reader(username);
        // One answer per person: a row lock on the event serialises two clicks of the same person.
        em.lock(event, LockModeType.PESSIMISTIC_WRITE);
        Rsvp existing = em.createQuery("select r from Rsvp r where r.postId = :p and r.employee.id = :e", Rsvp.class)
                .setParameter("p", event.getPostId()).setParameter("e", reader.getId()).getResultStream().findFirst().orElse(null);
        if (existing == null) {
            em.persist(Rsvp.toPost(event.getPostId(), reader, answer, Clock.systemUTC().instant()));
        } else {
            existing.answer(answer, Clock.systemUTC().instant());
        }
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new Refused(Refused.Reason.CHANGED_MEANWHILE, "rsvp");
        }
        return summary(event, reader);
    }

    /** The answers as the reader sees them. @throws Refused NOT_FOUND as for {@link #rsvp} */
    public RsvpSummary rsvps(String username, long postId) throws Refused {
        return summary(readableEvent(username, postId), reader(username));
    }

    /** The event as an iCalendar file. @throws Refused NOT_FOUND as for {@link #rsvp} */
    public String calendar(String username, long postId) throws Refused {
        PostEvent event = readableEvent(username, postId);
        return calendarFile.calendar(null, List.of(calendarEvent(em.find(Post.class, event.getPostId()), event)));
    }

    /** The post events this person may read, for their calendar feed. */
    public List<CalendarFile.Event> feed(Employee owner) {
        List<Object[]> rows = em.createQuery("select p, pe from Post p left join p.channel c, PostEvent pe "
                + "where pe.postId = p.id and " + Visibility.READABLE + " order by pe.start", Object[].class)
                .setParameter("reader", owner.getId()).getResultList();
        List<CalendarFile.Event> events = new ArrayList<>();
        for (Object[] row : rows) {
            events.add(calendarEvent((Post) row[0], (PostEvent) row[1]));
        }
        return events;
    }

    private CalendarFile.Event calendarEvent(Post post, PostEvent event) {
        String text = post.getText();
        String firstLine = text.lines().findFirst().orElse("").strip();
        String summary = firstLine.codePointCount(0, firstLine.length()) > 80
                ? firstLine.substring(0, firstLine.offsetByCodePoints(0, 79)) + "…" : firstLine;
        return new CalendarFile.Event("post-" + post.getId() + "@babillard", event.getStart(), event.getEnd(), summary,
                text, event.getPlace(), event.getLink(), post.getCreatedAt());
    }

    private PostEvent readableEvent(String username, long postId) throws Refused {
        Post root = posts.readable(username, postId).getThreadRoot();
        PostEvent event = em.find(PostEvent.class, root.getId());
        if (event == null || root.isDeleted()) {
            throw Refused.notFound("event " + postId);
        }
        return event;
    }

    private RsvpSummary summary(PostEvent event, Employee reader) {
        return answers.summary(em.createQuery("select r from Rsvp r join r.employee e where r.postId = :p "
                + "order by e.searchText, e.username", Rsvp.class).setParameter("p", event.getPostId()).getResultList(),
                reader.getId());
    }

    private Employee reader(String username) throws Refused {
        return em.createNamedQuery(Employee.FIND_BY_USERNAME, Employee.class).setParameter("username", username)
                .getResultStream().findFirst().orElseThrow(() -> Refused.notFound("employee"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean isWebAddress(String link) {
        try {
            URI uri = new URI(link);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
