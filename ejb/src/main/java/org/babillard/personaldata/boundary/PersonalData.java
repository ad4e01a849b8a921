package org.babillard.personaldata.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.attachments.control.AttachmentStore;
import org.babillard.attachments.entity.Attachment;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.Employee;
import org.babillard.posts.entity.Post;
import org.babillard.posts.entity.PostVersion;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An employee's own data, to take away: everything they wrote (posts, replies, shares, notebook entries, with
 * their earlier versions, polls and attachments' files) and what they chose (whom and what they follow, their
 * channels, bookmarks, votes, status), as a ZIP holding {@code babillard-export.json} and the files. Only ever the
 * caller's own: there is no way to ask for someone else's.
 */
@Stateless
public class PersonalData {

    /** The JSON document's format version, for programs that read it. */
    public static final int FORMAT = 1;

    static final String JSON_ENTRY = "babillard-export.json";
    private static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Inject
    AttachmentStore store;

    /** Writes the employee's export as a ZIP to {@code out} (which the caller closes). */
    public void export(String username, OutputStream out) throws IOException {
        Employee me = people.find(username).orElseThrow(() -> new IllegalArgumentException("No employee " + username));
        if (!me.isActive()) {
            throw new IllegalStateException(username + " no longer works here");
        }
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        List<Attachment> files = new ArrayList<>();
        zip.putNextEntry(new ZipEntry(JSON_ENTRY));
        JsonGenerator json = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createGenerator(new NonClosing(zip), StandardCharsets.UTF_8);
        json.writeStartObject();
        json.write("format", FORMAT);
        json.write("exportedAt", Clock.systemUTC().instant().toString());
        profile(json, me);
        posts(json, me, files);
        following(json, me);
        json.writeEnd();
        json.close();
        zip.closeEntry();
        for (Attachment a : files) {
            Path file = store.file(a.getStoredName());
            if (file != null && Files.isRegularFile(file)) {
                zip.putNextEntry(new ZipEntry(filePath(a)));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        zip.finish();
        zip.flush();
    }

    private static String filePath(Attachment a) {
        // The name the author gave, made safe for any unzip program: no folders, no control characters.
        String name = a.getFileName().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return "attachments/" + a.getId() + "-" + name;
    }

    private void profile(JsonGenerator json, Employee me) {
        json.writeStartObject("profile");
        json.write("username", me.getUsername());
        write(json, "displayName", me.getDisplayName());
        write(json, "mail", me.getMail());
        write(json, "title", me.getTitle());
        write(json, "department", me.getDepartment());
        write(json, "site", me.getSite());
        write(json, "phone", me.getPhone());
        write(json, "language", me.preferredLanguage());
        Instant now = Clock.systemUTC().instant();
        write(json, "status", me.statusAt(now));
        write(json, "statusUntil", me.statusUntilAt(now));
        write(json, "firstLogin", me.getFirstLogin());
        json.writeEnd();
    }

    private void posts(JsonGenerator json, Employee me, List<Attachment> files) {
        json.writeStartArray("posts");
        long after = 0;
        while (true) {
            List<Post> batch = em.createQuery("""
                            select p from Post p where p.author.id = :me and p.deletedAt is null and p.id > :after
                            order by p.id""", Post.class)
                    .setParameter("me", me.getId()).setParameter("after", after).setMaxResults(BATCH).getResultList();
            if (batch.isEmpty()) {
                break;
            }
            List<Long> ids = batch.stream().map(Post::getId).toList();
            Map<Long, List<Object[]>> versions = group(em.createQuery(
                    "select v.post.id, v from PostVersion v where v.post.id in :ids order by v.id", Object[].class)
                    .setParameter("ids", ids).getResultList(), r -> (Long) r[0]);
            Map<Long, List<Attachment>> attachments = group(em.createQuery(
                    "select a from Attachment a where a.post.id in :ids order by a.sortOrder", Attachment.class)
                    .setParameter("ids", ids).getResultList(), a -> a.getPost().getId());
            Map<Long, List<Object[]>> choices = group(em.createQuery(
                    "select ch.poll.postId, ch.text from PollChoice ch where ch.poll.postId in :ids order by ch.position",
                    Object[].class).setParameter("ids", ids).getResultList(), r -> (Long) r[0]);
            Map<Long, Object[]> polls = new HashMap<>();
            em.createQuery("select pl.postId, pl.deadline from Poll pl where pl.postId in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList().forEach(r -> polls.put((Long) r[0], r));
            Map<Long, Object[]> questions = new HashMap<>();
            em.createQuery("select q.postId, q.bestAnswerId from Question q where q.postId in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList().forEach(r -> questions.put((Long) r[0], r));
            for (Post p : batch) {
                json.writeStartObject();
                json.write("id", p.getId());
                json.write("createdAt", p.getCreatedAt().toString());
                write(json, "editedAt", p.getEditedAt());
                json.write("audience", p.getAudience().name());
                if (p.getChannel() != null) {
                    json.writeStartObject("channel");
                    json.write("slug", p.getChannel().getSlug());
                    json.write("name", p.getChannel().getName());
                    json.writeEnd();
                }
                if (p.getReplyTo() != null) {
                    json.write("replyTo", p.getReplyTo().getId());
                    json.write("thread", p.getThreadRoot().getId());
                }
                if (p.getSharedPost() != null) {
                    json.write("shares", p.getSharedPost().getId());
                }
                json.write("hidden", p.isHidden());
                json.write("text", p.getText());
                List<Object[]> earlier = versions.getOrDefault(p.getId(), List.of());
                if (!earlier.isEmpty()) {
                    json.writeStartArray("earlierVersions");
                    for (Object[] row : earlier) {
                        PostVersion v = (PostVersion) row[1];
                        json.writeStartObject().write("writtenAt", v.getWrittenAt().toString())
                                .write("text", v.getText()).writeEnd();
                    }
                    json.writeEnd();
                }
                Object[] poll = polls.get(p.getId());
                if (poll != null) {
                    json.writeStartObject("poll");
                    json.write("deadline", poll[1].toString());
                    json.writeStartArray("choices");
                    choices.getOrDefault(p.getId(), List.of()).forEach(r -> json.write((String) r[1]));
                    json.writeEnd();
                    json.writeEnd();
                }
                Object[] question = questions.get(p.getId());
                if (question != null) {
                    json.writeStartObject("question");
                    if (question[1] != null) {
                        json.write("bestAnswer", (Long) question[1]);
                    }
                    json.writeEnd();
                }
                List<Attachment> own = attachments.getOrDefault(p.getId(), List.of());
                if (!own.isEmpty()) {
                    json.writeStartArray("attachments");
                    for (Attachment a : own) {
                        json.writeStartObject();
                        json.write("file", filePath(a));
                        json.write("name", a.getFileName());
                        json.write("contentType", a.getContentType());
                        json.write("size", a.getSize());
                        write(json, "altText", a.getAltText());
                        json.writeEnd();
                        files.add(a);
                    }
                    json.writeEnd();
                }
                json.writeEnd();
            }
            after = ids.get(ids.size() - 1);
            if (batch.size() < BATCH) {
                break;
            }
        }
        json.writeEnd();
    }

    private void following(JsonGenerator json, Employee me) {
        json.writeStartArray("following");
        em.createQuery("select f.followed.username from Follow f where f.follower.id = :me order by f.followed.username", String.class)
                .setParameter("me", me.getId()).getResultList().forEach(json::write);
        json.writeEnd();
        json.writeStartArray("topics");
        em.createQuery("select t.tag from TopicFollow t where t.employee.id = :me order by t.tag", String.class)
                .setParameter("me", me.getId()).getResultList().forEach(json::write);
        json.writeEnd();
        json.writeStartArray("channels");
        for (Object[] m : em.createQuery("""
                        select m.channel.slug, m.channel.name, m.role from Membership m where m.employee.id = :me
                        order by m.channel.name""", Object[].class)
                .setParameter("me", me.getId()).getResultList()) {
            json.writeStartObject().write("slug", (String) m[0]).write("name", (String) m[1])
                    .write("role", m[2].toString()).writeEnd();
        }
        json.writeEnd();
        // Bookmarks and votes name posts by id only: the posts are other people's, and may have become unreadable.
        json.writeStartArray("bookmarks");
        em.createQuery("select b.post.id from Bookmark b where b.employee.id = :me order by b.post.id", Long.class)
                .setParameter("me", me.getId()).getResultList().forEach(json::write);
        json.writeEnd();
        json.writeStartArray("votes");
        for (Object[] v : em.createQuery("""
                        select v.poll.postId, v.choice.text from PollVote v where v.employee.id = :me
                        order by v.poll.postId""", Object[].class)
                .setParameter("me", me.getId()).getResultList()) {
            json.writeStartObject().write("poll", (Long) v[0]).write("choice", (String) v[1]).writeEnd();
        }
        json.writeEnd();
    }

    private static <T> Map<Long, List<T>> group(List<T> rows, java.util.function.Function<T, Long> key) {
        Map<Long, List<T>> grouped = new HashMap<>();
        rows.forEach(r -> grouped.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return grouped;
    }

    private static void write(JsonGenerator json, String name, Object value) {
        if (value != null) {
            json.write(name, value.toString());
        }
    }

    /** Lets the JSON generator close without closing the ZIP around it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
