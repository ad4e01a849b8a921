package org.babillard.posts.boundary;

import org.babillard.audit.entity.AuditAction;
import org.babillard.audit.boundary.AuditLog;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import org.babillard.channels.entity.Channel;
import org.babillard.notifications.control.Notifier;
import org.babillard.notifications.entity.Notification;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.control.Markup;
import org.babillard.posts.control.PostSettings;
import org.babillard.posts.control.PostText;
import org.babillard.posts.control.Visibility;
import org.babillard.posts.entity.Bookmark;
import org.babillard.posts.entity.Mention;
import org.babillard.posts.entity.Post;
import org.babillard.posts.entity.PostReport;
import org.babillard.posts.entity.PostTag;
import org.babillard.posts.entity.PostVersion;
import org.babillard.posts.entity.Reaction;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writing and acting on posts: publish, reply, edit, delete, react, bookmark, pin, report, and moderation. Each
 * method takes the acting employee's login and checks with {@link Visibility} what they may do; a post they may
 * not read is "not found". Each call is one transaction: it all happens, or nothing does.
 */
@Stateless
public class Posts {

    /** The longest reason a report may give, in code points. */
    public static final int REPORT_REASON_LIMIT = 500;

    /** The refusal's detail when a bot posts outside its channels (the API shows it as it is). */
    public static final String BOT_CHANNELS_ONLY = "A bot may post only in the channels it was allowed into";

    /** The longest client key stored (the column's width). */
    static final int CLIENT_KEY_LIMIT = 64;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    People people;

    @Inject
    PostSettings settings;

    @Inject
    Visibility visibility;

    @Inject
    Notifier notifier;

    @Inject
    Event<PostPublished> published;

    @Inject
    Event<PostChanged> changed;

    /**
     * Publishes a company-wide status update by this employee.
     *
     * @throws PostRejected if the text is empty, too long or holds control characters
     * @throws IllegalArgumentException if nobody of that name has ever logged in
     */
    public Post publish(String authorUsername, String text) throws PostRejected {
        try {
            return publish(authorUsername, Draft.companyWide(text));
        } catch (Refused e) {
            throw new IllegalStateException("A company-wide post is never refused", e);
        }
    }

    /**
     * Publishes a post, a post in a channel or a reply. With a client key already used by this author, returns
     * the post published then and publishes nothing.
     *
     * @throws PostRejected if the text breaks a rule
     * @throws Refused      NOT_FOUND for a channel or post the author cannot see, NOT_ALLOWED for a channel the
     *                      author may not start threads in, ARCHIVED for an archived channel
     */
    public Post publish(String authorUsername, Draft draft) throws PostRejected, Refused {
        Employee author = actor(authorUsername);
        if (draft.clientKey() != null && draft.clientKey().length() > CLIENT_KEY_LIMIT) {
            // Composers send a UUID; a longer key is no composer's: it publishes without the double-submit guard.
            draft = new Draft(draft.text(), draft.channelId(), draft.replyToId(), null, draft.audience());
        }
        if (draft.clientKey() != null) {
            // Two submissions of one composer at once (a double click) wait for each other here, so the second
            // finds the first's post instead of breaking the unique key.
            em.lock(author, LockModeType.PESSIMISTIC_WRITE);
            Optional<Post> earlier = em.createNamedQuery(Post.BY_CLIENT_KEY, Post.class)
                    .setParameter("author", author.getId()).setParameter("key", draft.clientKey())
                    .getResultStream().findFirst();
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        String text = checked(draft.text());
        if (author.isBot()) {
            botMayPost(author, draft);
        }
        if (draft.audience() != null && draft.audience().isRestricted() && draft.channelId() != null) {
            // A channel's posts are for its readers; a notebook entry or a post to the people mentioned has no channel.
            throw new Refused(Refused.Reason.INVALID, "post.audienceInChannel");
        }
        Channel channel = null;
        Post replyTo = null;
        if (draft.replyToId() != null) {
            replyTo = em.find(Post.class, draft.replyToId(), LockModeType.PESSIMISTIC_WRITE);
            if (replyTo == null || !visibility.canRead(author, replyTo) || replyTo.isHidden()
                    || replyTo.getThreadRoot().isHidden()) {
                throw Refused.notFound("post " + draft.replyToId());
            }
            Channel threadChannel = replyTo.getThreadRoot().getChannel();
            if (threadChannel != null && threadChannel.isArchived()) {
                throw new Refused(Refused.Reason.ARCHIVED, threadChannel.getSlug());
            }
            // The thread's replies counter is updated: lock the first post too, so that two replies count twice.
            em.lock(replyTo.getThreadRoot(), LockModeType.PESSIMISTIC_WRITE);
        } else if (draft.channelId() != null) {
            channel = em.find(Channel.class, draft.channelId());
            if (channel == null || !visibility.canRead(author, channel)) {
                throw Refused.notFound("channel " + draft.channelId());
            }
            if (channel.isArchived()) {
                throw new Refused(Refused.Reason.ARCHIVED, channel.getSlug());
            }
            if (!visibility.canStartThread(author, channel)) {
                throw Refused.notAllowed("post in " + channel.getSlug());
            }
        }
        Instant now = Clock.systemUTC().instant();
        Post post = new Post(author, channel, replyTo, text, now, draft.clientKey(), draft.audience());
        em.persist(post);
        profileCount(post, 1);
        em.flush();
        if (replyTo != null) {
            countReplies(post, 1);
        }
        Set<Employee> told = new HashSet<>();
        tagAndMention(post, text, Set.of(), told);
        if (replyTo != null) {
            notifyReply(post, replyTo, author, told);
        }
        published.fire(new PostPublished(post.getId(), author.getUsername(), post.getChannel() != null, post.getThread() != null));
        return post;
    }

    /**
     * Shares a post the sharer may read, company-wide (to their followers and the company stream) or into a
     * channel they may start threads in, with their comment (may be empty). Sharing a share shares its original.
     * The share is read only by those who may read both where it is posted and the original: sharing never widens
     * who reads a post. A notebook entry or a post for the people mentioned cannot be shared. With a client key
     * already used by this author, returns the share published then.
     *
     * @param channelId the channel, or null for company-wide
     * @throws PostRejected if the comment is too long or holds control characters
     * @throws Refused      NOT_FOUND for a post or channel the sharer cannot see; INVALID ("post.shareRestricted")
     *                      for a notebook entry or a post for the people mentioned; NOT_ALLOWED or ARCHIVED for a
     *                      channel the sharer may not start threads in
     */
    public Post share(String sharerUsername, long postId, String comment, Long channelId, String clientKey)
            throws PostRejected, Refused {
        Employee sharer = actor(sharerUsername);
        if (sharer.isBot()) {
            throw Refused.notAllowed(BOT_CHANNELS_ONLY);
        }
        if (clientKey != null && clientKey.length() > CLIENT_KEY_LIMIT) {
            clientKey = null;
        }
        if (clientKey != null) {
            em.lock(sharer, LockModeType.PESSIMISTIC_WRITE);
            Optional<Post> earlier = em.createNamedQuery(Post.BY_CLIENT_KEY, Post.class)
                    .setParameter("author", sharer.getId()).setParameter("key", clientKey)
                    .getResultStream().findFirst();
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Post original = readable(sharer, postId);
        if (original.getSharedPost() != null) {
            original = readable(sharer, original.getSharedPost().getId());
        }
        if (original.isHidden() || original.getThreadRoot().isHidden()) {
            throw Refused.notFound("post " + postId);
        }
        if (original.getAudience().isRestricted()) {
            throw new Refused(Refused.Reason.INVALID, "post.shareRestricted");
        }
        String text = comment == null || comment.isBlank() ? "" : checked(comment);
        Channel channel = null;
        if (channelId != null) {
            channel = em.find(Channel.class, channelId);
            if (channel == null || !visibility.canRead(sharer, channel)) {
                throw Refused.notFound("channel " + channelId);
            }
            if (channel.isArchived()) {
                throw new Refused(Refused.Reason.ARCHIVED, channel.getSlug());
            }
            if (!visibility.canStartThread(sharer, channel)) {
                throw Refused.notAllowed("share in " + channel.getSlug());
            }
        }
        Post share = Post.share(sharer, channel, original, text, Clock.systemUTC().instant(), clientKey);
        em.persist(share);
        em.flush();
        Set<Employee> told = new HashSet<>();
        tagAndMention(share, text, Set.of(), told);
        Employee originalAuthor = original.getAuthor();
        if (!originalAuthor.getId().equals(sharer.getId()) && originalAuthor.isActive()
                && told.stream().noneMatch(e -> e.getId().equals(originalAuthor.getId()))) {
            // The notifier checks that the original's author may read the share (its channel may be closed to them).
            notifier.notify(originalAuthor, Notification.Kind.SHARE, sharer, share, channel);
        }
        published.fire(new PostPublished(share.getId(), sharer.getUsername(), share.getChannel() != null, share.getThread() != null));
        return share;
    }

    /**
     * Replaces the text of the author's own post. The earlier text stays in the post's history.
     *
     * @param expectedVersion the version the author started editing; if the post changed since, nothing is saved
     * @throws Refused CHANGED_MEANWHILE if someone changed the post since, NOT_ALLOWED for someone else's post
     */
    public Post edit(String editorUsername, long postId, long expectedVersion, String newText) throws PostRejected, Refused {
        Employee editor = actor(editorUsername);
        Post post = readable(editor, postId);
        if (!post.getAuthor().getId().equals(editor.getId())) {
            throw Refused.notAllowed("edit post " + postId);
        }
        if (post.getVersion() != expectedVersion) {
            throw new Refused(Refused.Reason.CHANGED_MEANWHILE, "post " + postId);
        }
        if (post.getChannel() != null && post.getChannel().isArchived()) {
            throw new Refused(Refused.Reason.ARCHIVED, post.getChannel().getSlug());
        }
        String text = checked(newText);
        if (text.equals(post.getText())) {
            return post;
        }
        Set<String> mentionedBefore = Markup.mentions(post.getText());
        em.persist(post.edit(text, Clock.systemUTC().instant()));
        em.createNamedQuery(PostTag.OF_POST, PostTag.class).setParameter("post", post.getId()).getResultList()
                .forEach(em::remove);
        // A colleague no longer named keeps no mention of the post.
        Set<String> mentionedNow = Markup.mentions(text);
        em.createNamedQuery(Mention.OF_POST, Mention.class).setParameter("post", post.getId()).getResultList().stream()
                .filter(m -> !mentionedNow.contains(m.getEmployee().getUsername().toLowerCase(java.util.Locale.ROOT)))
                .forEach(em::remove);
        try {
            // Writes the text now, guarded by the version: an edit saved meanwhile makes this one fail here.
            em.flush();
        } catch (OptimisticLockException e) {
            throw new Refused(Refused.Reason.CHANGED_MEANWHILE, "post " + postId);
        }
        tagAndMention(post, text, mentionedBefore, new HashSet<>());
        changed.fire(new PostChanged(post.getId()));
        return post;
    }

    /** The earlier texts of a post, newest first (the current text is the post itself). */
    public List<PostVersion> history(String readerUsername, long postId) throws Refused {
        Employee reader = actor(readerUsername);
        readable(reader, postId);
        return em.createNamedQuery(PostVersion.OF, PostVersion.class).setParameter("post", postId).getResultList();
    }

    /** The author deletes their post, or a moderator of its channel, or an admin. */
    public void delete(String actorUsername, long postId) throws Refused {
        Employee actor = actor(actorUsername);
        Post post = moderatable(actor, postId);
        if (!post.getAuthor().getId().equals(actor.getId()) && !visibility.canModerate(actor, post)) {
            throw Refused.notAllowed("delete post " + postId);
        }
        remove(post, actor);
        if (!post.getAuthor().getId().equals(actor.getId())) {
            audit.record(AuditAction.POST_DELETED_BY_MODERATOR, actor.getUsername(), "post " + postId,
                    "written by " + post.getAuthor().getUsername());
        }
    }

    /**
     * Retention deletes these posts the way their authors would: gone from timelines, search and their threads'
     * counts, their reports closed. Notebook entries (their author's alone) and posts deleted already are left as
     * they are. One transaction for the lot.
     *
     * @return how many were deleted now
     */
    public int expire(List<Long> postIds) {
        int deleted = 0;
        for (long id : postIds) {
            Post post = em.find(Post.class, id);
            if (post != null && !post.isDeleted() && !post.isNotebook()) {
                remove(post, null);
                deleted++;
            }
        }
        return deleted;
    }

    /** What deleting a post does, whoever deletes it (actor null: Babillard's retention). */
    private void remove(Post post, Employee actor) {
        lockThread(post);
        boolean shown = !post.isDeleted() && !post.isHidden();
        countReplies(post, post.delete(Clock.systemUTC().instant()));
        if (shown) {
            profileCount(post, -1);
        }
        resolveReports(post, actor, PostReport.Outcome.DELETED);
        changed.fire(new PostChanged(post.getId()));
    }

    /** A moderator hides a post from everyone but moderators; it can be shown again. */
    public void hide(String moderatorUsername, long postId) throws Refused {
        Employee moderator = actor(moderatorUsername);
        Post post = moderatable(moderator, postId);
        if (!visibility.canModerate(moderator, post)) {
            throw Refused.notAllowed("hide post " + postId);
        }
        lockThread(post);
        if (!post.isDeleted() && !post.isHidden()) {
            profileCount(post, -1);
        }
        countReplies(post, post.hide(moderator, Clock.systemUTC().instant()));
        resolveReports(post, moderator, PostReport.Outcome.HIDDEN);
        audit.record(AuditAction.POST_HIDDEN, moderator.getUsername(), "post " + postId, "written by " + post.getAuthor().getUsername());
        changed.fire(new PostChanged(postId));
    }

    public void unhide(String moderatorUsername, long postId) throws Refused {
        Employee moderator = actor(moderatorUsername);
        Post post = moderatable(moderator, postId);
        if (!visibility.canModerate(moderator, post)) {
            throw Refused.notAllowed("unhide post " + postId);
        }
        lockThread(post);
        if (!post.isDeleted() && post.isHidden()) {
            profileCount(post, 1);
        }
        countReplies(post, post.unhide());
        audit.record(AuditAction.POST_UNHIDDEN, moderator.getUsername(), "post " + postId, "written by " + post.getAuthor().getUsername());
        changed.fire(new PostChanged(postId));
    }

    /** A channel's moderators pin a thread's first post to the top of the channel page. */
    public void pin(String moderatorUsername, long postId, boolean pinned) throws Refused {
        Employee moderator = actor(moderatorUsername);
        Post post = readable(moderator, postId);
        if (post.getChannel() == null || post.getThread() != null || post.isHidden()) {
            throw new Refused(Refused.Reason.INVALID, "post.pinOnlyInChannel");
        }
        if (!visibility.canModerate(moderator, post)) {
            throw Refused.notAllowed("pin post " + postId);
        }
        if (pinned) {
            post.pin(Clock.systemUTC().instant());
        } else {
            post.unpin();
        }
    }

    /**
     * Adds the reaction, or takes it back if the employee had already given it.
     *
     * @return whether the employee now has this reaction on the post
     */
    public boolean react(String username, long postId, Reaction.Emoji emoji) throws Refused {
        Employee employee = actor(username);
        Post post = readable(employee, postId);
        Optional<Reaction> given = em.createNamedQuery(Reaction.OF, Reaction.class)
                .setParameter("post", postId).setParameter("employee", employee.getId())
                .setParameter("emoji", emoji.name()).getResultStream().findFirst();
        if (given.isPresent()) {
            em.remove(given.get());
            return false;
        }
        em.persist(new Reaction(post, employee, emoji, Clock.systemUTC().instant()));
        notifier.notify(post.getAuthor(), Notification.Kind.REACTION, employee, post, null);
        return true;
    }

    /**
     * Bookmarks the post, or removes the bookmark.
     *
     * @return whether the post is now bookmarked
     */
    public boolean bookmark(String username, long postId) throws Refused {
        Employee employee = actor(username);
        Post post = readable(employee, postId);
        Optional<Bookmark> kept = em.createNamedQuery(Bookmark.OF, Bookmark.class)
                .setParameter("employee", employee.getId()).setParameter("post", postId)
                .getResultStream().findFirst();
        if (kept.isPresent()) {
            em.remove(kept.get());
            return false;
        }
        em.persist(new Bookmark(employee, post, Clock.systemUTC().instant()));
        return true;
    }

    /** An employee reports a post to the administrators; reporting the same post twice keeps one open report. */
    public void report(String username, long postId, String reason) throws Refused {
        Employee reporter = actor(username);
        Post post = readable(reporter, postId);
        if (post.getAudience().isRestricted()) {
            // Nobody but its chosen readers may read it, administrators included: there is no one to report it to.
            throw Refused.notAllowed("report post " + postId);
        }
        String why = reason == null ? "" : PostText.normalize(reason);
        if (why.isEmpty()) {
            throw new Refused(Refused.Reason.INVALID, "report.reasonMissing");
        }
        if (why.codePointCount(0, why.length()) > REPORT_REASON_LIMIT || PostText.check(why, REPORT_REASON_LIMIT).isPresent()) {
            throw new Refused(Refused.Reason.INVALID, "report.reasonTooLong");
        }
        boolean already = em.createNamedQuery(PostReport.BY_REPORTER, PostReport.class)
                .setParameter("post", postId).setParameter("reporter", reporter.getId())
                .getResultStream().findFirst().isPresent();
        if (!already) {
            em.persist(new PostReport(post, reporter, why, Clock.systemUTC().instant()));
        }
    }

    /** The open reports, oldest first, for administrators. */
    public List<PostReport> openReports(String adminUsername) throws Refused {
        Employee admin = actor(adminUsername);
        if (!visibility.isAdmin(admin)) {
            throw Refused.notAllowed("reports");
        }
        return em.createNamedQuery(PostReport.OPEN, PostReport.class).getResultList();
    }

    public long openReportCount(String adminUsername) {
        Employee admin = actor(adminUsername);
        return visibility.isAdmin(admin) ? em.createNamedQuery(PostReport.OPEN_COUNT, Long.class).getSingleResult() : 0;
    }

    /** An administrator closes the reports on a post, keeping the post as it is. */
    public void dismissReports(String adminUsername, long postId) throws Refused {
        Employee admin = actor(adminUsername);
        if (!visibility.isAdmin(admin)) {
            throw Refused.notAllowed("reports");
        }
        Post post = em.find(Post.class, postId);
        if (post == null) {
            throw Refused.notFound("post " + postId);
        }
        resolveReports(post, admin, PostReport.Outcome.KEPT);
        audit.record(AuditAction.REPORTS_DISMISSED, admin.getUsername(), "post " + postId, "written by " + post.getAuthor().getUsername());
    }

    /** A post this reader may read (moderators also read hidden posts). */
    public Post readable(String readerUsername, long postId) throws Refused {
        return readable(actor(readerUsername), postId);
    }

    public int maxLength() {
        return settings.maxLength();
    }

    private Post readable(Employee reader, long postId) throws Refused {
        Post post = em.find(Post.class, postId);
        if (post == null || !visibility.canRead(reader, post)) {
            throw Refused.notFound("post " + postId);
        }
        return post;
    }

    /**
     * A post this employee may read, or any post for an administrator: they act on the reports about posts of
     * private channels they are not in (the reports page shows them the post).
     */
    private Post moderatable(Employee actor, long postId) throws Refused {
        Post post = em.find(Post.class, postId);
        if (post != null && !post.isDeleted() && !post.getAudience().isRestricted() && visibility.isAdmin(actor)) {
            return post;
        }
        return readable(actor, postId);
    }

    /**
     * A bot posts only in the channels it was let into (as a member), and answers only in their threads: never
     * company-wide, in its notebook or to people mentioned. Membership itself is checked as for anyone.
     */
    private void botMayPost(Employee bot, Draft draft) throws Refused {
        Channel where = null;
        if (draft.replyToId() != null) {
            Post replyTo = em.find(Post.class, draft.replyToId());
            where = replyTo == null ? null : replyTo.getThreadRoot().getChannel();
            if (replyTo == null || !visibility.canRead(bot, replyTo)) {
                throw Refused.notFound("post " + draft.replyToId());
            }
        } else if (draft.channelId() != null) {
            where = em.find(Channel.class, draft.channelId());
            if (where == null || !visibility.canRead(bot, where)) {
                throw Refused.notFound("channel " + draft.channelId());
            }
        }
        if (where == null || (draft.audience() != null && draft.audience().isRestricted())
                || visibility.membership(where, bot).isEmpty()) {
            throw Refused.notAllowed(BOT_CHANNELS_ONLY);
        }
    }

    private Employee actor(String username) {
        Employee employee = people.find(username)
                .orElseThrow(() -> new IllegalArgumentException("No employee " + username));
        if (!employee.isActive()) {
            throw new IllegalStateException(username + " no longer works here");
        }
        return employee;
    }

    private String checked(String raw) throws PostRejected {
        String normalized = PostText.normalize(raw);
        int limit = settings.maxLength();
        Optional<PostText.Verdict> verdict = PostText.check(normalized, limit);
        if (verdict.isPresent()) {
            throw new PostRejected(verdict.get().problem(), verdict.get().length(), limit);
        }
        return normalized;
    }

    /** Stores the post's hashtags and mentions; notifies the people mentioned now and not before. */
    private void tagAndMention(Post post, String text, Set<String> mentionedBefore, Set<Employee> told) {
        for (String tag : Markup.hashtags(text)) {
            em.persist(new PostTag(post, tag));
        }
        if (post.isNotebook()) {
            // A notebook entry is nobody else's business: a name in it is plain text, stored and told to no one.
            return;
        }
        // For a post to the people mentioned, being mentioned in its first post is what lets one read it.
        boolean mentionGrants = post.getAudience() == Post.Audience.MENTIONED && post.getThread() == null;
        Set<Long> stored = new HashSet<>();
        em.createNamedQuery(Mention.OF_POST, Mention.class).setParameter("post", post.getId()).getResultList()
                .forEach(m -> stored.add(m.getEmployee().getId()));
        for (String login : Markup.mentions(text)) {
            Optional<Employee> mentioned = people.find(login);
            if (mentioned.isEmpty() || !mentioned.get().isActive() || stored.contains(mentioned.get().getId())) {
                continue;
            }
            // Someone who cannot read the post is neither recorded nor told: the mention stays plain text for them.
            if (!mentionGrants && !visibility.canRead(mentioned.get(), post)) {
                continue;
            }
            em.persist(new Mention(post, mentioned.get()));
            stored.add(mentioned.get().getId());
            if (mentionGrants) {
                // The notifier checks that the person may read the post, which the mention just stored decides.
                em.flush();
            }
            if (!mentionedBefore.contains(login)
                    && notifier.notify(mentioned.get(), Notification.Kind.MENTION, post.getAuthor(), post, post.getChannel())) {
                told.add(mentioned.get());
            }
        }
    }

    /** The author of the post answered and the thread's author hear of a reply, once each. */
    private void notifyReply(Post reply, Post replyTo, Employee author, Set<Employee> told) {
        Set<Long> toldIds = new HashSet<>();
        told.forEach(e -> toldIds.add(e.getId()));
        for (Employee recipient : List.of(replyTo.getAuthor(), replyTo.getThreadRoot().getAuthor())) {
            if (toldIds.add(recipient.getId())) {
                notifier.notify(recipient, Notification.Kind.REPLY, author, reply, reply.getChannel());
            }
        }
    }

    private void lockThread(Post post) {
        if (post.getThread() != null) {
            em.lock(post.getThread(), LockModeType.PESSIMISTIC_WRITE);
        }
    }

    /** The author's count of posts on their profile, and the time of their latest (an SQL increment: no lost update). */
    private void profileCount(Post post, int delta) {
        if (!post.countsOnProfile()) {
            return;
        }
        if (delta > 0) {
            em.createNativeQuery("UPDATE employee SET public_posts = public_posts + 1, last_public_post_at = CASE WHEN "
                            + "last_public_post_at IS NULL OR last_public_post_at < CAST(? AS TIMESTAMP WITH TIME ZONE) "
                            + "THEN CAST(? AS TIMESTAMP WITH TIME ZONE) ELSE last_public_post_at END WHERE id = ?")
                    .setParameter(1, post.getCreatedAt().atOffset(java.time.ZoneOffset.UTC))
                    .setParameter(2, post.getCreatedAt().atOffset(java.time.ZoneOffset.UTC))
                    .setParameter(3, post.getAuthor().getId()).executeUpdate();
        } else {
            em.createNativeQuery("UPDATE employee SET public_posts = public_posts - 1 WHERE id = ? AND public_posts > 0")
                    .setParameter(1, post.getAuthor().getId()).executeUpdate();
        }
    }

    private void countReplies(Post reply, int delta) {
        if (delta != 0 && reply.getThread() != null) {
            em.createNativeQuery(Post.COUNT_REPLIES_SQL).setParameter(1, delta)
                    .setParameter(2, reply.getThread().getId()).executeUpdate();
        }
    }

    private void resolveReports(Post post, Employee moderator, PostReport.Outcome outcome) {
        Instant now = Clock.systemUTC().instant();
        em.createNamedQuery(PostReport.OPEN_ON_POST, PostReport.class).setParameter("post", post.getId())
                .getResultList().forEach(r -> r.resolve(moderator, outcome, now));
    }
}
