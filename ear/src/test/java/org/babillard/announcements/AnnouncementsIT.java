package org.babillard.announcements;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.babillard.announcements.boundary.Acknowledgement;
import org.babillard.announcements.boundary.AnnouncementDispatch;
import org.babillard.announcements.boundary.AnnouncementDraft;
import org.babillard.announcements.boundary.AnnouncementStatistics;
import org.babillard.announcements.boundary.LiveCoverage;
import org.babillard.announcements.boundary.PostEvents;
import org.babillard.announcements.boundary.Announcements;
import org.babillard.announcements.boundary.MustReadMessage;
import org.babillard.announcements.boundary.NewsItem;
import org.babillard.announcements.boundary.RsvpSummary;
import org.babillard.announcements.entity.Announcement;
import org.babillard.announcements.entity.AudienceTarget.Kind;
import org.babillard.announcements.entity.Category;
import org.babillard.announcements.entity.Rsvp;
import org.babillard.channels.boundary.Channels;
import org.babillard.channels.entity.Channel;
import org.babillard.it.Deployments;
import org.babillard.live.control.LiveUpdates;
import org.babillard.notifications.boundary.Notifications;
import org.babillard.people.boundary.People;
import org.babillard.people.boundary.Statuses;
import org.babillard.people.entity.DirectoryProfile;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.Posts;
import org.babillard.topbar.boundary.TopBar;
import org.babillard.topbar.boundary.TopBarState;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Announcements on the real server: who they reach (departments, sites, channels, a manager's reports at any depth),
 * who may publish and see statistics, what the counts say, schedules, expiry, the must-read message the mail side
 * observes (published and reminder), answers to events and calendar files.
 */
@ExtendWith(ArquillianExtension.class)
class AnnouncementsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.babillardWithTests(AnnouncementsIT.class);
        // The observer lives in the EJB module, where the mail side's will: a WAR's observers do not hear its events.
        JavaArchive ejb = ear.getAsType(JavaArchive.class, "/babillard-ejb.jar");
        ejb.addClass(MustReadHeard.class);
        ear.delete("/babillard-ejb.jar");
        return ear.addAsModule(ejb);
    }

    @Inject
    Announcements announcements;

    @Inject
    AnnouncementDispatch dispatch;

    @Inject
    MustReadHeard heard;

    @Inject
    People people;

    @Inject
    Posts posts;

    @Inject
    LiveCoverage coverage;

    @Inject
    PostEvents postEvents;

    @Inject
    Channels channels;

    @Inject
    LiveUpdates live;

    @Inject
    TopBar topBar;

    @Inject
    Notifications notifications;

    @Inject
    Statuses statuses;

    @PersistenceContext(unitName = "babillard-ejb.jar#babillard")
    EntityManager em;

    @Resource
    UserTransaction tx;

    private final List<String[]> signals = new CopyOnWriteArrayList<>();
    private final BiConsumer<String, Collection<String>> listener =
            (json, users) -> users.forEach(user -> signals.add(new String[] {json, user}));

    private String run;
    private String hr;
    private String admin;
    private String manager;
    private String alice;   // Dept A, Site X, reports to the manager
    private String bruno;   // Dept B, Site X, reports to Alice (the manager's indirect report)
    private String chloe;   // Dept B, Site Y, nobody's report
    private String denis;   // Dept M, Site Y, member of the channel
    private String former;  // Dept A, Site X, left the company
    private Channel channel;

    @BeforeEach
    void company() throws Exception {
        live.register(listener);
        run = UUID.randomUUID().toString().substring(0, 8);
        hr = person("hr", "People-" + run, "Site-X-" + run, null, Set.of("employee", "hr"));
        admin = person("admin", "IT-" + run, "Site-Y-" + run, null, Set.of("employee", "admin"));
        manager = person("manager", "Dept-M-" + run, "Site-Y-" + run, null, Set.of("employee"));
        alice = person("alice", "Dept-A-" + run, "Site-X-" + run, manager, Set.of("employee"));
        bruno = person("bruno", "Dept-B-" + run, "Site-X-" + run, alice, Set.of("employee"));
        chloe = person("chloe", "Dept-B-" + run, "Site-Y-" + run, null, Set.of("employee"));
        denis = person("denis", "Dept-M-" + run, "Site-Y-" + run, null, Set.of("employee"));
        former = person("former", "Dept-A-" + run, "Site-X-" + run, manager, Set.of("employee"));
        tx.begin();
        employee(former).left(Instant.now());
        tx.commit();
        channel = channels.create(denis, "Announce " + run, "Channel of AnnouncementsIT", Channel.Access.OPEN, Channel.Posting.MEMBERS);
    }

    @AfterEach
    void stopListening() {
        live.unregister(listener);
    }

    // --- audiences ---

    @Test
    void audiencesResolveToTheRightPeople() throws Exception {
        assertEquals(Set.of(alice), recipients(publish(true, target(Kind.DEPARTMENT, "Dept-A-" + run))),
                "a department: its active members (the former employee is left out)");
        assertEquals(Set.of(alice, bruno, hr), recipients(publish(true, target(Kind.SITE, "Site-X-" + run))),
                "a site: everyone working there");
        assertEquals(Set.of(denis), recipients(publish(true, target(Kind.CHANNEL, String.valueOf(channel.getId())))),
                "a channel: its members");
        assertEquals(Set.of(alice, bruno), recipients(publish(true, target(Kind.MANAGER, manager))),
                "a manager: direct and indirect reports, not the manager");
        assertEquals(Set.of(bruno), recipients(publish(true, target(Kind.MANAGER, alice))));
        long union = publish(true, target(Kind.DEPARTMENT, "Dept-A-" + run), target(Kind.SITE, "Site-Y-" + run),
                target(Kind.MANAGER, alice));
        assertEquals(Set.of(alice, bruno, chloe, denis, manager, admin), recipients(union), "the union of the parts");
        long everyone = publish(false, AnnouncementDraft.Target.everyone());
        assertTrue(recipients(everyone).containsAll(Set.of(hr, admin, manager, alice, bruno, chloe, denis)));
        assertFalse(recipients(everyone).contains(former), "nobody who left");

        // Reading resolves the audience against the reader's directory data, the same way.
        long toManagerTeam = publish(false, target(Kind.MANAGER, manager));
        assertTrue(newsIds(bruno).contains(toManagerTeam), "an indirect report reads it");
        assertFalse(newsIds(chloe).contains(toManagerTeam), "someone outside the team does not");
        assertFalse(newsIds(manager).contains(toManagerTeam), "nor the manager themself");
        assertTrue(newsIds(hr).contains(toManagerTeam), "its author finds it in the news");
        long toChannel = publish(false, target(Kind.CHANNEL, String.valueOf(channel.getId())));
        assertTrue(newsIds(denis).contains(toChannel));
        assertFalse(newsIds(alice).contains(toChannel));
        channels.join(alice, channel.getId());
        assertTrue(newsIds(alice).contains(toChannel), "joining the channel later brings its announcements");
        assertThrows(Refused.class, () -> announcements.open(chloe, toManagerTeam), "outside the audience: not found");
    }

    @Test
    void aLoopInTheDirectorysManagerDataEndsTheWalk() throws Exception {
        String first = person("loop1", "Loop-" + run, "Site-L-" + run, "an.loop2." + run, Set.of("employee"));
        String second = person("loop2", "Loop-" + run, "Site-L-" + run, first, Set.of("employee"));
        long id = publish(false, target(Kind.MANAGER, first));
        assertEquals(Set.of(first, second), recipients(id), "each is the other's report: both, once, and the walk ends");
        assertTrue(newsIds(second).contains(id), "reading climbs the same loop and ends too");
        assertTrue(newsIds(first).contains(id));
    }

    @Test
    void aMustReadAnnouncementTellsTheMailSideAndTheOpenPagesOfItsRecipientsOnly() throws Exception {
        long id = publish(true, target(Kind.DEPARTMENT, "Dept-B-" + run));
        List<MustReadMessage> messages = heard.about(id);
        assertEquals(1, messages.size(), "one message after the commit");
        MustReadMessage m = messages.get(0);
        assertEquals(MustReadMessage.Kind.PUBLISHED, m.kind());
        assertEquals(List.of(bruno, chloe), m.recipients());
        assertEquals("Titre " + run, m.title("fr"));
        assertEquals("Title " + run, m.title("en"));
        assertEquals("news.xhtml?a=" + id, m.path());
        awaitSignals(id, 2);
        assertEquals(Set.of(bruno, chloe), signalled(id));

        long plain = publish(false, target(Kind.DEPARTMENT, "Dept-B-" + run));
        assertEquals(List.of(), heard.about(plain), "an announcement that is not must-read sends no message");

        assertEquals(List.of(id), pending(bruno));
        assertEquals(List.of(), pending(alice), "no banner outside the audience");
        announcements.acknowledge(bruno, id);
        assertEquals(List.of(), pending(bruno), "acknowledged: the banner is gone");
        assertThrows(Refused.class, () -> announcements.acknowledge(alice, id));
    }

    // --- who may do what ---

    @Test
    void onlyHrAndAdministratorsPublish() throws Exception {
        long before = count();
        for (String who : List.of(alice, manager, former)) {
            Refused refused = assertThrows(Refused.class, () -> announcements.publish(who,
                    AnnouncementDraft.english(Category.HR, "Fake", "Not from HR", true, List.of(AnnouncementDraft.Target.everyone()))));
            assertEquals(Refused.Reason.NOT_ALLOWED, refused.reason(), who);
            assertFalse(announcements.canPublish(who));
        }
        assertEquals(before, count(), "nothing was published");
        assertTrue(announcements.canPublish(hr));
        assertTrue(announcements.canPublish(admin));
        long byAdmin = announcements.publish(admin, AnnouncementDraft.english(Category.IT_SAFETY, "Patch", "Reboot tonight",
                false, List.of(target(Kind.SITE, "Site-Y-" + run)))).getId();

        long id = publish(true, target(Kind.SITE, "Site-X-" + run));
        assertThrows(Refused.class, () -> announcements.statistics(alice, id), "a recipient sees no statistics");
        assertEquals(Refused.Reason.NOT_ALLOWED, assertThrows(Refused.class, () -> announcements.acknowledgements(alice, id)).reason());
        announcements.statistics(admin, id);
        announcements.statistics(admin, byAdmin);
        announcements.statistics(hr, byAdmin);
        assertEquals(Refused.Reason.NOT_ALLOWED, assertThrows(Refused.class,
                () -> announcements.acknowledgements(manager, byAdmin)).reason());
        assertEquals(4, announcements.acknowledgements(hr, byAdmin).size(), "HR exports any announcement's list");
    }

    @Test
    void badDraftsAreRefusedWithAReason() {
        Map<String, AnnouncementDraft> drafts = Map.of(
                "announcement.noText", new AnnouncementDraft(Category.HR, " ", null, null, null, false, null, null, false,
                        List.of(AnnouncementDraft.Target.everyone()), null),
                "announcement.titleAndText", new AnnouncementDraft(Category.HR, "Titre", null, null, null, false, null, null,
                        false, List.of(AnnouncementDraft.Target.everyone()), null),
                "announcement.noAudience", AnnouncementDraft.english(Category.HR, "T", "B", false, List.of()),
                "announcement.unknownAudience", AnnouncementDraft.english(Category.HR, "T", "B", false,
                        List.of(target(Kind.MANAGER, "nobody." + run))),
                "announcement.expiryBeforePublication", AnnouncementDraft.english(Category.HR, "T", "B", false,
                        List.of(AnnouncementDraft.Target.everyone())).publishingAt(null, Instant.now().minusSeconds(60)),
                "announcement.badLink", AnnouncementDraft.english(Category.EVENT, "T", "B", false,
                        List.of(AnnouncementDraft.Target.everyone())).asEvent(new AnnouncementDraft.EventDetails(
                        Instant.now(), Instant.now().plusSeconds(60), null, "javascript:alert(1)")),
                "announcement.eventEndBeforeStart", AnnouncementDraft.english(Category.EVENT, "T", "B", false,
                        List.of(AnnouncementDraft.Target.everyone())).asEvent(new AnnouncementDraft.EventDetails(
                        Instant.now(), Instant.now().minusSeconds(60), "Here", null)));
        drafts.forEach((detail, draft) -> {
            Refused refused = assertThrows(Refused.class, () -> announcements.publish(hr, draft), detail);
            assertEquals(Refused.Reason.INVALID, refused.reason(), detail);
            assertEquals(detail, refused.detail());
        });
    }

    // --- statistics ---

    @Test
    void acknowledgementStatisticsCountPerDepartmentAndSite() throws Exception {
        long id = publish(true, target(Kind.SITE, "Site-X-" + run), target(Kind.DEPARTMENT, "Dept-B-" + run));
        // Recipients: hr (People, X), alice (A, X), bruno (B, X), chloe (B, Y).
        announcements.open(alice, id);
        announcements.acknowledge(alice, id);
        announcements.open(bruno, id);
        announcements.open(bruno, id);
        announcements.acknowledge(chloe, id);

        AnnouncementStatistics s = announcements.statistics(hr, id);
        assertEquals(List.of(4L, 3L, 2L), counts(s.total()));
        assertEquals(50, s.total().getAcknowledgedPercent());
        assertEquals(75, s.total().getOpenedPercent());
        Map<String, List<Long>> departments = s.byDepartment().stream()
                .collect(Collectors.toMap(AnnouncementStatistics.Row::name, this::counts));
        assertEquals(Map.of("Dept-A-" + run, List.of(1L, 1L, 1L), "Dept-B-" + run, List.of(2L, 2L, 1L),
                "People-" + run, List.of(1L, 0L, 0L)), departments);
        Map<String, List<Long>> sites = s.bySite().stream()
                .collect(Collectors.toMap(AnnouncementStatistics.Row::name, this::counts));
        assertEquals(Map.of("Site-X-" + run, List.of(3L, 2L, 1L), "Site-Y-" + run, List.of(1L, 1L, 1L)), sites);

        List<Acknowledgement> list = announcements.acknowledgements(hr, id);
        assertEquals(4, list.size());
        Acknowledgement a = list.stream().filter(x -> x.username().equals(alice)).findFirst().orElseThrow();
        assertTrue(a.acknowledgedAt() != null && a.openedAt() != null);
        Acknowledgement b = list.stream().filter(x -> x.username().equals(bruno)).findFirst().orElseThrow();
        assertNull(b.acknowledgedAt());
    }

    // --- time ---

    @Test
    void aScheduledAnnouncementGoesOutWhenItsTimeComes() throws Exception {
        Instant at = Instant.now().plus(Duration.ofMinutes(10));
        Announcement a = announcements.publish(hr, draft(true, target(Kind.DEPARTMENT, "Dept-A-" + run)).publishingAt(at, null));
        long id = a.getId();
        assertFalse(a.isPublished());
        assertFalse(newsIds(alice).contains(id), "not before its time");
        assertEquals(List.of(), pending(alice));
        assertEquals(List.of(), heard.about(id), "no message before it goes out");
        assertThrows(Refused.class, () -> announcements.open(alice, id));

        dispatch.releaseDue(Instant.now());
        assertFalse(newsIds(alice).contains(id), "the timer leaves it until its time");

        assertTrue(dispatch.releaseDue(at.plusSeconds(1)) >= 1);
        assertTrue(newsIds(alice).contains(id), "out once its time has come");
        assertEquals(List.of(id), pending(alice));
        assertEquals(1, heard.about(id).size());
        assertEquals(List.of(alice), heard.about(id).get(0).recipients());
        dispatch.releaseDue(at.plusSeconds(60));
        assertEquals(1, heard.about(id).size(), "it goes out once");
    }

    @Test
    void anExpiredAnnouncementIsNoLongerShown() throws Exception {
        long id = announcements.publish(hr, draft(true, target(Kind.DEPARTMENT, "Dept-A-" + run))
                .publishingAt(null, Instant.now().plusSeconds(2))).getId();
        assertTrue(newsIds(alice).contains(id));
        assertEquals(List.of(id), pending(alice));
        Thread.sleep(2500);
        assertFalse(newsIds(alice).contains(id), "gone from the news");
        assertEquals(List.of(), pending(alice), "and from the banner");
        assertThrows(Refused.class, () -> announcements.open(alice, id));
        announcements.statistics(hr, id);
    }

    @Test
    void theUnacknowledgedAreRemindedOnceAfterTheDelay() throws Exception {
        long id = publish(true, target(Kind.DEPARTMENT, "Dept-B-" + run));
        announcements.acknowledge(chloe, id);
        dispatch.remindDue(Instant.now());
        assertEquals(1, heard.about(id).size(), "no reminder before the delay");
        dispatch.remindDue(Instant.now().plus(Duration.ofHours(25)));
        List<MustReadMessage> messages = heard.about(id);
        assertEquals(2, messages.size());
        assertEquals(MustReadMessage.Kind.REMINDER, messages.get(1).kind());
        assertEquals(List.of(bruno), messages.get(1).recipients(), "only who has not acknowledged");
        dispatch.remindDue(Instant.now().plus(Duration.ofHours(50)));
        assertEquals(2, heard.about(id).size(), "each recipient is reminded once");
    }

    // --- languages, news ---

    @Test
    void eachReaderGetsTheirLanguageOrTheOther() throws Exception {
        long both = publish(false, target(Kind.DEPARTMENT, "Dept-A-" + run));
        Announcement a = announcements.open(alice, both).announcement();
        assertEquals("Titre " + run, a.title("fr"));
        assertEquals("Title " + run, a.title("en"));
        long englishOnly = announcements.publish(hr, AnnouncementDraft.english(Category.PRODUCT_LAUNCH, "Launch " + run,
                "Out now", false, List.of(target(Kind.DEPARTMENT, "Dept-A-" + run)))).getId();
        Announcement e = announcements.open(alice, englishOnly).announcement();
        assertEquals("Launch " + run, e.title("fr"), "falls back to the other language");
        assertEquals("en", e.languageFor("fr"));

        List<Long> launches = announcements.news(alice, Category.PRODUCT_LAUNCH).stream().map(n -> n.announcement().getId()).toList();
        assertTrue(launches.contains(englishOnly));
        assertFalse(launches.contains(both), "the category filter keeps only its category");
    }

    // --- events ---

    @Test
    void answersToAnEventAreCountedAndListed() throws Exception {
        Instant start = Instant.parse("2030-03-12T08:30:00Z");
        long id = announcements.publish(hr, draft(false, target(Kind.SITE, "Site-X-" + run), target(Kind.SITE, "Site-Y-" + run))
                .asEvent(new AnnouncementDraft.EventDetails(start, start.plus(Duration.ofHours(2)), "Salle Eiffel; 3e, \"B\"",
                        "https://meet.example/allhands"))).getId();
        announcements.rsvp(alice, id, Rsvp.Answer.GOING);
        announcements.rsvp(bruno, id, Rsvp.Answer.MAYBE);
        announcements.rsvp(chloe, id, Rsvp.Answer.NOT_GOING);
        RsvpSummary s = announcements.rsvp(chloe, id, Rsvp.Answer.GOING);
        assertEquals(List.of(2L, 1L, 0L), List.of(s.going(), s.maybe(), s.notGoing()), "one answer per person, changeable");
        assertEquals(List.of(alice, chloe, bruno), s.attendees().stream().map(RsvpSummary.Attendee::username).toList(),
                "those going, then maybe");
        assertEquals(Rsvp.Answer.GOING, s.mine());
        assertEquals(Rsvp.Answer.MAYBE, announcements.rsvps(bruno, id).mine());
        long elsewhere = publish(false, target(Kind.DEPARTMENT, "Dept-A-" + run));
        assertThrows(Refused.class, () -> announcements.rsvp(alice, elsewhere, Rsvp.Answer.GOING), "not an event");

        String ics = announcements.calendar(alice, id, "fr");
        assertTrue(ics.contains("DTSTART:20300312T083000Z\r\n"), ics);
        assertTrue(ics.contains("UID:announcement-" + id + "@babillard\r\n"));
        assertTrue(ics.contains("SUMMARY:Titre " + run + "\r\n"));
        assertTrue(ics.contains("LOCATION:Salle Eiffel\\; 3e\\, \"B\"\r\n"));

        String token = announcements.calendarToken(alice);
        assertEquals(token, announcements.calendarToken(alice), "one address until revoked");
        assertTrue(announcements.calendarFeed(token).orElseThrow().contains("UID:announcement-" + id + "@babillard"));
        long hidden = announcements.publish(hr, draft(false, target(Kind.DEPARTMENT, "Dept-M-" + run))
                .asEvent(new AnnouncementDraft.EventDetails(start, start.plusSeconds(3600), "Board room", null))).getId();
        assertFalse(announcements.calendarFeed(token).orElseThrow().contains("UID:announcement-" + hidden + "@"),
                "the feed holds only the events its owner may read");
        assertThrows(Refused.class, () -> announcements.calendar(alice, hidden, "en"));
        announcements.revokeCalendarToken(alice);
        assertTrue(announcements.calendarFeed(token).isEmpty(), "a revoked address gives nothing");
        assertFalse(token.equals(announcements.calendarToken(alice)), "a new address is a different one");
    }

    @Test
    void aPostCanBeAnEventForThoseWhoMayReadIt() throws Exception {
        Instant start = Instant.parse("2030-05-20T16:00:00Z");
        AnnouncementDraft.EventDetails details = new AnnouncementDraft.EventDetails(start, start.plus(Duration.ofHours(1)),
                "Cafétéria, 2e", null);
        long afterwork = posts.publish(alice, "Afterwork of the team " + run + "\nBring snacks").getId();
        assertEquals(Refused.Reason.NOT_ALLOWED, assertThrows(Refused.class,
                () -> postEvents.makeEvent(bruno, afterwork, details)).reason(), "only its author");
        long reply = posts.publish(bruno, Draft.reply(afterwork, "Count me in")).getId();
        assertThrows(Refused.class, () -> postEvents.makeEvent(bruno, reply, details), "a reply is not an event");
        postEvents.makeEvent(alice, afterwork, details);
        postEvents.rsvp(bruno, afterwork, Rsvp.Answer.GOING);
        postEvents.rsvp(chloe, reply, Rsvp.Answer.MAYBE);
        RsvpSummary s = postEvents.rsvp(denis, afterwork, Rsvp.Answer.NOT_GOING);
        assertEquals(List.of(1L, 1L, 1L), List.of(s.going(), s.maybe(), s.notGoing()));
        assertEquals(List.of(bruno, chloe), s.attendees().stream().map(RsvpSummary.Attendee::username).toList());
        String ics = postEvents.calendar(chloe, afterwork);
        assertTrue(ics.contains("SUMMARY:Afterwork of the team " + run + "\r\n"), ics);
        assertTrue(ics.contains("UID:post-" + afterwork + "@babillard\r\n"));
        assertTrue(ics.contains("LOCATION:Cafétéria\\, 2e\r\n"));

        long secret = posts.publish(alice, Draft.notebook("Dentist " + run)).getId();
        postEvents.makeEvent(alice, secret, details);
        assertThrows(Refused.class, () -> postEvents.rsvp(chloe, secret, Rsvp.Answer.GOING), "a notebook event is its author's");
        assertTrue(postEvents.event(chloe, secret).isEmpty());
        String chloesFeed = announcements.calendarFeed(announcements.calendarToken(chloe)).orElseThrow();
        assertTrue(chloesFeed.contains("UID:post-" + afterwork + "@babillard"), "a readable post event is in the feed");
        assertFalse(chloesFeed.contains("UID:post-" + secret + "@babillard"), "not someone else's notebook");
        assertTrue(announcements.calendarFeed(announcements.calendarToken(alice)).orElseThrow()
                .contains("UID:post-" + secret + "@babillard"), "the author has their own");
    }

    // --- live coverage ---

    @Test
    void aLiveThreadSignalsEachNewReplyToEveryReader() throws Exception {
        long keynote = posts.publish(alice, "Keynote starts " + run).getId();
        long before = posts.publish(bruno, Draft.reply(keynote, "Before the live")).getId();
        assertEquals(Refused.Reason.NOT_ALLOWED, assertThrows(Refused.class,
                () -> coverage.switchLive(chloe, keynote, true)).reason(), "only its author, HR or an administrator");
        assertFalse(coverage.canSwitch(chloe, keynote));
        assertTrue(coverage.canSwitch(alice, keynote));
        assertTrue(coverage.canSwitch(hr, keynote));
        coverage.switchLive(alice, keynote, true);
        assertTrue(coverage.isLive(keynote));
        assertTrue(coverage.isLive(before), "a reply belongs to the live thread");
        long during = posts.publish(bruno, Draft.reply(keynote, "Slides are up")).getId();
        awaitThreadSignal(during, chloe);
        assertTrue(threadSignalled(during).containsAll(Set.of(alice, bruno, chloe, denis, hr)),
                "every reader, not only those in the thread");
        assertFalse(threadSignalled(during).contains(former), "nobody who left");
        assertTrue(threadSignalled(before).isEmpty(), "nothing before it went live");

        coverage.switchLive(hr, keynote, false);
        assertFalse(coverage.isLive(keynote));
        long after = posts.publish(bruno, Draft.reply(keynote, "Thanks all")).getId();
        Thread.sleep(1000);
        assertTrue(threadSignalled(after).isEmpty(), "switched off: no more live signals");

        long note = posts.publish(alice, Draft.notebook("My own notes " + run)).getId();
        assertThrows(Refused.class, () -> coverage.switchLive(alice, note, true), "a notebook entry never goes live");
    }

    // --- the top bar, which shows the must-read banner with the reader's other counts in one call ---

    @Test
    void theTopBarInOneCallShowsWhatEachPartShowsOnItsOwn() throws Exception {
        channels.join(bruno, channel.getId());
        long mustRead = publish(true, target(Kind.DEPARTMENT, "Dept-B-" + run));
        posts.publish(denis, Draft.inChannel(channel.getId(), "first in the channel " + run));
        posts.publish(denis, Draft.inChannel(channel.getId(), "second in the channel " + run));
        posts.publish(chloe, "a word for @" + bruno);
        statuses.set(bruno, "En déplacement à Lyon " + run, null);

        TopBarState bar = topBar.of(bruno).orElseThrow();
        assertEquals("Test bruno " + run, bar.displayName());
        assertEquals(people.photoHash(bruno), bar.photoHash());
        assertEquals(2, bar.unreadInChannels(), "the two posts of the channel joined");
        assertEquals(channels.unreadTotal(bruno), bar.unreadInChannels());
        assertTrue(bar.unreadNotifications() >= 1, "the mention");
        assertEquals(notifications.unread(bruno), bar.unreadNotifications());
        assertEquals(List.of(mustRead), bar.mustRead().stream().map(Announcement::getId).toList());
        assertEquals("En déplacement à Lyon " + run, bar.status().text());
        assertEquals(statuses.of(bruno).orElseThrow(), bar.status());

        announcements.acknowledge(bruno, mustRead);
        notifications.markAllRead(bruno);
        TopBarState after = topBar.of(bruno).orElseThrow();
        assertEquals(List.of(), after.mustRead(), "acknowledged: the banner is gone");
        assertEquals(0, after.unreadNotifications());
        assertEquals(2, after.unreadInChannels());

        assertEquals(0, topBar.of(chloe).orElseThrow().unreadInChannels(), "no channel joined");
        assertNull(topBar.of(chloe).orElseThrow().status(), "no status set");
        assertTrue(topBar.of(former).isEmpty(), "someone who has left has no top bar");
        assertTrue(topBar.of("nobody." + run).isEmpty());
    }

    private Set<String> threadSignalled(long postId) {
        return signals.stream().filter(s -> s[0].contains("\"type\":\"thread-live\"") && s[0].contains("\"id\":" + postId + "}"))
                .map(s -> s[1]).collect(Collectors.toSet());
    }

    private void awaitThreadSignal(long postId, String who) throws InterruptedException {
        for (int i = 0; i < 50 && !threadSignalled(postId).contains(who); i++) {
            Thread.sleep(100);
        }
    }

    // --- helpers ---

    private long publish(boolean mustRead, AnnouncementDraft.Target... audience) throws Refused {
        return announcements.publish(hr, draft(mustRead, audience)).getId();
    }

    private AnnouncementDraft draft(boolean mustRead, AnnouncementDraft.Target... audience) {
        return new AnnouncementDraft(Category.HR, "Titre " + run, "Texte en français", "Title " + run, "English text",
                mustRead, null, null, false, List.of(audience), null);
    }

    private static AnnouncementDraft.Target target(Kind kind, String value) {
        return new AnnouncementDraft.Target(kind, value);
    }

    private Set<String> recipients(long id) throws Refused {
        return announcements.acknowledgements(hr, id).stream().map(Acknowledgement::username)
                .filter(u -> u.endsWith(run)).collect(Collectors.toCollection(TreeSet::new));
    }

    private List<Long> newsIds(String reader) {
        return announcements.news(reader, null).stream().map(NewsItem::announcement).map(Announcement::getId).toList();
    }

    private List<Long> pending(String reader) {
        return announcements.pendingMustRead(reader).stream().map(Announcement::getId).toList();
    }

    private List<Long> counts(AnnouncementStatistics.Row row) {
        return List.of(row.recipients(), row.opened(), row.acknowledged());
    }

    private long count() {
        return em.createQuery("select count(a) from Announcement a", Long.class).getSingleResult();
    }

    private Set<String> signalled(long id) {
        return signals.stream().filter(s -> s[0].contains("\"type\":\"announcement\",\"id\":" + id + ","))
                .map(s -> s[1]).collect(Collectors.toSet());
    }

    private void awaitSignals(long id, int expected) throws InterruptedException {
        for (int i = 0; i < 50 && signalled(id).size() < expected; i++) {
            Thread.sleep(100);
        }
    }

    private Employee employee(String username) {
        return em.createNamedQuery(Employee.FIND_BY_USERNAME, Employee.class).setParameter("username", username).getSingleResult();
    }

    private String person(String role, String department, String site, String managerUsername, Set<String> roles) {
        String username = "an." + role + "." + run;
        String managerDn = managerUsername == null ? null : dn(managerUsername).toUpperCase();
        people.loggedIn(username, new DirectoryProfile(dn(username), "Test " + role + " " + run, username + "@babillard.example",
                "QA", department, site, null, managerDn, "fr"), roles);
        return username;
    }

    private static String dn(String username) {
        return "uid=" + username + ",ou=people,dc=babillard,dc=example";
    }
}
