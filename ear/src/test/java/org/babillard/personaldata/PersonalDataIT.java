package org.babillard.personaldata;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.babillard.attachments.boundary.Upload;
import org.babillard.channels.boundary.Channels;
import org.babillard.channels.entity.Channel;
import org.babillard.composer.boundary.Composer;
import org.babillard.following.boundary.Following;
import org.babillard.it.Deployments;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.DirectoryProfile;
import org.babillard.personaldata.boundary.PersonalData;
import org.babillard.polls.boundary.Polls;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.Posts;
import org.babillard.posts.entity.Post;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An employee's export of their own data, read back as a program would: everything they wrote, notebook
 * included, with earlier versions, polls and files; nothing someone else wrote; nothing they deleted.
 */
@ExtendWith(ArquillianExtension.class)
class PersonalDataIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.babillardWithTests(PersonalDataIT.class);
    }

    @Inject
    PersonalData personalData;

    @Inject
    Posts posts;

    @Inject
    Polls polls;

    @Inject
    Composer composer;

    @Inject
    Channels channels;

    @Inject
    Following following;

    @Inject
    People people;

    @Test
    void theExportHoldsEverythingTheEmployeeWroteAndNothingElse() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String me = employee("pd.me." + run);
        String colleague = employee("pd.colleague." + run);
        following.follow(me, colleague);
        following.followTopic(me, "export" + run);
        long channel = channels.create(colleague, "Export " + run, "A channel", Channel.Access.PRIVATE, Channel.Posting.MEMBERS).getId();
        channels.invite(colleague, channel, me);
        channels.join(me, channel);

        Post company = posts.publish(me, "First version");
        posts.edit(me, company.getId(), posts.readable(me, company.getId()).getVersion(), "Second version, café ☕");
        Post note = posts.publish(me, Draft.notebook("A private note only I can read"));
        Post inChannel = posts.publish(me, Draft.inChannel(channel, "In our private channel"));
        Post gone = posts.publish(me, "A post I deleted");
        posts.delete(me, gone.getId());
        Post theirs = posts.publish(colleague, "My colleague's post");
        Post reply = posts.publish(me, Draft.reply(theirs.getId(), "My reply to my colleague"));
        posts.bookmark(me, theirs.getId());
        Post poll = polls.publish(me, Draft.companyWide("Lunch where?"), List.of("Canteen", "Park"),
                Instant.now().plus(1, ChronoUnit.DAYS), false);
        byte[] minutes = "Minutes of the meeting\n".getBytes(StandardCharsets.UTF_8);
        Post withFile = composer.publish(me, Draft.companyWide("The minutes"), null, null, false,
                List.of(Upload.of("minutes/../2026.txt", null, minutes)));

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        personalData.export(me, zip);
        Map<String, byte[]> files = unzip(zip.toByteArray());

        JsonObject export = Json.createReader(new ByteArrayInputStream(files.get("babillard-export.json"))).readObject();
        assertEquals(me, export.getJsonObject("profile").getString("username"));
        Map<Long, JsonObject> written = new HashMap<>();
        export.getJsonArray("posts").forEach(v -> written.put(((JsonObject) v).getJsonNumber("id").longValue(), (JsonObject) v));
        assertEquals(java.util.Set.of(company.getId(), note.getId(), inChannel.getId(), reply.getId(), poll.getId(), withFile.getId()),
                written.keySet(), "mine, notebook included; not the deleted one, not my colleague's");

        JsonObject edited = written.get(company.getId());
        assertEquals("Second version, café ☕", edited.getString("text"));
        assertEquals("First version", edited.getJsonArray("earlierVersions").getJsonObject(0).getString("text"));
        assertEquals("NOTEBOOK", written.get(note.getId()).getString("audience"));
        assertEquals("A private note only I can read", written.get(note.getId()).getString("text"));
        assertEquals("Export " + run, written.get(inChannel.getId()).getJsonObject("channel").getString("name"));
        assertEquals(theirs.getId(), written.get(reply.getId()).getJsonNumber("replyTo").longValue());
        assertEquals(List.of("Canteen", "Park"), written.get(poll.getId()).getJsonObject("poll").getJsonArray("choices")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());

        JsonObject attachment = written.get(withFile.getId()).getJsonArray("attachments").getJsonObject(0);
        String path = attachment.getString("file");
        assertTrue(path.startsWith("attachments/") && !path.substring("attachments/".length()).contains("/"),
                "the file stays in its folder whatever its name: " + path);
        assertArrayEquals(minutes, files.get(path), "the file itself is in the export");

        assertTrue(export.getJsonArray("following").contains(Json.createValue(colleague)));
        assertTrue(export.getJsonArray("topics").contains(Json.createValue("export" + run)));
        assertTrue(export.getJsonArray("bookmarks").contains(Json.createValue(theirs.getId())));
        assertEquals("Export " + run, export.getJsonArray("channels").getJsonObject(0).getString("name"));
        String all = new String(files.get("babillard-export.json"), StandardCharsets.UTF_8);
        assertFalse(all.contains("A post I deleted"), "a deleted post is not exported");
        assertFalse(all.contains("My colleague's post"), "someone else's text is not exported");

        // The colleague's export does not hold my notebook, nor anything of mine.
        ByteArrayOutputStream theirsZip = new ByteArrayOutputStream();
        personalData.export(colleague, theirsZip);
        String theirExport = new String(unzip(theirsZip.toByteArray()).get("babillard-export.json"), StandardCharsets.UTF_8);
        assertTrue(theirExport.contains("My colleague's post"));
        assertFalse(theirExport.contains("A private note only I can read"));
        assertFalse(theirExport.contains("My reply to my colleague"));
        assertEquals(JsonValue.ValueType.ARRAY, export.get("votes").getValueType());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private String employee(String username) {
        people.loggedIn(username, new DirectoryProfile("uid=" + username + ",ou=people,dc=babillard,dc=example",
                "Test " + username, username + "@babillard.example", "QA", "Ingénierie", "Lyon"));
        return username;
    }
}
