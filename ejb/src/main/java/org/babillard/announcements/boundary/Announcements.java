package org.babillard.announcements.boundary;

import org.babillard.audit.entity.AuditAction;
import org.babillard.audit.boundary.AuditLog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import org.babillard.announcements.control.Answers;
import org.babillard.announcements.control.CalendarFile;
import org.babillard.announcements.control.Publication;
import org.babillard.announcements.entity.Announcement;
import org.babillard.announcements.entity.AudienceTarget;
import org.babillard.announcements.entity.CalendarToken;
import org.babillard.announcements.entity.Category;
import org.babillard.announcements.entity.Recipient;
import org.babillard.announcements.entity.Rsvp;
import org.babillard.channels.entity.Channel;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;
import org.babillard.platform.entity.SecretToken;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Company announcements: HR and administrators publish them to an audience; everyone reads those they are in the
 * audience of (resolved against their directory data at reading time), acknowledges the must-read ones, answers
 * events and downloads them as calendar entries. Statistics are for the author, HR and administrators; the list
 * of who acknowledged when for HR and administrators only. Every refusal is a {@link Refused}.
 */
@Stateless
public class Announcements {

    public static final Set<String> PUBLISHER_ROLES = Set.of("hr", "admin");
    public static final int TITLE_LIMIT = 200;
    public static final int BODY_LIMIT = 10000;
    public static final int PLACE_LIMIT = 300;
    public static final int LINK_LIMIT = 1000;
    public static final int NEWS_LIMIT = 100;
    /** Where the manager chain stops climbing, whatever the directory says. */
    private static final int CHAIN_LIMIT = 50;
    private static final String NOBODY = "#nobody#";

    /**
     * JPQL: announcement {@code a} is for reader {@code :reader} (an employee id) whose department is
     * {@code :department}, site {@code :site} and managers up the chain (lower-case DNs) {@code :managers}: they
     * wrote it, or one of its targets takes them in.
     */
    static final String FOR_READER = """
            (a.author.id = :reader or exists (select t from AudienceTarget t where t.announcement = a and (
                t.kind = org.babillard.announcements.entity.AudienceTarget.Kind.EVERYONE
                or (t.kind = org.babillard.announcements.entity.AudienceTarget.Kind.DEPARTMENT and t.name = :department)
                or (t.kind = org.babillard.announcements.entity.AudienceTarget.Kind.SITE and t.name = :site)
                or (t.kind = org.babillard.announcements.entity.AudienceTarget.Kind.CHANNEL and exists (
                        select m from Membership m where m.channel.id = t.channelId and m.employee.id = :reader))
                or (t.kind = org.babillard.announcements.entity.AudienceTarget.Kind.MANAGER and t.name in :managers))))""";

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Publication publication;

    @Inject
    CalendarFile calendarFile;

    @Inject
    Answers answers;

    @Inject
    PostEvents postEvents;

    Clock clock = Clock.systemUTC();

    // --- publishing ---

    /** Whether this person may publish announcements (HR and administrators). */
    public boolean canPublish(String username) {
        return employee(username).map(this::publisher).orElse(false);
    }

    /**
     * Publishes an announcement now, or schedules it for {@code draft.publishAt()}.
     *
     * @throws Refused NOT_ALLOWED for anyone without the hr or admin role; INVALID (detail {@code announcement.*})
     *                 for a draft that breaks a rule
     */
    public Announcement publish(String authorUsername, AnnouncementDraft draft) throws Refused {
        Employee author = employee(authorUsername).filter(this::publisher)
                .orElseThrow(() -> Refused.notAllowed("only HR and administrators publish announcements"));
        Instant now = clock.instant();
        String titleFr = trimmed(draft.titleFr());
        String bodyFr = trimmed(draft.bodyFr());
        String titleEn = trimmed(draft.titleEn());
        String bodyEn = trimmed(draft.bodyEn());
        checkLanguage(titleFr, bodyFr);
        checkLanguage(titleEn, bodyEn);
        if (titleFr == null && titleEn == null) {
            throw invalid("announcement.noText");
        }
        if (draft.category() == null) {
            throw invalid("announcement.noCategory");
        }
        Instant publishAt = draft.publishAt() == null || draft.publishAt().isBefore(now) ? now : draft.publishAt();
        if (draft.expiresAt() != null && !draft.expiresAt().isAfter(publishAt)) {
            throw invalid("announcement.expiryBeforePublication");
        }
        if (draft.audience().isEmpty()) {
            throw invalid("announcement.noAudience");
        }
        Announcement a = new Announcement(author, draft.category(), titleFr, bodyFr, titleEn, bodyEn, draft.mustRead(),
                publishAt, draft.expiresAt(), draft.pinned(), now);
        if (draft.event() != null) {
            AnnouncementDraft.EventDetails e = draft.event();
            if (e.start() == null || e.end() == null) {
                throw invalid("announcement.eventTimeMissing");
            }
            if (e.end().isBefore(e.start())) {
                throw invalid("announcement.eventEndBeforeStart");
            }
            String place = trimmed(e.place());
            String link = trimmed(e.link());
            if (place != null && place.length() > PLACE_LIMIT) {
                throw invalid("announcement.placeTooLong");
            }
            if (link != null && (link.length() > LINK_LIMIT || !isWebAddress(link))) {
                throw invalid("announcement.badLink");
            }
            a.event(e.start(), e.end(), place, link);
        }
        em.persist(a);
        Set<String> seen = new HashSet<>();
        for (AnnouncementDraft.Target target : draft.audience()) {
            AudienceTarget t = target(a, target);
            if (seen.add(t.getKind() + "|" + t.getName() + "|" + t.getChannelId())) {
                em.persist(t);
            }
        }
        if (!publishAt.isAfter(now)) {
            publication.goOut(a, now);
        }
        audit.record(AuditAction.ANNOUNCEMENT_PUBLISHED, author.getUsername(), "announcement " + a.getId(),
                (titleFr != null ? titleFr : titleEn) + (draft.mustRead() ? " (must read)" : "")
                        + (publishAt.isAfter(now) ? ", scheduled for " + publishAt : ""));
        return a;
    }

    private void checkLanguage(String title, String body) throws Refused {
        if ((title == null) != (body == null)) {
            throw invalid("announcement.titleAndText");
        }
        if (title != null && title.codePointCount(0, title.length()) > TITLE_LIMIT) {
            throw invalid("announcement.titleTooLong");
        }
        if (body != null && body.codePointCount(0, body.length()) > BODY_LIMIT) {
            throw invalid("announcement.bodyTooLong");
        }
    }

    private AudienceTarget target(Announcement a, AnnouncementDraft.Target target) throws Refused {
        if (target == null || target.kind() == null) {
            throw invalid("announcement.unknownAudience");
        }
        String value = trimmed(target.value());
        return switch (target.kind()) {
            case EVERYONE -> new AudienceTarget(a, AudienceTarget.Kind.EVERYONE, null, null, null);
            case DEPARTMENT, SITE -> {
                if (value == null) {
                    throw invalid("announcement.unknownAudience");
                }
                yield new AudienceTarget(a, target.kind(), value, null, value);
            }
            case CHANNEL -> {
                Channel channel = null;
                try {
                    channel = value == null ? null : em.find(Channel.class, Long.valueOf(value));
                } catch (NumberFormatException e) {
                    // not a channel
                }
                if (channel == null || channel.isPrivate()) {
                    throw invalid("announcement.unknownAudience");
                }
                yield new AudienceTarget(a, AudienceTarget.Kind.CHANNEL, null, channel.getId(), channel.getName());
            }
            case MANAGER -> {
                Employee manager = employee(value).orElseThrow(() -> invalid("announcement.unknownAudience"));
                yield new AudienceTarget(a, AudienceTarget.Kind.MANAGER, manager.getDirectoryDn().toLowerCase(java.util.Locale.ROOT),
                        null, manager.getDisplayName());
            }
        };
    }

    /** Departments of the people in the company, for the audience choice. */
    public List<String> departments() {
        return em.createQuery("select distinct e.department from Employee e where e.leftAt is null and e.department is not null "
                + "order by e.department", String.class).getResultList();
    }

    /** Sites of the people in the company, for the audience choice. */
    public List<String> sites() {
        return em.createQuery("select distinct e.site from Employee e where e.leftAt is null and e.site is not null "
                + "order by e.site", String.class).getResultList();
    }

    /** Channels an announcement may address: the open ones (a private channel's members are nobody else's business). */
    public List<Channel> channels() {
        return em.createQuery("select c from Channel c where c.access = org.babillard.channels.entity.Channel.Access.OPEN "
                + "and c.archivedAt is null order by c.name", Channel.class).getResultList();
    }

    // --- reading ---

    /** The announcements out now that the reader is in the audience of, pinned first, then newest first. */
    public List<NewsItem> news(String readerUsername, Category category) {
        Optional<Employee> reader = employee(readerUsername);
        if (reader.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        TypedQuery<Announcement> query = readerQuery(reader.get(), "select a from Announcement a where a.publishedAt is not null "
                + "and (a.expiresAt is null or a.expiresAt > :now) and " + FOR_READER
                + (category == null ? "" : " and a.category = :category") + " order by a.publishedAt desc, a.id desc");
        query.setParameter("now", utc(now));
        if (category != null) {
            query.setParameter("category", category);
        }
        List<Announcement> found = query.setMaxResults(NEWS_LIMIT).getResultList();
        List<Announcement> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing((Announcement a) -> !a.isPinned()));
        Map<Long, Recipient> mine = recipients(reader.get(), sorted);
        List<NewsItem> items = new ArrayList<>();
        for (Announcement a : sorted) {
            Recipient r = mine.get(a.getId());
            items.add(new NewsItem(a, r != null, r == null ? null : r.getAcknowledgedAt()));
        }
        return items;
    }

    /**
     * One announcement, opened by the reader (counted once in the statistics).
     *
     * @throws Refused NOT_FOUND when it is not out, expired, or not for the reader (the author, HR and
     *                 administrators see it whatever its state)
     */
    public NewsItem open(String readerUsername, long id) throws Refused {
        return find(readerUsername, id, true);
    }

    /** One announcement, as {@link #open} finds it, without counting it as opened (the statistics page). */
    public NewsItem find(String readerUsername, long id) throws Refused {
        return find(readerUsername, id, false);
    }

    private NewsItem find(String readerUsername, long id, boolean opening) throws Refused {
        Employee reader = employee(readerUsername).orElseThrow(() -> Refused.notFound("announcement " + id));
        Announcement a = readable(reader, id);
        Recipient r = recipient(a.getId(), reader.getId());
        if (r != null && opening) {
            r.opened(clock.instant());
        }
        return new NewsItem(a, r != null, r == null ? null : r.getAcknowledgedAt());
    }

    /** "I have read this": the banner goes away for good. @throws Refused NOT_FOUND if it was not sent to the reader */
    public void acknowledge(String readerUsername, long id) throws Refused {
        Employee reader = employee(readerUsername).orElseThrow(() -> Refused.notFound("announcement " + id));
        Announcement a = readable(reader, id);
        Recipient r = recipient(a.getId(), reader.getId());
        if (r == null) {
            throw Refused.notFound("announcement " + id);
        }
        r.acknowledged(clock.instant());
    }

    /** The must-read announcements out now that the reader has not acknowledged yet, oldest first: the banner. */
    @SuppressWarnings("unchecked")
    public List<Announcement> pendingMustRead(String readerUsername) {
        // Native SQL: EclipseLink writes a boolean parameter as 1 when it inlines one, which H2 and PostgreSQL refuse.
        return em.createNativeQuery("""
                SELECT a.* FROM announcement a
                JOIN announcement_recipient r ON r.announcement_id = a.id
                JOIN employee e ON e.id = r.employee_id
                WHERE e.username = ?1 AND r.acknowledged_at IS NULL AND a.must_read = TRUE
                  AND a.published_at IS NOT NULL AND (a.expires_at IS NULL OR a.expires_at > ?2)
                ORDER BY a.published_at, a.id""", Announcement.class)
                .setParameter(1, readerUsername).setParameter(2, utc(clock.instant())).getResultList();
    }

    // --- statistics ---

    /** Whether this person may see the announcement's statistics: its author, HR and administrators. */
    public boolean canSeeStatistics(String username, long id) {
        Announcement a = em.find(Announcement.class, id);
        return a != null && employee(username).map(e -> e.isActive()
                && (publisher(e) || a.getAuthor().getId().equals(e.getId()))).orElse(false);
    }

    /** @throws Refused NOT_FOUND unless the viewer is the author, HR or an administrator */
    public AnnouncementStatistics statistics(String viewerUsername, long id) throws Refused {
        if (!canSeeStatistics(viewerUsername, id)) {
            throw Refused.notFound("announcement " + id);
        }
        List<Object[]> rows = em.createQuery("""
                select r.department, r.site, count(r), count(r.openedAt), count(r.acknowledgedAt)
                from Recipient r where r.announcementId = :a group by r.department, r.site""", Object[].class)
                .setParameter("a", id).getResultList();
        Map<String, long[]> departments = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Map<String, long[]> sites = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        long[] total = new long[3];
        for (Object[] row : rows) {
            long[] counts = {((Number) row[2]).longValue(), ((Number) row[3]).longValue(), ((Number) row[4]).longValue()};
            add(departments.computeIfAbsent((String) row[0], k -> new long[3]), counts);
            add(sites.computeIfAbsent((String) row[1], k -> new long[3]), counts);
            add(total, counts);
        }
        return new AnnouncementStatistics(row(null, total), rows(departments), rows(sites));
    }

    private static void add(long[] into, long[] counts) {
        for (int i = 0; i < 3; i++) {
            into[i] += counts[i];
        }
    }

    private static AnnouncementStatistics.Row row(String name, long[] c) {
        return new AnnouncementStatistics.Row(name, c[0], c[1], c[2]);
    }

    private static List<AnnouncementStatistics.Row> rows(Map<String, long[]> groups) {
        List<AnnouncementStatistics.Row> out = new ArrayList<>();
        groups.forEach((name, c) -> out.add(row(name, c)));
        return out;
    }

    /** Whether this person may export who acknowledged when: HR and administrators only. */
    public boolean canExport(String username) {
        return canPublish(username);
    }

    /** Every recipient and when they opened and acknowledged, by name. @throws Refused NOT_ALLOWED except for HR and admins */
    public List<Acknowledgement> acknowledgements(String viewerUsername, long id) throws Refused {
        if (!canExport(viewerUsername)) {
            throw Refused.notAllowed("only HR and administrators export acknowledgements");
        }
        if (em.find(Announcement.class, id) == null) {
            throw Refused.notFound("announcement " + id);
        }
        List<Acknowledgement> out = new ArrayList<>();
        for (Recipient r : em.createQuery("select r from Recipient r join r.employee e where r.announcementId = :a "
                + "order by e.searchText, e.username", Recipient.class).setParameter("a", id).getResultList()) {
            out.add(new Acknowledgement(r.getEmployee().getUsername(), r.getEmployee().getDisplayName(), r.getDepartment(),
                    r.getSite(), r.getOpenedAt(), r.getAcknowledgedAt()));
        }
        return out;
    }

    /** Who the announcement was addressed to, for its author, HR and administrators. */
    public List<AudienceTarget> audience(String viewerUsername, long id) throws Refused {
        if (!canSeeStatistics(viewerUsername, id)) {
            throw Refused.notFound("announcement " + id);
        }
        return em.createNamedQuery(AudienceTarget.OF, AudienceTarget.class).setParameter("announcement", id).getResultList();
    }

    /** The announcements this person wrote, newest first (scheduled ones included), for the compose page. */
    public List<Announcement> writtenBy(String username) {
        return em.createQuery("select a from Announcement a where a.author.username = :u order by a.createdAt desc, a.id desc",
                Announcement.class).setParameter("u", username).setMaxResults(NEWS_LIMIT).getResultList();
    }

    // --- events ---

    /**
     * The reader answers an event they may read.
     *
     * @throws Refused NOT_FOUND when they may not read it or it is not an event
     */
    public RsvpSummary rsvp(String readerUsername, long id, Rsvp.Answer answer) throws Refused {
        Employee reader = employee(readerUsername).orElseThrow(() -> Refused.notFound("announcement " + id));
        Announcement a = event(reader, id);
        if (answer == null) {
            throw invalid("announcement.noAnswer");
        }
        // One answer per person: the row lock on the announcement serialises two clicks of the same person.
        em.lock(a, LockModeType.PESSIMISTIC_WRITE);
        Rsvp existing = em.createQuery("select r from Rsvp r where r.announcementId = :a and r.employee.id = :e", Rsvp.class)
                .setParameter("a", id).setParameter("e", reader.getId()).getResultStream().findFirst().orElse(null);
        if (existing == null) {
            em.persist(new Rsvp(id, reader, answer, clock.instant()));
        } else {
            existing.answer(answer, clock.instant());
        }
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new Refused(Refused.Reason.CHANGED_MEANWHILE, "rsvp");
        }
        return rsvps(reader, a);
    }

    /** The answers to an event the reader may read. */
    public RsvpSummary rsvps(String readerUsername, long id) throws Refused {
        Employee reader = employee(readerUsername).orElseThrow(() -> Refused.notFound("announcement " + id));
        return rsvps(reader, event(reader, id));
    }

    private RsvpSummary rsvps(Employee reader, Announcement a) {
        return answers.summary(em.createQuery("select r from Rsvp r join r.employee e where r.announcementId = :a "
                + "order by e.searchText, e.username", Rsvp.class).setParameter("a", a.getId()).getResultList(), reader.getId());
    }

    /**
     * The event as an iCalendar file in the reader's language (the one they chose, else the directory's, else
     * {@code fallbackLanguage}). @throws Refused NOT_FOUND as for {@link #open}
     */
    public String calendar(String readerUsername, long id, String fallbackLanguage) throws Refused {
        Employee reader = employee(readerUsername).orElseThrow(() -> Refused.notFound("announcement " + id));
        Announcement a = event(reader, id);
        String language = reader.preferredLanguage() != null ? reader.preferredLanguage() : fallbackLanguage;
        return calendarFile.calendar(null, List.of(calendarEvent(a, language)));
    }

    /** The reader's calendar feed token, made on first use. */
    public String calendarToken(String readerUsername) throws Refused {
        Employee reader = employee(readerUsername).orElseThrow(() -> Refused.notFound("employee"));
        CalendarToken token = em.find(CalendarToken.class, reader.getId());
        if (token == null) {
            token = new CalendarToken(reader.getId(), SecretToken.random(), clock.instant());
            em.persist(token);
        }
        return token.getToken();
    }

    /** Whether the reader has a calendar feed (without making one). */
    public boolean hasCalendarToken(String readerUsername) {
        return employee(readerUsername).map(e -> em.find(CalendarToken.class, e.getId()) != null).orElse(false);
    }

    /** Revokes the reader's feed address: calendars subscribed to it get nothing more. */
    public void revokeCalendarToken(String readerUsername) {
        employee(readerUsername).map(e -> em.find(CalendarToken.class, e.getId())).ifPresent(em::remove);
    }

    /**
     * The feed of the token's owner: the announced events out now that they may read, in their language, and the
     * posts that are events that they may read. Empty for an unknown or revoked token, or an owner who has left.
     */
    public Optional<String> calendarFeed(String token) {
        if (!SecretToken.wellFormed(token)) {
            return Optional.empty();
        }
        Optional<CalendarToken> found = em.createQuery("select t from CalendarToken t where t.token = :t", CalendarToken.class)
                .setParameter("t", token).getResultStream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Employee owner = em.find(Employee.class, found.get().getEmployeeId());
        if (owner == null || !owner.isActive()) {
            return Optional.empty();
        }
        String language = "fr".equals(owner.preferredLanguage()) ? "fr" : "en";
        TypedQuery<Announcement> query = readerQuery(owner, "select a from Announcement a where a.publishedAt is not null "
                + "and a.eventStart is not null and (a.expiresAt is null or a.expiresAt > :now) and " + FOR_READER
                + " order by a.eventStart");
        List<CalendarFile.Event> events = new ArrayList<>();
        for (Announcement a : query.setParameter("now", utc(clock.instant())).getResultList()) {
            events.add(calendarEvent(a, language));
        }
        events.addAll(postEvents.feed(owner));
        return Optional.of(calendarFile.calendar("Babillard", events));
    }

    private CalendarFile.Event calendarEvent(Announcement a, String language) {
        return new CalendarFile.Event("announcement-" + a.getId() + "@babillard", a.getEventStart(), a.getEventEnd(),
                a.title(language), a.body(language), a.getEventPlace(), a.getEventLink(), a.getPublishedAt() != null
                ? a.getPublishedAt() : a.getCreatedAt());
    }

    private Announcement event(Employee reader, long id) throws Refused {
        Announcement a = readable(reader, id);
        if (!a.isEvent()) {
            throw Refused.notFound("event " + id);
        }
        return a;
    }

    // --- the reader and their audience ---

    /** The announcement if the reader may read it now; its author, HR and administrators may always. */
    private Announcement readable(Employee reader, long id) throws Refused {
        Announcement a = em.find(Announcement.class, id);
        if (a == null || !reader.isActive()) {
            throw Refused.notFound("announcement " + id);
        }
        if (publisher(reader) || a.getAuthor().getId().equals(reader.getId())) {
            return a;
        }
        if (!a.isOutAt(clock.instant())) {
            throw Refused.notFound("announcement " + id);
        }
        TypedQuery<Long> query = readerQuery(reader, "select a.id from Announcement a where a.id = :id and " + FOR_READER, Long.class);
        if (query.setParameter("id", id).getResultList().isEmpty()) {
            throw Refused.notFound("announcement " + id);
        }
        return a;
    }

    private TypedQuery<Announcement> readerQuery(Employee reader, String jpql) {
        return readerQuery(reader, jpql, Announcement.class);
    }

    private <T> TypedQuery<T> readerQuery(Employee reader, String jpql, Class<T> type) {
        Set<String> managers = managerChain(reader);
        if (managers.isEmpty()) {
            managers = Set.of(NOBODY);
        }
        return em.createQuery(jpql, type).setParameter("reader", reader.getId())
                .setParameter("department", reader.getDepartment() == null ? NOBODY : reader.getDepartment())
                .setParameter("site", reader.getSite() == null ? NOBODY : reader.getSite())
                .setParameter("managers", new ArrayList<>(managers));
    }

    /** The DNs (lower case) of the reader's manager, their manager, and so on up to the top. */
    Set<String> managerChain(Employee reader) {
        Set<String> chain = new java.util.LinkedHashSet<>();
        String dn = reader.getManagerDn();
        while (dn != null && chain.size() < CHAIN_LIMIT) {
            String lower = dn.toLowerCase(java.util.Locale.ROOT);
            if (!chain.add(lower)) {
                break;
            }
            dn = em.createNamedQuery(Employee.FIND_BY_DN, Employee.class).setParameter("dn", lower)
                    .getResultStream().findFirst().map(Employee::getManagerDn).orElse(null);
        }
        return chain;
    }

    private Map<Long, Recipient> recipients(Employee reader, List<Announcement> announcements) {
        Map<Long, Recipient> out = new HashMap<>();
        if (announcements.isEmpty()) {
            return out;
        }
        List<Long> ids = announcements.stream().map(Announcement::getId).toList();
        for (Recipient r : em.createQuery("select r from Recipient r where r.employeeId = :e and r.announcementId in :ids",
                Recipient.class).setParameter("e", reader.getId()).setParameter("ids", ids).getResultList()) {
            out.put(r.getAnnouncementId(), r);
        }
        return out;
    }

    private Recipient recipient(long announcementId, long employeeId) {
        return em.find(Recipient.class, new Recipient.Key(announcementId, employeeId));
    }

    private Optional<Employee> employee(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(Employee.FIND_BY_USERNAME, Employee.class).setParameter("username", username)
                .getResultStream().findFirst();
    }

    private boolean publisher(Employee e) {
        return e.isActive() && e.getRoles().stream().anyMatch(PUBLISHER_ROLES::contains);
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        return s.isEmpty() ? null : s;
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    private static boolean isWebAddress(String link) {
        try {
            URI uri = new URI(link);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Refused invalid(String detail) {
        return new Refused(Refused.Reason.INVALID, detail);
    }
}
