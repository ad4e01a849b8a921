package org.babillard.personaldata.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.attachments.control.AttachmentStore;
import org.babillard.attachments.entity.Attachment;
import org.babillard.audit.boundary.AuditLog;
import org.babillard.audit.entity.AuditAction;
import org.babillard.people.boundary.People;
import org.babillard.people.boundary.PeopleLeft;
import org.babillard.people.control.Photos;
import org.babillard.people.entity.Employee;
import org.babillard.people.entity.FormerEmployee;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.PostsRewritten;
import org.babillard.posts.control.Markup;
import org.babillard.posts.control.Visibility;
import org.babillard.posts.entity.Post;
import org.babillard.posts.entity.PostVersion;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Erases a former employee's personal data at an administrator's request, keeping the conversation readable:
 * their profile takes a neutral name, what was theirs alone goes (notebook, bookmarks, saved searches, settings,
 * tokens, follows, memberships), their posts stay under the neutral name, and the mentions of them are renamed.
 * Irreversible; only for someone the directory no longer lists; audited. What exactly goes and stays is in
 * docs/administration.md, "Erasing a former employee's personal data".
 */
@Stateless
public class Erasure {

    private static final Logger LOG = Logger.getLogger(Erasure.class.getName());

    /** The most former employees the console lists at once, latest departure first. */
    public static final int LISTED = 200;

    /** What is deleted outright, one JPQL statement each; every one names the person as {@code :id}. */
    private static final List<String> DELETED = List.of(
            "delete from Follow f where f.follower.id = :id or f.followed.id = :id",
            "delete from TopicFollow t where t.employee.id = :id",
            "delete from Membership m where m.employee.id = :id",
            "delete from ChannelRequest r where r.employee.id = :id or r.askedBy.id = :id",
            "delete from Bookmark b where b.employee.id = :id",
            "delete from SavedSearch s where s.owner.id = :id",
            "delete from MailPreference m where m.employeeId = :id",
            "delete from MailToken t where t.owner.id = :id",
            "delete from DigestItem d where d.employee.id = :id",
            "delete from Notification n where n.recipient.id = :id",
            "delete from CalendarToken t where t.employeeId = :id",
            "delete from FeedToken t where t.employeeId = :id",
            "delete from AccessToken t where t.employee.id = :id",
            "delete from AuthorizationCode c where c.employee.id = :id",
            "delete from Marker m where m.employee.id = :id");

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Inject
    Visibility visibility;

    @Inject
    AuditLog audit;

    @Inject
    Photos photos;

    @Inject
    AttachmentStore store;

    @Inject
    Event<PeopleLeft> peopleLeft;

    @Inject
    Event<PostsRewritten> rewritten;

    @Inject
    Event<PersonalDataErased> erased;

    @Resource
    SessionContext context;

    /** A former employee whose data may be erased, as the console lists them. */
    public record Former(long number, String username, String displayName, Instant leftAt) implements java.io.Serializable {
        /** The number of the neutral name the person will take ("Former employee #42"). */
        public long getNumber() {
            return number;
        }

        public String getUsername() {
            return username;
        }

        public String getDisplayName() {
            return displayName;
        }

        public Instant getLeftAt() {
            return leftAt;
        }
    }

    /** What an erasure did: the neutral name's number, and how many things it touched. */
    public record Erased(long number, int postsKept, int notebookEntries, int mentionsRenamed) {
    }

    /**
     * The people who left and whose data is still kept, latest departure first ({@link #LISTED} at most).
     *
     * @throws Refused NOT_ALLOWED for anyone but an administrator
     */
    public List<Former> former(String adminUsername) throws Refused {
        admin(adminUsername);
        return em.createNamedQuery(Employee.FORMER, Employee.class).setMaxResults(LISTED).getResultStream()
                .map(e -> new Former(e.getId(), e.getUsername(), e.getDisplayName(), e.getLeftAt())).toList();
    }

    /**
     * Erases the personal data of the former employee {@code username}.
     *
     * @param confirmation what the administrator typed to confirm: the person's user name
     * @throws Refused NOT_ALLOWED for anyone but an administrator; NOT_FOUND for nobody of that name (a bot, or
     *                 someone already erased); INVALID {@code erasure.stillEmployed} for someone the directory still
     *                 lists, {@code erasure.confirmationMismatch} when the confirmation is not their user name
     */
    public Erased erase(String adminUsername, String username, String confirmation) throws Refused {
        Employee admin = admin(adminUsername);
        Employee person = people.find(username).filter(e -> !e.isBot() && !e.isErased())
                .orElseThrow(() -> Refused.notFound("person " + username));
        if (person.isActive() || person.getLeftAt() == null) {
            throw new Refused(Refused.Reason.INVALID, "erasure.stillEmployed");
        }
        if (confirmation == null || !confirmation.trim().equalsIgnoreCase(person.getUsername())) {
            throw new Refused(Refused.Reason.INVALID, "erasure.confirmationMismatch");
        }
        if (admin.getId().equals(person.getId())) {
            throw Refused.notAllowed("erasing oneself");
        }
        String login = person.getUsername();
        long id = person.getId();
        if (people.find(FormerEmployee.username(id)).isPresent()) {
            // A bot or a directory login took the neutral name first: nothing is changed until it is renamed.
            throw new Refused(Refused.Reason.INVALID, "erasure.nameTaken");
        }
        Instant now = Clock.systemUTC().instant();
        Set<Long> reindex = new LinkedHashSet<>();
        int renamed = renameMentions(login, FormerEmployee.username(id), reindex);
        int notebook = eraseNotebook(id, now, reindex);
        // The colleagues' follow counts (V22_2) lose this person before the follows go.
        em.createNativeQuery("UPDATE employee SET followers_count = followers_count - 1 WHERE followers_count > 0"
                + " AND id IN (SELECT f.followed_id FROM follow f WHERE f.follower_id = ?)").setParameter(1, id).executeUpdate();
        em.createNativeQuery("UPDATE employee SET following_count = following_count - 1 WHERE following_count > 0"
                + " AND id IN (SELECT f.follower_id FROM follow f WHERE f.followed_id = ?)").setParameter(1, id).executeUpdate();
        em.createNativeQuery("UPDATE employee SET followers_count = 0, following_count = 0 WHERE id = ?").setParameter(1, id)
                .executeUpdate();
        for (String jpql : DELETED) {
            em.createQuery(jpql).setParameter("id", id).executeUpdate();
        }
        List<Long> kept = em.createQuery("select p.id from Post p where p.author.id = :id and p.deletedAt is null", Long.class)
                .setParameter("id", id).getResultList();
        reindex.addAll(kept);
        if (person.getPhotoHash() != null) {
            photos.remove(login);
        }
        person.erase(now);
        em.flush();
        audit.record(AuditAction.PERSONAL_DATA_ERASED, adminUsername, login, "now " + FormerEmployee.displayName(id) + "; "
                + kept.size() + " posts kept, " + notebook + " notebook entries erased, " + renamed + " mentions renamed");
        peopleLeft.fire(new PeopleLeft(Set.of(login)));
        erased.fire(new PersonalDataErased(id));
        rewritten.fire(new PostsRewritten(List.copyOf(reindex)));
        LOG.info(() -> "Personal data of former employee #" + id + " erased by an administrator");
        return new Erased(id, kept.size(), notebook, renamed);
    }

    /**
     * Deletes the mails queued for an erased person, after the erasure committed and in transactions of their own: the
     * outbox sender holds a message's row while it talks to the mail server, and an erasure must not wait for it or
     * fail because of it. A few tries, a little apart; what is still there afterwards is logged.
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void forgetQueuedMail(long employeeId) {
        Erasure self = context.getBusinessObject(Erasure.class);
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                self.deleteQueuedMail(employeeId);
                return;
            } catch (RuntimeException busy) {
                LOG.log(Level.FINE, "Queued mail of former employee #" + employeeId + " not deleted yet", busy);
                try {
                    Thread.sleep(2000L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        LOG.warning(() -> "The mails queued for former employee #" + employeeId + " could not be deleted after their erasure");
    }

    /** Deletes the mails queued for the person, by id (the outbox has no index on the recipient). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void deleteQueuedMail(long employeeId) {
        List<Long> mails = em.createQuery("select o.id from OutboxMessage o where o.recipient.id = :id", Long.class)
                .setParameter("id", employeeId).getResultList();
        for (int from = 0; from < mails.size(); from += 500) {
            em.createQuery("delete from OutboxMessage o where o.id in :ids")
                    .setParameter("ids", mails.subList(from, Math.min(mails.size(), from + 500))).executeUpdate();
        }
    }

    /** Renames the mentions of the login in every post and earlier version that has one. */
    private int renameMentions(String login, String neutral, Set<Long> reindex) {
        // A scan of the texts, once per erasure: mentions are stored only for people who could read the post, and a
        // mention typed where they could not read is still their login.
        String like = "%@" + login.toLowerCase(Locale.ROOT) + "%";
        int renamed = 0;
        for (Post p : em.createQuery("select p from Post p where lower(p.text) like :at", Post.class)
                .setParameter("at", like).getResultList()) {
            String text = Markup.renameMention(p.getText(), login, neutral);
            if (!text.equals(p.getText())) {
                p.mentionsRenamed(text);
                reindex.add(p.getId());
                renamed++;
            }
        }
        for (PostVersion v : em.createQuery("select v from PostVersion v where lower(v.text) like :at", PostVersion.class)
                .setParameter("at", like).getResultList()) {
            String text = Markup.renameMention(v.getText(), login, neutral);
            if (!text.equals(v.getText())) {
                v.mentionsRenamed(text);
            }
        }
        return renamed;
    }

    /**
     * Deletes the person's notebook entries, and empties them and the posts they had deleted themselves (whose text
     * every deletion keeps in the row) of their texts, earlier versions, topics and files; their uploads never attached
     * to a post go too.
     *
     * @return how many notebook entries were still there
     */
    private int eraseNotebook(long id, Instant now, Set<Long> reindex) {
        List<Post> gone = em.createQuery("""
                        select p from Post p where p.author.id = :id and (p.audience = :notebook or p.deletedAt is not null)""",
                        Post.class)
                .setParameter("id", id).setParameter("notebook", Post.Audience.NOTEBOOK).getResultList();
        List<Attachment> files = new ArrayList<>(em.createQuery(
                "select a from Attachment a where a.post is null and a.uploader.id = :id", Attachment.class)
                .setParameter("id", id).getResultList());
        int erased = 0;
        for (int from = 0; from < gone.size(); from += 500) {
            List<Long> ids = gone.subList(from, Math.min(gone.size(), from + 500)).stream().map(Post::getId).toList();
            files.addAll(em.createQuery("select a from Attachment a where a.post.id in :ids", Attachment.class)
                    .setParameter("ids", ids).getResultList());
            em.createQuery("delete from PostVersion v where v.post.id in :ids").setParameter("ids", ids).executeUpdate();
            em.createQuery("delete from PostTag t where t.post.id in :ids").setParameter("ids", ids).executeUpdate();
        }
        List<String> stored = new ArrayList<>();
        for (Attachment a : files) {
            stored.add(a.getStoredName());
            if (a.getThumbnailName() != null) {
                stored.add(a.getThumbnailName());
            }
            em.remove(a);
        }
        for (Post p : gone) {
            if (p.isNotebook()) {
                erased += p.isDeleted() ? 0 : 1;
                p.eraseNotebookEntry(now);
                reindex.add(p.getId());
            } else {
                p.forgetText();
            }
        }
        em.flush();
        // The files go once their rows are gone; a rollback after this point would leave rows without files, which
        // are served as "not found" like any deleted post's.
        stored.forEach(store::remove);
        return erased;
    }

    private Employee admin(String username) throws Refused {
        return people.find(username).filter(visibility::isAdmin).orElseThrow(() -> Refused.notAllowed("erasure"));
    }
}
