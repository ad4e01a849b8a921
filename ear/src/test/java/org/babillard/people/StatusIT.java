package org.babillard.people;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.babillard.channels.boundary.Channels;
import org.babillard.channels.entity.Channel;
import org.babillard.it.Deployments;
import org.babillard.people.boundary.People;
import org.babillard.people.boundary.PersonCard;
import org.babillard.people.boundary.Status;
import org.babillard.people.boundary.Statuses;
import org.babillard.people.entity.DirectoryProfile;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.Posts;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelineEntry;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person's current status: set and cleared by themselves, checked like a post, gone once expired, shown on posts. */
@ExtendWith(ArquillianExtension.class)
class StatusIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.babillardWithTests(StatusIT.class);
    }

    @Inject
    Statuses statuses;

    @Inject
    People people;

    @Inject
    Posts posts;

    @Inject
    Timeline timeline;

    @Inject
    Channels channels;

    @Resource
    UserTransaction tx;

    @Test
    void aPersonSetsAndClearsTheirStatus() throws Refused {
        String me = person("Stella Statut");
        Status set = statuses.set(me, "  En atelier jusqu'à 15 h 🛠️  ", null);
        assertEquals("En atelier jusqu'à 15 h 🛠️", set.text(), "trimmed like a post");
        assertEquals("En atelier jusqu'à 15 h 🛠️", statuses.of(me).orElseThrow().text());
        assertNull(statuses.of(me).orElseThrow().until());
        assertEquals("En atelier jusqu'à 15 h 🛠️", card(me).status(), "the directory shows it");
        assertEquals("En atelier jusqu'à 15 h 🛠️", people.profile(me).orElseThrow().person().status(), "the profile shows it");

        statuses.clear(me);
        assertTrue(statuses.of(me).isEmpty());
        assertNull(card(me).status());
    }

    @Test
    void eightyCodePointsFitAndOneMoreIsTooLong() throws Refused {
        String me = person("Longue Phrase");
        String eighty = "😀".repeat(80);
        assertEquals(eighty, statuses.set(me, eighty, null).text(), "an emoji counts as one, as in posts");
        Refused tooLong = assertThrows(Refused.class, () -> statuses.set(me, eighty + "a", null));
        assertEquals(Refused.Reason.INVALID, tooLong.reason());
        assertEquals("status.tooLong", tooLong.detail());
        assertEquals(eighty, statuses.of(me).orElseThrow().text(), "a refused status leaves the one before");
    }

    @Test
    void anEmptyStatusIsRefused() {
        String me = person("Vide Blanc");
        Refused empty = assertThrows(Refused.class, () -> statuses.set(me, " \n\t ", null));
        assertEquals(Refused.Reason.INVALID, empty.reason());
        assertEquals("status.empty", empty.detail());
        Refused control = assertThrows(Refused.class, () -> statuses.set(me, "bell\u0007", null));
        assertEquals("status.control", control.detail());
        assertTrue(statuses.of(me).isEmpty());
    }

    @Test
    void anExpiredStatusNoLongerShowsAnywhere() throws Exception {
        String me = person("Eva Expire");
        Instant soon = Clock.systemUTC().instant().plus(Duration.ofMillis(1500)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        statuses.set(me, "Back in a moment", soon);
        long post = posts.publish(me, "Status expiry " + UUID.randomUUID()).getId();
        assertEquals(soon, statuses.of(me).orElseThrow().until());
        assertEquals("Back in a moment", timeline.entry(me, post).authorStatus());

        Thread.sleep(Duration.between(Clock.systemUTC().instant(), soon).toMillis() + 300);

        assertTrue(statuses.of(me).isEmpty(), "expired: gone without any job clearing it");
        assertNull(card(me).status());
        assertNull(timeline.entry(me, post).authorStatus());
        assertNull(people.profile(me).orElseThrow().person().status());
    }

    @Test
    void anExpiryInThePastIsRefused() {
        String me = person("Pierre Passe");
        Refused past = assertThrows(Refused.class,
                () -> statuses.set(me, "Yesterday", Clock.systemUTC().instant().minus(Duration.ofMinutes(1))));
        assertEquals("status.past", past.detail());
        assertTrue(statuses.of(me).isEmpty());
    }

    @Test
    void eachPersonSetsAndClearsOnlyTheirOwn() throws Refused {
        String alice = person("Alice Une");
        String bob = person("Bob Deux");
        statuses.set(alice, "Working on the Q3 budget", null);
        statuses.set(bob, "On holiday", null);

        statuses.clear(bob);

        assertEquals("Working on the Q3 budget", statuses.of(alice).orElseThrow().text(), "Bob's clear leaves Alice's status");
        assertTrue(statuses.of(bob).isEmpty());
        Refused stranger = assertThrows(Refused.class, () -> statuses.set("nobody." + UUID.randomUUID(), "Hi", null));
        assertEquals(Refused.Reason.NOT_FOUND, stranger.reason());
    }

    @Test
    void aFormerEmployeeCannotSetAStatusAndTheirOldOneStillBelongsToThem() throws Exception {
        String me = person("Ancien Salarie");
        statuses.set(me, "Last day!", null);
        tx.begin();
        people.find(me).orElseThrow().left(Clock.systemUTC().instant());
        tx.commit();

        Refused refused = assertThrows(Refused.class, () -> statuses.set(me, "Still here?", null));
        assertEquals(Refused.Reason.NOT_ALLOWED, refused.reason());
        assertThrows(Refused.class, () -> statuses.clear(me));
        assertEquals("Last day!", statuses.of(me).orElseThrow().text(), "nothing changed");
    }

    @Test
    void timelineEntriesCarryTheirAuthorsStatus() throws Exception {
        String author = person("Theo Timeline");
        String reader = person("Rita Lectrice");
        statuses.set(author, "In a workshop until 3 pm", null);
        long withStatus = posts.publish(author, "Status on posts " + UUID.randomUUID()).getId();
        long without = posts.publish(reader, "No status here " + UUID.randomUUID()).getId();

        var page = timeline.company(reader, null, 50).entries();
        TimelineEntry authors = page.stream().filter(e -> e.id() == withStatus).findFirst().orElseThrow();
        TimelineEntry readers = page.stream().filter(e -> e.id() == without).findFirst().orElseThrow();
        assertEquals("In a workshop until 3 pm", authors.authorStatus());
        assertNull(readers.authorStatus());
        assertEquals("In a workshop until 3 pm", timeline.profile(reader, author, null, 10).entries().get(0).authorStatus());
        assertEquals("In a workshop until 3 pm", timeline.conversation(reader, withStatus).first().authorStatus());

        statuses.set(author, "Back at my desk", null);
        assertEquals("Back at my desk", timeline.entry(reader, withStatus).authorStatus(), "the status as of reading, not of posting");
    }

    @Test
    void channelMemberListsShowTheStatus() throws Exception {
        String owner = person("Olga Owner");
        String member = person("Max Member");
        statuses.set(member, "Working on the Q3 budget", null);
        long channel = channels.create(owner, "Status " + UUID.randomUUID().toString().substring(0, 8), "",
                Channel.Access.OPEN, Channel.Posting.MEMBERS).getId();
        channels.join(member, channel);

        var members = channels.members(owner, channel);
        assertEquals("Working on the Q3 budget",
                members.stream().filter(m -> m.username().equals(member)).findFirst().orElseThrow().status());
        assertNull(members.stream().filter(m -> m.username().equals(owner)).findFirst().orElseThrow().status());
    }

    private PersonCard card(String username) {
        return people.profile(username).orElseThrow().person();
    }

    /** A person unique to this run, so that a database kept from an earlier run changes nothing. */
    private String person(String name) {
        String username = "it.status." + UUID.randomUUID().toString().substring(0, 8);
        people.loggedIn(username, new DirectoryProfile("uid=" + username + ",ou=people,dc=babillard,dc=example",
                name, username + "@babillard.example", "QA", "Ingénierie", "Lyon"));
        return username;
    }
}
